package org.hopfieldlab.sim.exercise.course;

/** Exercise 8: a short glitch in the input is not followed (science file, item 4 — said exactly as measured). */
final class Glitch {
    private Glitch() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "glitch",
          "title": "8. IDP: a glitch is not followed",
          "instructions": [
            "The paper's glitch experiment (IDP, N = 1024, P = 10, noise s = 8, T = 25): the input favours A = ξ1 on",
            "[0, 8), then for only 2 time units B = ξ2 (the glitch, [8, 10)), then A again on [10, 15), then B on [15, 19)",
            "and C = ξ3 on [19, 25). The later A and B windows reuse the same input vectors as the first ones.",
            "",
            "Windows are numbered 1 to 5 in that order. The grades use 20 trials (seed 1), except where a task says otherwise."
          ],
          "spec": "model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=25&seed=1&trials=20&in=0:d1,8:d2,10:d1,15:d2,19:d3&x0=gauss",
          "free": ["noise"],
          "hidden": ["presets"],
          "tasks": [
            {
              "id": "during",
              "kind": "choice",
              "prompt": "What does the state do during the glitch (window 2, input favouring B)?",
              "choices": [
                {"id": "a", "text": "It switches to B.",
                 "when": {"measure": "ends-in", "memory": 2, "window": 2, "op": ">=", "value": 0.5}},
                {"id": "b", "text": "It starts to leave A — m_A drops well below 1 — but it does not reach B.",
                 "when": {"all": [
                   {"measure": "ends-in", "memory": 2, "window": 2, "op": "<=", "value": 0.1},
                   {"measure": "overlap", "memory": 1, "window": 2, "op": "<", "value": 0.8}
                 ]}},
                {"id": "c", "text": "Nothing: it stays deep in A (m_A above 0.8).",
                 "when": {"all": [
                   {"measure": "ends-in", "memory": 2, "window": 2, "op": "<=", "value": 0.1},
                   {"measure": "overlap", "memory": 1, "window": 2, "op": ">=", "value": 0.8}
                 ]}}
              ],
              "hint": "Watch m1 and m2 between t = 8 and t = 10: does m1 stay near 1, and does m2 ever take over?"
            },
            {
              "id": "m-a",
              "kind": "numeric",
              "prompt": "In this run (one trial, seed 1), what is m_A = m1 at the end of the glitch, t = 10? Two decimals.",
              "set": "trials=1",
              "answer": {"measure": "overlap", "memory": 1, "window": 2},
              "tolerance": {"abs": 0.02},
              "hint": "Pause at t = 10 or read the overlap plot there."
            },
            {
              "id": "after",
              "kind": "choice",
              "prompt": "After the glitch the input favours A again (window 3, t = 10 to 15). Where is the state at t = 15?",
              "choices": [
                {"id": "a", "text": "Back in A.",
                 "when": {"measure": "ends-in", "memory": 1, "window": 3, "op": ">=", "value": 0.9}},
                {"id": "b", "text": "In B.",
                 "when": {"measure": "ends-in", "memory": 2, "window": 3, "op": ">=", "value": 0.5}},
                {"id": "c", "text": "In neither: a mixture.",
                 "when": {"all": [
                   {"measure": "ends-in", "memory": 1, "window": 3, "op": "<", "value": 0.9},
                   {"measure": "ends-in", "memory": 2, "window": 3, "op": "<", "value": 0.5}
                 ]}}
              ],
              "hint": "The glitch left the state on A's side; A's input returns before B's well could take it."
            }
          ]
        }
        """;
}
