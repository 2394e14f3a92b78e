package org.hopfieldlab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.Test;

/**
 * Science file, item 3 ("noise helps IDP switch memories"), with the CLI's engine: N = 1024, P = 10 random memories,
 * β = 10, dt = 0.01, three segments of T = 10 by the authors' input recipe, x(0) ~ N(0, I), 40 trials per cell, a
 * segment retrieved when its dominant memory has the strictly largest overlap and it exceeds 0.9.
 *
 * <p>Claims: IDP with s = 8 retrieves ≥ 90 % of every segment; IDP with s = 0 retrieves &lt; 50 % of segments 2 and 3
 * (it stays in the previous well); the classic model with constant input retrieves ≤ 10 % at s = 0 and s = 8. The
 * independent check in the science file found 100/98/98 %, 88/30/10 % and 0 %; the thresholds leave room for trial
 * noise (40 trials: a binomial standard error of ≤ 8 percentage points).
 */
class PaperClaimsTest {

    @Test
    void noiseHelpsIdpSwitchWhileTheClassicModelFails() {
        ExperimentSpec base = Presets.get("sequence").spec().toBuilder().trials(40).build();
        assertEquals(1024, base.n());
        assertEquals(10, base.p());
        assertEquals(10, base.beta(), 0.0);
        assertEquals(0.01, base.dt(), 0.0);
        assertEquals(3, base.schedule().size());
        assertEquals(0.9, base.threshold(), 0.0);
        long t0 = System.nanoTime();
        Experiments.NoiseSweepReport r;
        try (TrialPool pool = new TrialPool(2)) {
            r = Experiments.noiseSweep(base, new double[] {0, 8}, new ModelKind[] {ModelKind.IDP, ModelKind.CLASSIC},
                    pool, null);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder table = new StringBuilder();
        for (Experiments.NoisePoint p : r.points()) {
            table.append(String.format("  %-7s s=%-2s", p.model(), (int) p.noise()));
            for (Stats.WindowStats w : p.windows()) {
                table.append(String.format("  seg%d %3.0f %%", w.window(), 100 * w.retrievedFraction()));
            }
            table.append('\n');
        }
        System.out.printf("PaperClaimsTest: 160 trials (4 cells × 40) of N=1024, 3000 steps on 2 threads in %.1f s%n%s",
                seconds, table);
        assertEquals(4, r.points().size());
        Experiments.NoisePoint idp0 = r.points().get(0);
        Experiments.NoisePoint idp8 = r.points().get(1);
        Experiments.NoisePoint classic0 = r.points().get(2);
        Experiments.NoisePoint classic8 = r.points().get(3);
        assertEquals("idp", idp8.model());
        assertEquals(8, idp8.noise(), 0.0);
        assertEquals("classic", classic0.model());
        for (Stats.WindowStats w : idp8.windows()) {
            assertEquals(40, w.trials());
            assertEquals(0, w.diverged());
            assertTrue(w.retrievedFraction() >= 0.9, "IDP s=8 segment " + w.window() + ": " + w.retrievedFraction());
        }
        for (int seg = 1; seg < 3; seg++) {
            Stats.WindowStats w = idp0.windows().get(seg);
            assertTrue(w.retrievedFraction() < 0.5, "IDP s=0 segment " + w.window() + ": " + w.retrievedFraction());
        }
        for (Experiments.NoisePoint classic : new Experiments.NoisePoint[] {classic0, classic8}) {
            for (Stats.WindowStats w : classic.windows()) {
                assertTrue(w.retrievedFraction() <= 0.1, "classic s=" + classic.noise() + " segment " + w.window()
                        + ": " + w.retrievedFraction());
            }
        }
    }
}
