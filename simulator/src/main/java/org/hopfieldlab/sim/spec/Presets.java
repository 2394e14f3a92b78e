package org.hopfieldlab.sim.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;

/** The paper's experiments (science file, items 1–6) and teaching examples, as named specs. */
public final class Presets {
    private Presets() {
    }

    /** One named preset with a one-line description. */
    public record Preset(String name, String title, String description, ExperimentSpec spec) {
    }

    private static final Map<String, Preset> ALL = new LinkedHashMap<>();

    static {
        // 1. mixed inputs: 3-segment sequence, N = 1024, P = 10, β = 10, dt = 0.01, T = 10 per segment
        ExperimentSpec sequence = ExperimentSpec.builder().build();
        add("sequence", "Mixed inputs are classified (IDP, noise 8)",
                "Three segments of T = 10, each a mixture of all memories with one dominant; IDP with noise s = 8 "
                        + "settles in each segment's dominant memory.", sequence);
        add("sequence-no-noise", "Without noise IDP sticks to the old well",
                "The same sequence at s = 0: the state stays in the previous segment's well.",
                sequence.toBuilder().noise(0).build());
        // 2. classic comparisons
        add("classic-constant", "Classic model, constant input",
                "The classic model on the same inputs held constant: it ends in mixtures or the wrong memory.",
                sequence.toBuilder().model(ModelKind.CLASSIC).build());
        add("classic-pulsed", "Classic model, pulsed input",
                "The classic model with the input on only for the first time unit of each segment.",
                sequence.toBuilder().model(ModelKind.CLASSIC).pulse(1).build());
        // 4. glitch: u_A [0,8), u_B [8,10), u_A [10,15), u_B [15,19), u_C [19,25)
        List<Window> glitch = new ArrayList<>();
        glitch.add(Window.recipe(0, 0));
        glitch.add(Window.recipe(8, 1));
        glitch.add(Window.recipe(10, 0));
        glitch.add(Window.recipe(15, 1));
        glitch.add(Window.recipe(19, 2));
        add("glitch", "Glitch correction and fast transitions",
                "Input A, a 2-unit glitch to B, back to A, then B for 4 units and C for 6: IDP holds A through the "
                        + "glitch (it is corrected, not followed) and is in A after it; the short B window moves the "
                        + "state in about half the trials, the final C window in nine of ten.",
                sequence.toBuilder().duration(25).schedule(glitch).build());
        // 5. energy landscape, small enough for the 2-D view
        List<Window> tilt = new ArrayList<>();
        // weights 1.5 / 0.5: both wells exist, but the favoured one is so much deeper that the state always takes
        // it (1.5 / 1.0 left a fifth of the trials in the other well: the tilt did not show)
        tilt.add(Window.weights(0, new double[] {1.5, 0.5}));
        tilt.add(Window.weights(10, new double[] {0.5, 1.5}));
        add("energy", "Energy landscape of two memories",
                "N = 64 orthogonal memories, P = 2: the input first favours memory 1 (weights 1.5 and 0.5), then "
                        + "memory 2: the landscape tilts and the state moves from memory 1's well to memory 2's.",
                ExperimentSpec.builder().n(64).p(2).memories(MemoryKind.ORTHOGONAL).beta(10).noise(0.5)
                        .duration(20).schedule(tilt).build());
        // thresholds: orthogonal memories around the existence threshold β α' = 1
        List<Window> near = new ArrayList<>();
        near.add(Window.weights(0, new double[] {0.15, 0.05, 0.05}));
        add("thresholds", "Existence threshold β α′ = 1",
                "N = 256 orthogonal memories, β = 10: α′₁ ≈ 0.149 > 1/β, so memory 1's equilibrium exists; "
                        + "lower its weight below 0.1 and it disappears.",
                ExperimentSpec.builder().n(256).p(3).memories(MemoryKind.ORTHOGONAL).noise(0).duration(20)
                        .schedule(near).build());
        // 6. modern Hopfield family
        add("modern", "Modern Hopfield: softmax gains from input and state",
                "Gains α = softmax(λ Ξᵀ d / N) with d = γ u + (1 − γ) σ(x): γ = 1 is input-driven, γ = 0 retrieves "
                        + "from the state alone. Softmax gains sum to 1, so the noise is low (0.3): only the "
                        + "dominant memory keeps a well, and the state follows every segment's dominant memory.",
                sequence.toBuilder().model(ModelKind.MODERN).gainMap(GainMap.SOFTMAX).lambda(10).gamma(0.5).noise(0.3)
                        .build());
        // teaching: the cat's tail with letters
        List<Window> cueWindow = new ArrayList<>();
        cueWindow.add(Window.cue(0, 2));
        add("letters-cue", "Recall a letter from a partial cue",
                "Glyph memories H O P F I E L D on 20×20 pixels; the input is the letter P with its lower 40 % "
                        + "hidden and 10 % of pixels flipped. IDP ends closest to P in about three trials of four "
                        + "(mean overlap ≈ 0.86); the classic model never does: the letters' shared background pulls "
                        + "it into a mixture.",
                ExperimentSpec.builder().n(400).p(8).memories(MemoryKind.GLYPHS).chars("HOPFIELD").noise(0.5)
                        .duration(10).schedule(cueWindow).mask(0.4).flip(0.1).cueAmplitude(3).build());
        List<Window> none = new ArrayList<>();
        none.add(Window.off(0));
        add("discrete", "Textbook Hopfield network",
                "Sign units, asynchronous updates, starting from the letter A with 30 % hidden and 10 % flipped: "
                        + "the network completes it.",
                // 20×20 letters A X L T: at 10×10 the letters A and O overlap so much that a damaged A often fell
                // into O (trial 0 did)
                ExperimentSpec.builder().model(ModelKind.DISCRETE).n(400).p(4).memories(MemoryKind.GLYPHS)
                        .chars("AXLT").noise(0).dt(1).duration(10).schedule(none)
                        .initialState(InitialState.CUE).cue(0).mask(0.3).flip(0.1).build());
    }

    private static void add(String name, String title, String description, ExperimentSpec spec) {
        ALL.put(name, new Preset(name, title, description, spec));
    }

    /** All presets in a stable order. */
    public static List<Preset> all() {
        return new ArrayList<>(ALL.values());
    }

    /** The named preset, or a {@link SpecException} listing the names. */
    public static Preset get(String name) {
        Preset p = ALL.get(name);
        if (p == null) {
            throw new SpecException("preset", "unknown preset '" + name + "'; known: " + String.join(", ", ALL.keySet()));
        }
        return p;
    }
}
