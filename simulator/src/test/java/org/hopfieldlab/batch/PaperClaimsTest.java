package org.hopfieldlab.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.Test;

/**
 * Science file, item 3 ("noise helps IDP switch memories"), with the CLI's engine (the sweep engine): N = 1024, P = 10 random memories,
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
        ExperimentReport r = ExperimentSweeps.run("noise-sweep", ExperimentSweeps.noise(base, "0,8", "idp,classic"), 2,
                null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder table = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            table.append(String.format("  %-28s", r.result().definition().describe(k)));
            for (ExperimentReport.WindowView w : r.windows(k)) {
                table.append(String.format("  seg%d %3.0f %%", w.window(), 100 * w.fraction()));
            }
            table.append('\n');
        }
        System.out.printf("PaperClaimsTest: 160 trials (4 cells × 40) of N=1024, 3000 steps on 2 threads in %.1f s%n%s",
                seconds, table);
        assertEquals(4, r.result().cells().size());
        // cells: idp s=0, idp s=8, classic s=0, classic s=8
        assertEquals("noise=8, model=idp", r.result().definition().describe(1));
        assertEquals("noise=0, model=classic", r.result().definition().describe(2));
        for (ExperimentReport.WindowView w : r.windows(1)) {
            assertEquals(40, w.trials());
            assertEquals(0, w.diverged());
            assertTrue(w.fraction() >= 0.9, "IDP s=8 segment " + w.window() + ": " + w.fraction());
        }
        for (int seg = 1; seg < 3; seg++) {
            ExperimentReport.WindowView w = r.windows(0).get(seg);
            assertTrue(w.fraction() < 0.5, "IDP s=0 segment " + w.window() + ": " + w.fraction());
        }
        for (int k : new int[] {2, 3}) {
            for (ExperimentReport.WindowView w : r.windows(k)) {
                assertTrue(w.fraction() <= 0.1, "classic " + r.result().definition().describe(k) + " segment "
                        + w.window() + ": " + w.fraction());
            }
        }
    }
}
