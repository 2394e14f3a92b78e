package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hopfieldlab.sim.math.LoopShape;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Timed harness (records, does not judge speed): the same 1000-step IDP run (N = 1024, P = 10, noise 8) on the JVM
 * (this test's own JVM), TeaVM Wasm and TeaVM JS in headless Chromium, interleaved in one window so the ratios are
 * fair on a shared machine. Writes {@code target/engine-bench.json}. The live lab's harness is {@link LiveLabBenchIT}.
 */
class EngineBenchIT {
    static final String RUN = "model=idp&n=1024&p=10&noise=8&dt=0.01&t=10&in=0:d1";

    @RegisterExtension
    static final LabChromium lab = new LabChromium(1400, 900);

    private static double jvmRunMs(ExperimentSpec spec, int reps) {
        double[] t = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            Simulation sim = new Simulation(spec, r & 7);
            sim.advance(Integer.MAX_VALUE);
            t[r] = (System.nanoTime() - t0) / 1e6;
        }
        return median(t);
    }

    private static double browserRunMs(String engine, int reps) {
        String r = LabChromium.async(lab.browser, "hopfieldLab.call({cmd: 'bench', engine: '" + engine + "', spec: '"
                + RUN + "', warmup: 0, reps: " + reps + "})");
        String times = r.substring(r.indexOf('[') + 1, r.indexOf(']'));
        return median(Arrays.stream(times.split(",")).mapToDouble(Double::parseDouble).toArray());
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void sameRunOnJvmWasmAndJs() throws IOException {
        // the JVM side must time the JVM's own loops: LabExports (the browser's entry point) would switch this JVM to
        // the browser's scalar shape if some test had loaded it here
        assertFalse(LoopShape.scalar(), "the JVM side must run the JVM's vector loop shape");
        ExperimentSpec spec = SpecCodec.parse(RUN);
        LabChromium.open(lab.browser, lab.url("index.html?preset=energy"));
        LabChromium.js(lab.browser, "hopfieldLab.pause()");
        // warm-up of all three, then rounds interleaved so that load changes hit all three alike
        jvmRunMs(spec, 30);
        browserRunMs("wasm", 5);
        browserRunMs("js", 5);
        List<double[]> rounds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            rounds.add(new double[] {jvmRunMs(spec, 9), browserRunMs("wasm", 5), browserRunMs("js", 5)});
        }
        double[] jvm = rounds.stream().mapToDouble(r -> r[0]).toArray();
        double[] wasm = rounds.stream().mapToDouble(r -> r[1]).toArray();
        double[] js = rounds.stream().mapToDouble(r -> r[2]).toArray();
        // the ratio per round (same minute), then the median over rounds
        double wasmRatio = median(rounds.stream().mapToDouble(r -> r[1] / r[0]).toArray());
        double jsRatio = median(rounds.stream().mapToDouble(r -> r[2] / r[0]).toArray());
        System.out.printf(Locale.ROOT, "1000-step run: JVM %.1f ms, Wasm %.1f ms (%.2f× JVM), JS %.1f ms (%.2f× JVM)%n",
                median(jvm), median(wasm), wasmRatio, median(js), jsRatio);

        String json = String.format(Locale.ROOT, "{\n  \"run\": \"%s\",\n  \"jvmMs\": %.2f, \"wasmMs\": %.2f, \"jsMs\": %.2f,"
                + "\n  \"wasmOverJvm\": %.2f, \"jsOverJvm\": %.2f,\n  \"rounds\": %d\n}\n",
                RUN, median(jvm), median(wasm), median(js), wasmRatio, jsRatio, rounds.size());
        Path out = Path.of(System.getProperty("engine.bench.file", "target/engine-bench.json"));
        Files.writeString(out, json, StandardCharsets.UTF_8);
        assertTrue(median(jvm) > 0 && median(wasm) > 0 && median(js) > 0);
    }
}
