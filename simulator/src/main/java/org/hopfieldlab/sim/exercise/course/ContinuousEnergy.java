package org.hopfieldlab.sim.exercise.course;

/** Exercise 3: the continuous Hopfield model and its energy. */
final class ContinuousEnergy {
    private ContinuousEnergy() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "continuous-energy",
          "title": "3. The continuous model and its energy",
          "instructions": [
            "The continuous Hopfield model replaces sign units by graded ones: dx/dt = −x + W σ(x), with σ(x) = tanh(βx).",
            "With v = σ(x) its energy",
            "",
            "E(x) = −½ vᵀ W v + Σᵢ [ xᵢ vᵢ − (1/β) ln cosh(β xᵢ) ]",
            "",
            "never increases along a trajectory: dE/dt = −Σᵢ β sech²(βxᵢ) (dxᵢ/dt)² ≤ 0. So the state rolls downhill into a",
            "well, and the wells are the memories.",
            "",
            "Here N = 64 units hold P = 2 orthogonal memories, β = 10, no input, and the state starts at random. Watch the",
            "energy plot while it runs; then add noise (s) and watch again."
          ],
          "spec": "model=classic&n=64&p=2&mem=orthogonal&beta=10&noise=0&dt=0.01&t=10&seed=1&trials=1&in=0:off&x0=gauss",
          "free": ["noise"],
          "hidden": ["presets", "compare", "synapses"],
          "tasks": [
            {
              "id": "bottom",
              "kind": "numeric",
              "prompt": "With no noise the state settles at the bottom of a well. What is its energy at the end of the run? (Three significant digits are enough.)",
              "answer": {"measure": "energy"},
              "tolerance": {"rel": 0.01},
              "hint": "Read the last value of the energy plot; it is negative."
            },
            {
              "id": "monotone",
              "kind": "choice",
              "prompt": "With no noise, which is true of E(t)?",
              "choices": [
                {"id": "a", "text": "E never goes up from one step to the next (beyond rounding, 10⁻⁹).",
                 "when": {"measure": "energy-rise", "op": "<=", "value": 1e-9}},
                {"id": "b", "text": "E goes up now and then (by more than 10⁻⁹), but falls overall.",
                 "when": {"measure": "energy-rise", "op": ">", "value": 1e-9}}
              ],
              "hint": "dE/dt is minus a sum of squares."
            },
            {
              "id": "shake",
              "kind": "make",
              "prompt": "Add noise until the energy rises by more than 1 within a single step somewhere in the run — while the state still ends in one of the two memories (overlap above 0.9).",
              "condition": {"all": [
                {"measure": "energy-rise", "op": ">", "value": 1},
                {"any": [
                  {"measure": "ends-in", "memory": 1, "op": ">=", "value": 1},
                  {"measure": "ends-in", "memory": 2, "op": ">=", "value": 1}
                ]}
              ]},
              "hint": "s = 0.1 is too gentle; s = 1 shakes the state out of every well at N = 64. Try values in between."
            },
            {
              "id": "why",
              "kind": "choice",
              "prompt": "Why can the energy go up once there is noise?",
              "choices": [
                {"id": "a", "text": "The noise kicks the state in random directions, uphill too; only the noise-free flow goes downhill.", "correct": true},
                {"id": "b", "text": "The noise changes the synapses W, and with them the energy function."},
                {"id": "c", "text": "Rounding errors of the computer."}
              ],
              "hint": "Which part of dx/dt = −x + Wσ(x) + noise does the proof dE/dt ≤ 0 use?"
            }
          ]
        }
        """;
}
