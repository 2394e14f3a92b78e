package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hopfieldlab.sim.spec.SpecCodec;

/**
 * The CLI command that runs a given sweep: {@code hopfield-cli sweep --from sequence --x … [--y …] --trials N --seeds
 * S KEY=VALUE…}, where the overrides give every key of the base spec except the swept ones (the CLI refuses those,
 * {@link SweptKeys}) and the spec's trials, each in the spec codec's own text, so the CLI's cells are the definition's cells
 * and its CSV the same bytes. The server shows it beside a sweep, so a sweep started in the browser can be re-run, or
 * sharded onto a cluster ({@code --shard i/K}), with the CLI alone.
 */
public final class SweepCommandLine {
    /** The preset the overrides start from; every base key but the swept ones is given, so its values do not matter. */
    static final String FROM = "sequence";

    private SweepCommandLine() {
    }

    /** The arguments after {@code hopfield-cli}: {@code sweep --from … --x … KEY=VALUE …}. */
    public static List<String> arguments(SweepDefinition d) {
        List<String> args = new ArrayList<>(List.of("sweep", "--from", FROM, "--x", d.x().format()));
        if (d.y() != null) {
            args.add("--y");
            args.add(d.y().format());
        }
        args.add("--trials");
        args.add(Integer.toString(d.trialsPerCell()));
        args.add("--seeds");
        args.add(d.seeds().key);
        Set<String> swept = new HashSet<>();
        for (SweepAxis a : d.axes()) {
            swept.add(a.key());
        }
        for (String pair : SpecCodec.format(d.base()).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq > 0 ? pair.substring(0, eq) : pair;
            // v too (it comes first): a later CLI whose default is another spec version still runs this one; not the
            // spec's trials, since each cell runs --trials
            if (!key.equals("trials") && !swept.contains(key)) {
                args.add(pair);
            }
        }
        return args;
    }

    /**
     * One line for a POSIX shell: {@code java -jar hopfield-cli.jar sweep …}, arguments quoted where a shell would
     * split or expand them.
     */
    public static String shell(SweepDefinition d) {
        StringBuilder s = new StringBuilder("java -jar hopfield-cli.jar");
        for (String a : arguments(d)) {
            s.append(' ').append(quote(a));
        }
        return s.toString();
    }

    /** As is when every character is plain; otherwise in single quotes (a ' inside becomes '\''). */
    static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || "=,.:/_+-%@".indexOf(c) >= 0))) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
