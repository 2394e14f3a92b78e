package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.cli.HopfieldCli;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line shown beside a sweep runs that sweep: the CLI given its arguments writes the same CSV, byte for
 * byte, as the engine running the definition itself — for bases far from the CLI's default preset (another model,
 * memory set, schedule, an input-weight axis, per-cell seeds) — and a POSIX shell hands the CLI exactly those
 * arguments.
 */
class SweepCommandLineTest {
    @TempDir
    Path dir;

    static List<SweepDefinition> definitions() {
        ExperimentSpec glyphs = SpecEdit.change(Presets.get("sequence").spec(),
                "mem=glyphs&chars=HLZ&n=100&t=4&beta=12.5&dt=0.02&seed=77&in=0:d2,2:d3");
        ExperimentSpec thresholds = SpecEdit.change(Presets.get("thresholds").spec(), "n=64&t=3");
        ExperimentSpec discrete = SpecEdit.change(Presets.get("sequence").spec(),
                "model=discrete&n=96&p=5&t=3&noise=0.5&in=0:d1");
        return List.of(
                SweepEngineTest.small(2),
                new SweepDefinition(glyphs, List.of(SweepAxis.parse("noise=0,3.5")), 2, SeedPolicy.SAME),
                new SweepDefinition(thresholds, List.of(SweepAxis.parse("a1=0.07,0.2"),
                        SweepAxis.parse("beta=5,20")), 1, SeedPolicy.PER_CELL),
                new SweepDefinition(discrete, List.of(SweepAxis.parse("p=2,4")), 2, SeedPolicy.SAME));
    }

    @Test
    void theCliGivenTheCommandLineWritesTheSweepsCsv() throws Exception {
        int k = 0;
        for (SweepDefinition d : definitions()) {
            Path out = dir.resolve("sweep-" + k++ + ".csv");
            List<String> args = new ArrayList<>(SweepCommandLine.arguments(d));
            args.addAll(List.of("--threads", "1", "--no-progress", "--out", out.toString()));
            assertEquals(0, HopfieldCli.execute(args.toArray(String[]::new)), String.join(" ", args));
            assertEquals(SweepExport.csv(SweepRunner.run(d, 1, null)), Files.readString(out),
                    "the CLI ran another sweep than " + d.format());
        }
    }

    @Test
    void aShellHandsTheCliExactlyTheseArguments() throws Exception {
        for (SweepDefinition d : definitions()) {
            String line = SweepCommandLine.shell(d);
            assertTrue(line.startsWith("java -jar hopfield-cli.jar sweep --from sequence --x "), line);
            assertTrue(line.contains(" v=1 "), "the spec version is pinned: " + line);
            assertEquals(SweepCommandLine.arguments(d), throughShell(line.substring("java -jar hopfield-cli.jar ".length())));
        }
        List<String> odd = List.of("chars=A B", "it's", "$HOME", "*", "x;y", "a&b", "", "tab\there", "Ωmega");
        StringBuilder s = new StringBuilder();
        for (String a : odd) {
            s.append(' ').append(SweepCommandLine.quote(a));
        }
        assertEquals(odd, throughShell(s.toString()));
    }

    /** The words /bin/sh makes of a command line's arguments. */
    static List<String> throughShell(String args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", "for a in " + args + "; do printf '%s\\0' \"$a\"; done")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> words = new ArrayList<>(List.of(out.split("\0", -1)));
        words.remove(words.size() - 1); // after the last NUL
        return words;
    }
}
