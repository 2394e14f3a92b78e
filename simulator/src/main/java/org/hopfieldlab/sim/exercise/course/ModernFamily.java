package org.hopfieldlab.sim.exercise.course;

/** Exercise 9: the modern-Hopfield family — gains as a nonlinear map of input and state. */
final class ModernFamily {
    private ModernFamily() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "modern-family",
          "title": "9. From IDP to modern Hopfield networks",
          "instructions": [
            "IDP sets the gains linearly from the input, αμ = ξμ·u/N. The modern family maps overlaps to gains nonlinearly,",
            "α = F(Ξᵀ d / N), from a **plasticity drive** d = γ u + (1 − γ) σ(x) that mixes the current input with the",
            "current state:",
            "",
            "- map = linear: F is the identity; with γ = 1 this is exactly IDP;",
            "- map = softmax: α = softmax(λ Ξᵀ d / N), gains that sum to 1 and, for large λ, pick one memory — the",
            "  attention-like retrieval of modern Hopfield networks;",
            "- map = poly: αμ = (ξμ·d/N)^(n−1) with degree n (key deg): dense associative memory.",
            "",
            "The task is the paper's 3-segment sequence (N = 1024, P = 10) at low noise, s = 0.3; grades use 10 trials."
          ],
          "spec": "model=modern&n=1024&p=10&mem=random&beta=10&noise=0.3&dt=0.01&t=30&seed=1&trials=10&in=0:d1,10:d2,20:d3&x0=gauss&map=linear&gamma=1",
          "free": ["map", "lambda", "deg", "gamma"],
          "hidden": ["presets"],
          "tasks": [
            {
              "id": "linear",
              "kind": "choice",
              "prompt": "With map = linear and γ = 1, which model is this?",
              "choices": [
                {"id": "a", "text": "Exactly IDP: α = Ξᵀu/N.", "correct": true},
                {"id": "b", "text": "The classic model with an additive input."},
                {"id": "c", "text": "A dense associative memory that ignores the input."}
              ],
              "hint": "Put γ = 1 and F = identity into α = F(Ξᵀ d / N)."
            },
            {
              "id": "follow",
              "kind": "make",
              "prompt": "At s = 0.3 linear gains stick to old wells, like IDP without noise. Change the gain map (and λ, degree, γ) so that the network retrieves every segment's memory in at least 90 % of the 10 trials.",
              "condition": {"all": [
                {"measure": "retrieved", "window": 1, "op": ">=", "value": 0.9},
                {"measure": "retrieved", "window": 2, "op": ">=", "value": 0.9},
                {"measure": "retrieved", "window": 3, "op": ">=", "value": 0.9}
              ]},
              "hint": "Softmax gains sum to 1: with λ = 10 only the dominant memory keeps a well, so the state has nowhere else to stay."
            },
            {
              "id": "state-only",
              "kind": "choice",
              "prompt": "Softmax gains with γ = 0: the drive is the state alone, d = σ(x). What happens when the input changes?",
              "set": "map=softmax&lambda=10&gamma=0",
              "choices": [
                {"id": "a", "text": "It still follows each segment's dominant memory.",
                 "when": {"measure": "retrieved", "window": 2, "op": ">=", "value": 0.5}},
                {"id": "b", "text": "It ignores the input: the segments' memories are (almost) never retrieved.",
                 "when": {"all": [
                   {"measure": "retrieved", "window": 1, "op": "<=", "value": 0.2},
                   {"measure": "retrieved", "window": 2, "op": "<=", "value": 0.2},
                   {"measure": "retrieved", "window": 3, "op": "<=", "value": 0.2}
                 ]}}
              ],
              "hint": "With γ = 0 the input u does not appear in the dynamics at all."
            }
          ]
        }
        """;
}
