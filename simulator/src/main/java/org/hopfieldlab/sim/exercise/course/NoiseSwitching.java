package org.hopfieldlab.sim.exercise.course;

/** Exercise 7: noise helps IDP switch memories, and too much noise hurts. */
final class NoiseSwitching {
    private NoiseSwitching() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "noise-switching",
          "title": "7. IDP: noise helps switching — up to a point",
          "instructions": [
            "The paper's sequence task with IDP: N = 1024, P = 10 random memories, β = 10, two segments of T = 10 whose",
            "mixed inputs favour ξ1 and then ξ2 (the previous dominant memory is suppressed in segment 2).",
            "",
            "The dynamics carry noise: x ← x + f(x) dt + s √dt · g with g ~ N(0, I). A segment counts as retrieved when",
            "its dominant memory has the largest overlap, above 0.9, at the segment's end. The grades use 40 trials",
            "(seed 1); the key noise is yours to change."
          ],
          "spec": "model=idp&n=1024&p=10&mem=random&beta=10&noise=0&dt=0.01&t=20&seed=1&trials=40&in=0:d1,10:d2&x0=gauss",
          "free": ["noise"],
          "hidden": ["presets"],
          "tasks": [
            {
              "id": "stuck",
              "kind": "choice",
              "prompt": "Without noise IDP retrieves ξ1 in segment 1 but mostly fails to switch to ξ2 in segment 2. Why? (The theory tab shows the wells of the input in force.)",
              "choices": [
                {"id": "a", "text": "The ξ1 well still exists and is stable under segment 2's input; without noise nothing pushes the state out.",
                 "when": {"all": [
                   {"measure": "exists", "memory": 1, "window": 2, "op": "==", "value": 1},
                   {"measure": "stable", "memory": 1, "window": 2, "op": "==", "value": 1}
                 ]}},
                {"id": "b", "text": "Segment 2's input has no well for ξ2.",
                 "when": {"measure": "exists", "memory": 2, "window": 2, "op": "==", "value": 0}},
                {"id": "c", "text": "Segment 2's input erases the ξ1 well, and the state decays to zero.",
                 "when": {"measure": "exists", "memory": 1, "window": 2, "op": "==", "value": 0}}
              ],
              "hint": "Deeper is not the same as the only one: the input of segment 2 makes ξ2 the deepest well, but is ξ1's well gone?"
            },
            {
              "id": "switch",
              "kind": "make",
              "prompt": "Find a noise level at which IDP retrieves ξ1 in segment 1 and switches to ξ2 in segment 2, each in at least 90 % of the 40 trials.",
              "condition": {"all": [
                {"measure": "retrieved", "window": 1, "op": ">=", "value": 0.9},
                {"measure": "retrieved", "window": 2, "op": ">=", "value": 0.9}
              ]},
              "hint": "The authors use s = 8. Anything from about 4 to 8 works here; s = 2 is not enough."
            },
            {
              "id": "too-much",
              "kind": "make",
              "prompt": "Now raise the noise until IDP retrieves the memory of segment 1 in at most 10 % of the trials.",
              "condition": {"measure": "retrieved", "window": 1, "op": "<=", "value": 0.1},
              "hint": "At s = 16 retrieval already suffers; beyond about s = 24 the state is shaken so hard that the overlap never stays above 0.9."
            }
          ]
        }
        """;
}
