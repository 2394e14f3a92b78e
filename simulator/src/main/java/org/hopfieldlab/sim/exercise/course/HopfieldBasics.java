package org.hopfieldlab.sim.exercise.course;

/** Exercise 1: the discrete Hopfield network completes a damaged or partial cue. */
final class HopfieldBasics {
    private HopfieldBasics() {
    }

    static final String JSON = """
        {
          "format": 1,
          "id": "hopfield-basics",
          "title": "1. The Hopfield network completes a cue",
          "instructions": [
            "The textbook Hopfield network has N sign units sᵢ = ±1 and stores P pictures ξ¹ … ξᴾ in Hebbian synapses,",
            "Wᵢⱼ = (1/N) Σμ ξᵢμ ξⱼμ with Wᵢᵢ = 0. One unit at a time takes the sign of its field, sᵢ ← sign(Σⱼ Wᵢⱼ sⱼ);",
            "one step below is one sweep over all units in random order.",
            "",
            "Here N = 100 pixels (10 × 10) store the letters **B, H, O, T** (ξ1 = B). The run starts from a damaged B:",
            "30 % of its pixels hidden (set at random) and 10 % flipped. The overlap m₁ = |ξ¹·s|/N says how close the",
            "state is to B (1 = the whole letter). A trial counts as *ending in B* when m₁ is the largest overlap and above 0.9.",
            "",
            "Each exercise grades over the 10 trials of the spec (seed 1): the same answer always gets the same verdict."
          ],
          "spec": "model=discrete&n=100&p=4&mem=glyphs&chars=BHOT&noise=0&dt=1&t=10&seed=1&trials=10&in=0:off&x0=cue&cue=1&mask=0.3&flip=0.1",
          "free": ["mask", "flip"],
          "hidden": ["presets", "compare", "landscape", "synapses"],
          "tasks": [
            {
              "id": "completes",
              "kind": "choice",
              "prompt": "Run the damaged B. What does the network do?",
              "choices": [
                {"id": "a", "text": "It completes the B in (nearly) every trial.",
                 "when": {"measure": "ends-in", "memory": 1, "op": ">=", "value": 0.9}},
                {"id": "b", "text": "It ends in another letter or in a blend of letters.",
                 "when": {"measure": "ends-in", "memory": 1, "op": "<", "value": 0.9}}
              ],
              "hint": "Press run and watch the picture and the overlap m1: where does it end?"
            },
            {
              "id": "damage",
              "kind": "make",
              "prompt": "How much damage can it repair? Flip at least 30 % of the pixels (flip ≥ 0.3) and still get B back in at least 9 of the 10 trials.",
              "condition": {"all": [
                {"measure": "param", "key": "flip", "op": ">=", "value": 0.3},
                {"measure": "ends-in", "memory": 1, "op": ">=", "value": 0.9}
              ]},
              "hint": "A cue with half its pixels flipped carries no information about B. Stay clearly below 0.5, and keep the hidden part small."
            },
            {
              "id": "energy",
              "kind": "choice",
              "prompt": "Every update lowers the energy E = −½ Σᵢⱼ Wᵢⱼ sᵢ sⱼ or leaves it unchanged. Look at E(t) in this run: which is true?",
              "choices": [
                {"id": "a", "text": "E never goes up from one step to the next (beyond rounding, 10⁻⁹).",
                 "when": {"measure": "energy-rise", "op": "<=", "value": 1e-9}},
                {"id": "b", "text": "E goes up now and then (by more than 10⁻⁹), but falls overall.",
                 "when": {"measure": "energy-rise", "op": ">", "value": 1e-9}}
              ],
              "hint": "A unit flips only when its field disagrees with it, and such a flip lowers E."
            },
            {
              "id": "draw-b",
              "kind": "draw",
              "prompt": "Draw a cue of at most 20 pixels (on a blank grid) that the network completes to B in at least 9 of 10 trials.",
              "set": "x0=drawn&cuepat=AAAAAAAAAAAAAAAAA",
              "maxPixels": 20,
              "condition": {"measure": "ends-in", "memory": 1, "op": ">=", "value": 0.9},
              "hint": "A blank grid (almost always) ends in T. Ink pixels that B has and H, O and T do not: the right-hand bumps and the middle bar."
            }
          ]
        }
        """;
}
