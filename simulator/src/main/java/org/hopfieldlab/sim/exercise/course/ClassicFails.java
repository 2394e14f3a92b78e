package org.hopfieldlab.sim.exercise.course;

/** Exercise 4: why the classic model with an additive input fails the sequence task. */
final class ClassicFails {
    private ClassicFails() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "classic-fails",
          "title": "4. The classic model and an additive input",
          "instructions": [
            "The paper's task: N = 1024 units hold P = 10 random memories, and three segments of T = 10 each present a",
            "**mixture** of all memories, u = Σμ aμ ξμ, with one memory dominant (ξ1, then ξ2, then ξ3; the recipe draws the",
            "weights at random and scales them so that Σ aμ = √(PN)). The network should end each segment in its dominant memory.",
            "",
            "In the classic model the input is **added** to the dynamics: dx/dt = −x + W σ(x) + u(t), with the Hebbian W of",
            "all memories. A segment counts as retrieved when its dominant memory has the largest overlap, above 0.9, at the",
            "segment's end. The grades use 10 trials (seed 1)."
          ],
          "spec": "model=classic&n=1024&p=10&mem=random&beta=10&noise=0&dt=0.01&t=30&seed=1&trials=10&in=0:d1,10:d2,20:d3&pulse=0&x0=gauss",
          "free": ["pulse", "noise"],
          "hidden": ["presets"],
          "tasks": [
            {
              "id": "constant",
              "kind": "choice",
              "prompt": "With the input held constant (pulse = 0), what does the classic model do in segment 3?",
              "choices": [
                {"id": "a", "text": "It retrieves ξ3, the dominant memory.",
                 "when": {"measure": "retrieved", "window": 3, "op": ">=", "value": 0.5}},
                {"id": "b", "text": "It sits in a mixture: m3 stays well below 1 and no memory is retrieved.",
                 "when": {"all": [
                   {"measure": "retrieved", "window": 3, "op": "<", "value": 0.5},
                   {"measure": "overlap", "memory": 3, "window": 3, "op": "<", "value": 0.9},
                   {"measure": "ends-in", "memory": 1, "window": 3, "op": "<", "value": 0.5}
                 ]}},
                {"id": "c", "text": "It stays in ξ1, where segment 1 left it.",
                 "when": {"measure": "ends-in", "memory": 1, "window": 3, "op": ">=", "value": 0.5}}
              ],
              "hint": "A strong additive input dominates x itself: σ(x) then follows the sign of the mixture u, not a memory."
            },
            {
              "id": "pulsed",
              "kind": "make",
              "prompt": "Make the classic model retrieve ξ3 at the end of segment 3 in at least 80 % of the trials by delivering each segment's input as a short pulse (key pulse: the input is on for the first pulse time units of each segment).",
              "condition": {"all": [
                {"measure": "param", "key": "pulse", "op": ">", "value": 0},
                {"measure": "retrieved", "window": 3, "op": ">=", "value": 0.8}
              ]},
              "hint": "A pulse of about one time unit places the state near the mixture; then the network alone rolls into the nearest memory. Keep the noise off."
            },
            {
              "id": "noisy",
              "kind": "choice",
              "prompt": "IDP needs noise (s = 8) to switch between memories. Give the pulsed classic model the same noise: what happens?",
              "set": "pulse=1&noise=8",
              "choices": [
                {"id": "a", "text": "It still retrieves each segment's memory.",
                 "when": {"measure": "retrieved", "window": 3, "op": ">=", "value": 0.5}},
                {"id": "b", "text": "The noise shakes it out of every well: no memory is retrieved.",
                 "when": {"all": [
                   {"measure": "retrieved", "window": 3, "op": "<", "value": 0.5},
                   {"measure": "overlap", "memory": 3, "window": 3, "op": "<", "value": 0.5}
                 ]}}
              ],
              "hint": "The classic wells have gains αμ = 1; IDP's input makes them about ten times deeper."
            }
          ]
        }
        """;
}
