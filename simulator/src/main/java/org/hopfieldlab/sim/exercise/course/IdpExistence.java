package org.hopfieldlab.sim.exercise.course;

/** Exercise 5: IDP — the well of ξμ exists iff β α'_μ &gt; 1, with the zero diagonal's shift. */
final class IdpExistence {
    private IdpExistence() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "idp-existence",
          "title": "5. IDP: when does a memory have a well?",
          "instructions": [
            "In the IDP model the input does not push the state: it sets how strongly each memory is written in the synapses,",
            "dx/dt = −x + W(u) σ(x) with W(u) = (1/N) Σμ αμ ξμ ξμᵀ, the diagonal set to zero, and αμ = ξμ·u/N.",
            "",
            "For orthogonal memories an equilibrium x∗ = c ξμ solves c = α'μ tanh(β c), where",
            "**α'μ = αμ − (1/N) Σρ αρ** is the gain shifted by the zero diagonal. A non-zero solution — a **well** for ξμ —",
            "exists exactly when **β α'μ > 1**, and its overlap is then m = tanh(β c).",
            "",
            "Here N = 256 orthogonal memories, the input sets α = (0.15, 0.05, 0.05), and there is no noise."
          ],
          "spec": "model=idp&n=256&p=3&mem=orthogonal&beta=10&noise=0&dt=0.01&t=20&seed=1&trials=1&in=0:w0.15_0.05_0.05&x0=gauss",
          "free": ["beta"],
          "hidden": ["presets", "compare"],
          "tasks": [
            {
              "id": "beta-star",
              "kind": "numeric",
              "prompt": "At which gain β does the well of ξ1 appear? Give it to two decimals.",
              "answer": {"measure": "existence-beta", "memory": 1},
              "tolerance": {"abs": 0.01},
              "hint": "Solve β α'1 = 1, and do not forget the shift: α'1 = α1 − (α1 + α2 + α3)/N."
            },
            {
              "id": "vanish",
              "kind": "make",
              "prompt": "Keep β = 10 and lower the weight of ξ1 in the input (key in, the first number after w) until its well no longer exists — but no lower than 0.09.",
              "free": ["in"],
              "condition": {"all": [
                {"measure": "exists", "memory": 1, "op": "==", "value": 0},
                {"measure": "gain", "memory": 1, "op": ">=", "value": 0.09}
              ]},
              "hint": "The well needs β α'1 > 1, i.e. α'1 > 0.1; the shift (α1 + α2 + α3)/N lowers α'1 a little below α1."
            },
            {
              "id": "settle",
              "kind": "numeric",
              "prompt": "At β = 8 the well exists. Run it (t = 60): at what overlap m1 does the state settle? Two decimals.",
              "set": "beta=8&t=60",
              "answer": {"measure": "predicted-overlap", "memory": 1},
              "tolerance": {"abs": 0.01},
              "hint": "Read m1 at the end of the run, or solve c = α'1 tanh(βc) and take tanh(βc)."
            }
          ]
        }
        """;
}
