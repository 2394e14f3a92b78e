package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/**
 * Writes the JVM's final-state checksums of a small list of specs to {@code target/jvm-checksums.tsv}
 * (spec TAB trial TAB checksum), the reference of the JS/Wasm checks in Node and Chromium when the simulator's
 * golden file is not there, and checks that the exported {@link LabExports#runChecksum} agrees with the core.
 */
class JvmChecksumsTest {
    static final String[] SPECS = {
        "model=idp&n=64&p=3&noise=8&dt=0.01&t=2&in=0:d1",
        "model=idp&n=1024&p=10&noise=8&dt=0.01&t=10&in=0:d1",
        "model=classic&n=256&p=5&noise=2&dt=0.01&t=5&in=0:d2,2:d3",
        "model=modern&n=128&p=4&noise=1&dt=0.02&t=4&in=0:d1&map=softmax&lambda=10&gamma=0.5",
        "model=discrete&n=100&p=4&mem=glyphs&chars=AXOT&noise=0&dt=1&t=5&in=0:off&x0=cue&cue=1&mask=0.3&flip=0.1",
        "model=idp&n=256&p=3&mem=orthogonal&noise=0&dt=0.01&t=5&in=0:w0.15_0.05_0.05",
    };

    @Test
    void writesJvmChecksums() throws IOException {
        StringBuilder tsv = new StringBuilder("# JVM checksums written by webapp JvmChecksumsTest\n");
        for (String q : SPECS) {
            String canonical = SpecCodec.format(SpecCodec.parse(q));
            Simulation sim = new Simulation(SpecCodec.parse(canonical), 0);
            sim.advance(Integer.MAX_VALUE);
            assertTrue(sim.finished());
            assertEquals(sim.checksum(), LabExports.runChecksum(canonical, 0), canonical);
            tsv.append(canonical).append('\t').append(0).append('\t').append(sim.checksum()).append('\n');
        }
        String preset = Presets.get("letters-cue").spec().toString();
        tsv.append(preset).append('\t').append(0).append('\t').append(LabExports.runChecksum(preset, 0)).append('\n');
        Path out = Path.of(System.getProperty("jvm.checksums.file", "target/jvm-checksums.tsv"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, tsv.toString(), StandardCharsets.UTF_8);
    }
}
