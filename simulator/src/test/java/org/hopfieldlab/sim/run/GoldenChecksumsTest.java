package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.math.LoopShape;
import org.hopfieldlab.sim.spec.Choices.GainMap;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.Choices.Update;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/**
 * Golden checksums: {@code golden-checksums.tsv} holds lines {@code spec<TAB>trial<TAB>checksum} (canonical spec
 * text) whose checksums were computed once by this JVM code (Simulation run to the end, FNV-1a of the final state's
 * bits). They pin the numbers bit for bit; the browser build (TeaVM JS/Wasm) is checked against the same file. If a
 * change of the numerics is intended, regenerate the file deliberately: the failure message prints the new line.
 */
class GoldenChecksumsTest {

    record Golden(String spec, int trial, String checksum) {
    }

    static List<Golden> load() throws IOException {
        List<Golden> out = new ArrayList<>();
        try (InputStream in = GoldenChecksumsTest.class.getResourceAsStream("/golden-checksums.tsv")) {
            assertNotNull(in, "golden-checksums.tsv is missing from the test resources");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertEquals(3, f.length, "spec<TAB>trial<TAB>checksum: " + line);
                assertTrue(f[2].matches("[0-9a-f]{8}"), "checksum: " + f[2]);
                out.add(new Golden(f[0], Integer.parseInt(f[1]), f[2]));
            }
        }
        return out;
    }

    @Test
    void simulationsReproduceTheGoldenChecksums() throws IOException {
        assertFalse(LoopShape.scalar(), "the JVM's default is the vector loop shape");
        assertReproduced();
    }

    /**
     * The browser's loop shape (chosen by the lab's TeaVM entry point) run here on the JVM against the same file: a
     * later edit to either shape cannot drift from the other silently.
     */
    @Test
    void theBrowsersScalarLoopShapeGivesTheSameBits() throws IOException {
        LoopShape.scalarLoops();
        try {
            assertTrue(LoopShape.scalar());
            assertReproduced();
        } finally {
            LoopShape.vectorLoops();
        }
    }

    private static void assertReproduced() throws IOException {
        List<Golden> golden = load();
        List<String> mismatches = new ArrayList<>();
        for (Golden g : golden) {
            ExperimentSpec spec = SpecCodec.parse(g.spec());
            assertEquals(g.spec(), SpecCodec.format(spec), "the file must hold canonical spec text");
            Simulation sim = new Simulation(spec, g.trial());
            sim.advance(Integer.MAX_VALUE);
            assertTrue(sim.finished());
            String actual = sim.checksum();
            if (!actual.equals(g.checksum())) {
                mismatches.add(g.spec() + "\t" + g.trial() + "\t" + actual + "   (file: " + g.checksum() + ")");
            }
        }
        assertTrue(mismatches.isEmpty(), "checksums changed:\n" + String.join("\n", mismatches));
    }

    @Test
    void goldenSpecsCoverEveryModelAndFeature() throws IOException {
        List<Golden> golden = load();
        Set<String> features = new HashSet<>();
        Set<String> checksums = new HashSet<>();
        for (Golden g : golden) {
            ExperimentSpec s = SpecCodec.parse(g.spec());
            checksums.add(g.checksum());
            features.add("model:" + s.model());
            features.add("mem:" + s.memories());
            features.add(s.noise() > 0 ? "noise on" : "noise off");
            if (s.model() == ModelKind.MODERN) {
                features.add("map:" + s.gainMap());
            }
            if (s.model() == ModelKind.DISCRETE) {
                features.add("update:" + s.update());
            }
            if (s.model() == ModelKind.CLASSIC && s.pulse() > 0) {
                features.add("classic pulsed");
            }
            for (Window w : s.schedule()) {
                features.add("window:" + w.kind());
            }
            assertTrue(s.n() <= 256 && s.steps() <= 500, "keep golden runs small: " + g.spec());
        }
        for (ModelKind m : ModelKind.values()) {
            assertTrue(features.contains("model:" + m), "no golden run for " + m);
        }
        for (String f : new String[] {"mem:" + MemoryKind.ORTHOGONAL, "mem:" + MemoryKind.RANDOM,
            "mem:" + MemoryKind.GLYPHS, "noise on", "noise off", "map:" + GainMap.SOFTMAX, "map:" + GainMap.POLY,
            "update:" + Update.ASYNC, "update:" + Update.SYNC, "classic pulsed", "window:CUE", "window:WEIGHTS",
            "window:RECIPE", "window:OFF"}) {
            assertTrue(features.contains(f), "no golden run covers " + f);
        }
        assertTrue(golden.size() >= 12);
        // every run ends in a distinct state: a checksum shared by two runs would pin less than it seems
        assertEquals(golden.size(), checksums.size());
    }
}
