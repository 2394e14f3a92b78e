package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecException;

/** Built-in sweeps for the paper's claims (science file, item 3, and the thresholds). */
public final class SweepPresets {
    private SweepPresets() {
    }

    /** A named sweep with a one-line description. */
    public record SweepPreset(String name, String title, String description, SweepDefinition definition) {
    }

    private static final Map<String, SweepPreset> ALL = new LinkedHashMap<>();

    static {
        ExperimentSpec sequence = Presets.get("sequence").spec();
        add("noise", "Accuracy vs noise, IDP and classic",
                "The paper's 3-segment mixed-input sequence (N = 1024, P = 10, β = 10): fraction of segments whose "
                        + "dominant memory is retrieved, against the noise s, for IDP and the classic model.",
                new SweepDefinition(sequence, List.of(SweepAxis.parse("noise=0,1,2,4,6,8,12,16"),
                        SweepAxis.parse("model=idp,classic")), 20, SeedPolicy.SAME));
        ExperimentSpec thresholds = Presets.get("thresholds").spec();
        add("thresholds", "Retrieval vs β and α around β α' = 1",
                "N = 256 orthogonal memories, constant input weights (a1, 0.05, 0.05), no noise: retrieval of "
                        + "memory 1 over β and a1, with the existence threshold β α'1 = 1 drawn over it.",
                new SweepDefinition(thresholds, List.of(SweepAxis.parse("beta=4:24:11"),
                        SweepAxis.parse("a1=0.04:0.3:14")), 4, SeedPolicy.SAME));
        add("beta", "Retrieval vs β at fixed input",
                "The thresholds experiment swept over β alone; theory predicts retrieval above β = 1 / α'1.",
                new SweepDefinition(thresholds, List.of(SweepAxis.parse("beta=2:20:19")), 8, SeedPolicy.SAME));
        ExperimentSpec capacity = sequence.toBuilder().duration(10).schedule(List.of(
                org.hopfieldlab.sim.input.Window.recipe(0, 0))).build();
        add("capacity", "Retrieval vs P and N (IDP)",
                "One mixed-input segment of T = 10 with memory 1 dominant, noise 8: how retrieval holds up as the "
                        + "number of memories P grows for several network sizes N.",
                new SweepDefinition(capacity, List.of(SweepAxis.parse("p=2,4,8,16,32,48"),
                        SweepAxis.parse("n=128,256,512,1024")), 10, SeedPolicy.PER_CELL));
        // capacity × noise phase diagrams: the load α = p/N against the noise, with the capacity line (CapacityTheory)
        ExperimentSpec discrete = ExperimentSpec.builder().model(ModelKind.DISCRETE).n(1000).p(100)
                .memories(MemoryKind.RANDOM).noise(0).dt(1).duration(20)
                .schedule(List.of(org.hopfieldlab.sim.input.Window.cue(0, 0))).cueAmplitude(0)
                .initialState(InitialState.CUE).cue(0).mask(0).flip(0.1).threshold(0.5).build();
        add("capacity-discrete", "Phase diagram α × T, discrete Hopfield network",
                "N = 1000 sign units with random memories, asynchronous Glauber updates at temperature T (key noise) "
                        + "for 20 sweeps, starting from memory 1 with 10 % of its bits flipped: retrieval (overlap "
                        + "> 0.5 and the largest) over the load α = p/1000 and T, with the Amit–Gutfreund–Sompolinsky "
                        + "boundary T_M(α) (α_c = 0.138 at T = 0, T = 1 as α → 0) drawn over it.",
                new SweepDefinition(discrete, List.of(SweepAxis.parse("p=10:200:20"),
                        SweepAxis.parse("noise=0:1:11")), 10, SeedPolicy.PER_CELL));
        add("capacity-idp", "Phase diagram α × noise, IDP switching",
                "The paper's 3-segment mixed-input sequence (β = 10) at N = 256: fraction of segments whose dominant "
                        + "memory is retrieved over the load α = p/256 and the noise s. No theory line of its own: the "
                        + "discrete network's α_c = 0.138 is marked for reference.",
                new SweepDefinition(sequence.toBuilder().n(256).build(), List.of(SweepAxis.parse("p=8:64:8"),
                        SweepAxis.parse("noise=0:14:8")), 8, SeedPolicy.PER_CELL));
    }

    private static void add(String name, String title, String description, SweepDefinition def) {
        ALL.put(name, new SweepPreset(name, title, description, def));
    }

    public static List<SweepPreset> all() {
        return new ArrayList<>(ALL.values());
    }

    public static SweepPreset get(String name) {
        SweepPreset p = ALL.get(name);
        if (p == null) {
            throw new SpecException("preset", "unknown sweep preset '" + name + "'; known: "
                    + String.join(", ", ALL.keySet()));
        }
        return p;
    }
}
