package org.hopfieldlab.sim.exercise.course;

/** Exercise 2: capacity — retrieval breaks down near P/N ≈ 0.14. */
final class Capacity {
    private Capacity() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "capacity",
          "title": "2. How many memories fit?",
          "instructions": [
            "Each stored memory adds crosstalk to every field: with P random memories in N units the field of a unit holds",
            "its own memory's term plus noise of size about √(P/N). When P/N grows, the stored patterns stop being fixed",
            "points and a cue no longer leads back to them.",
            "",
            "Here N = 1024 units store P **random** memories (a new set in every trial). The run starts from ξ1 with 5 % of",
            "its units flipped and counts how often the network ends in ξ1 (largest overlap, above 0.9) over 20 trials.",
            "Change P and watch the fraction of trials that retrieve ξ1."
          ],
          "spec": "model=discrete&n=1024&p=50&mem=random&noise=0&dt=1&t=20&seed=1&trials=20&in=0:off&x0=cue&cue=1&mask=0&flip=0.05",
          "free": ["p"],
          "hidden": ["presets", "compare", "landscape", "synapses"],
          "tasks": [
            {
              "id": "many",
              "kind": "make",
              "prompt": "Store as many memories as you can: at least P = 120 (P/N ≈ 0.12), with ξ1 still retrieved in at least 90 % of the 20 trials.",
              "condition": {"all": [
                {"measure": "param", "key": "p", "op": ">=", "value": 120},
                {"measure": "ends-in", "memory": 1, "op": ">=", "value": 0.9}
              ]},
              "hint": "Up to about P = 120 retrieval works in (almost) every trial; from about P = 140 on it fails more and more often."
            },
            {
              "id": "overload",
              "kind": "make",
              "prompt": "Overload it: find a P at which ξ1 is retrieved in at most half of the 20 trials.",
              "condition": {"measure": "ends-in", "memory": 1, "op": "<=", "value": 0.5},
              "hint": "Go beyond P/N = 0.14, i.e. P = 0.14 × 1024 ≈ 143."
            },
            {
              "id": "critical",
              "kind": "choice",
              "prompt": "For a large network (N → ∞), near which load P/N does retrieval from a slightly damaged memory break down?",
              "choices": [
                {"id": "a", "text": "P/N ≈ 0.014"},
                {"id": "b", "text": "P/N ≈ 0.138", "correct": true},
                {"id": "c", "text": "P/N ≈ 0.5"},
                {"id": "d", "text": "P/N ≈ 1: one memory per unit"}
              ],
              "hint": "Amit, Gutfreund and Sompolinsky (1985) computed it; your runs at N = 1024 show the drop, a little smeared by the finite size."
            }
          ]
        }
        """;
}
