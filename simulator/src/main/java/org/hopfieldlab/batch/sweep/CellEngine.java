package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * The one place a sweep cell is run and written down. Every backend (the local scheduler, shards, the Spark tasks)
 * calls {@link #run}, and results travel between processes as {@link #encode} lines, which keep every number exactly
 * (a double's shortest round-trip text), so a cell computed anywhere gives the same CSV and JSON bytes.
 */
public final class CellEngine {
    private CellEngine() {
    }

    /** Runs cell k of the definition; null when {@code stop} turned true before its last trial. */
    public static CellResult run(SweepDefinition def, int cell, BooleanSupplier stop,
            CellRunner.TrialListener listener) {
        if (cell < 0 || cell >= def.cellCount()) {
            throw new IllegalArgumentException("cell " + cell + " is outside the sweep's 0.." + (def.cellCount() - 1));
        }
        return CellRunner.run(cell, def.cellSpec(cell), stop, listener);
    }

    /** Runs cell k to the end. */
    public static CellResult run(SweepDefinition def, int cell) {
        return run(def, cell, () -> false, null);
    }

    /** One line, no newline: cell,trials,windows,retrieved,fraction,ciLow,ciHigh,diverged,w1;w2;...,seconds. */
    public static String encode(CellResult c) {
        StringBuilder s = new StringBuilder();
        s.append(c.cell()).append(',').append(c.trials()).append(',').append(c.windows()).append(',')
                .append(c.retrieved()).append(',').append(Double.toString(c.fraction())).append(',')
                .append(Double.toString(c.ciLow())).append(',').append(Double.toString(c.ciHigh())).append(',')
                .append(c.diverged()).append(',');
        for (int w = 0; w < c.windowRetrieved().size(); w++) {
            s.append(w == 0 ? "" : ";").append(c.windowRetrieved().get(w));
        }
        s.append(',').append(Double.toString(c.seconds()));
        return s.toString();
    }

    /** Parses {@link #encode}'s line; a malformed line is a {@link SpecException} naming what is wrong. */
    public static CellResult decode(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 10) {
            throw new SpecException("cell", "a cell line has 10 fields, got " + f.length + ": '" + line + "'");
        }
        try {
            List<Integer> windows = new ArrayList<>();
            if (!f[8].isEmpty()) {
                for (String w : f[8].split(";")) {
                    windows.add(Integer.parseInt(w));
                }
            }
            return new CellResult(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), List.copyOf(windows), Integer.parseInt(f[7]), Double.parseDouble(f[9]));
        } catch (NumberFormatException e) {
            throw new SpecException("cell", "bad number in cell line '" + line + "'");
        }
    }
}
