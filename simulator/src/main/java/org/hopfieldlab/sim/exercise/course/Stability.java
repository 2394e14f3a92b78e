package org.hopfieldlab.sim.exercise.course;

/** Exercise 6: stability — a well can exist and still not hold the state. */
final class Stability {
    private Stability() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "stability",
          "title": "6. IDP: existence is not stability",
          "instructions": [
            "A well can exist and still not hold the state. At the equilibrium x∗ = c₁ ξ1 the dynamics linearised along",
            "another memory ξν grow or shrink with the eigenvalue",
            "",
            "λν = β sech²(β c₁) α'ν − 1,",
            "",
            "so the ξ1 state is **stable** only while λν < 0 for every ν ≠ 1. Because sech²(βc₁) is small in a deep well,",
            "a competing memory needs a clearly larger gain than ξ1 to pull the state away.",
            "",
            "Here N = 256 orthogonal memories, P = 2, β = 10, no noise, and the run starts at ξ1 with 5 % of its units",
            "flipped (a small push along ξ2). The input sets α = (0.15, 0.1). These wells are shallow (m ≈ 0.85 at the",
            "bottom), so a run counts as ending in a memory when its overlap is the largest and above 0.5 (thr = 0.5)."
          ],
          "spec": "model=idp&n=256&p=2&mem=orthogonal&beta=10&noise=0&dt=0.01&t=40&seed=1&trials=1&in=0:w0.15_0.1&x0=cue&cue=1&mask=0&flip=0.05&thr=0.5",
          "free": ["in"],
          "hidden": ["presets", "compare"],
          "tasks": [
            {
              "id": "alpha-star",
              "kind": "numeric",
              "prompt": "Keep α1 = 0.15. Above which α2 does the ξ1 state become unstable? Three decimals.",
              "answer": {"measure": "instability-gain", "memory": 1, "along": 2},
              "tolerance": {"abs": 0.003},
              "hint": "Find c₁ from c = α'1 tanh(βc), then solve β sech²(βc₁) α'2 = 1 for α2 (and mind the shift of α'2)."
            },
            {
              "id": "stronger",
              "kind": "choice",
              "prompt": "Set α2 = 0.3, twice α1. Where does the state end?",
              "set": "in=0:w0.15_0.3",
              "choices": [
                {"id": "a", "text": "In ξ1: its well is still stable.",
                 "when": {"measure": "ends-in", "memory": 1, "op": ">=", "value": 1}},
                {"id": "b", "text": "In ξ2: the stronger input wins.",
                 "when": {"measure": "ends-in", "memory": 2, "op": ">=", "value": 1}},
                {"id": "c", "text": "At zero: neither well survives.",
                 "when": {"all": [
                   {"measure": "ends-in", "memory": 1, "op": "<", "value": 1},
                   {"measure": "ends-in", "memory": 2, "op": "<", "value": 1}
                 ]}}
              ],
              "hint": "Compute λ2 at the ξ1 state for α2 = 0.3, or look at the theory tab."
            },
            {
              "id": "switch",
              "kind": "make",
              "prompt": "Keep α1 = 0.15 and choose α2 so that the state leaves ξ1 and ends in ξ2 although the ξ1 well still exists.",
              "condition": {"all": [
                {"measure": "gain", "memory": 1, "op": ">=", "value": 0.149},
                {"measure": "gain", "memory": 1, "op": "<=", "value": 0.151},
                {"measure": "exists", "memory": 1, "op": "==", "value": 1},
                {"measure": "ends-in", "memory": 2, "op": ">=", "value": 1}
              ]},
              "hint": "Go beyond the instability threshold of the first task — far enough that the push along ξ2 grows within t = 40."
            }
          ]
        }
        """;
}
