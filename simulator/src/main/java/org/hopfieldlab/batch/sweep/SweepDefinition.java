package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Limits;
import org.hopfieldlab.sim.spec.Numbers;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * A sweep: a base spec, one or two swept axes (x, then optionally y), trials per cell and a seed policy. Cells are
 * numbered row by row: cell k has x index k % |x| and y index k / |x|. Every cell's spec is built and validated
 * when the definition is made, so a bad value is reported before anything runs.
 */
public final class SweepDefinition {
    public static final int MAX_TRIALS_PER_CELL = Limits.MAX_TRIALS;

    private final ExperimentSpec base;
    private final List<SweepAxis> axes;
    private final int trialsPerCell;
    private final SeedPolicy seeds;
    private final List<ExperimentSpec> cellSpecs;

    public SweepDefinition(ExperimentSpec base, List<SweepAxis> axes, int trialsPerCell, SeedPolicy seeds) {
        if (axes.isEmpty() || axes.size() > 2) {
            throw new SpecException("axis", "a sweep has one or two axes, got " + axes.size());
        }
        if (axes.size() == 2 && axes.get(0).key().equals(axes.get(1).key())) {
            throw new SpecException(axes.get(1).key(), "both axes sweep '" + axes.get(0).key() + "'; pick two keys");
        }
        for (SweepAxis a : axes) {
            if (a.key().equals("v")) {
                throw new SpecException("v", "'v' cannot be swept: it is the version of the link format (this lab "
                        + "reads v=1), not a setting of the network");
            }
            if (a.key().equals("trials") || a.key().equals("seed")) {
                throw new SpecException(a.key(), "'" + a.key() + "' cannot be swept; set trials per cell and "
                        + "the seed policy instead");
            }
        }
        if (trialsPerCell < 1 || trialsPerCell > MAX_TRIALS_PER_CELL) {
            throw new SpecException("trials", "trials per cell = " + trialsPerCell + "; allowed: 1 to "
                    + MAX_TRIALS_PER_CELL);
        }
        this.base = base;
        this.axes = Collections.unmodifiableList(new ArrayList<>(axes));
        this.trialsPerCell = trialsPerCell;
        this.seeds = seeds;
        List<ExperimentSpec> specs = new ArrayList<>();
        for (int k = 0; k < cellCount(); k++) {
            specs.add(buildCell(k));
        }
        this.cellSpecs = Collections.unmodifiableList(specs);
    }

    public ExperimentSpec base() { return base; }
    public List<SweepAxis> axes() { return axes; }
    public SweepAxis x() { return axes.get(0); }
    /** The second axis, or null for a 1-D sweep. */
    public SweepAxis y() { return axes.size() > 1 ? axes.get(1) : null; }
    public int trialsPerCell() { return trialsPerCell; }
    public SeedPolicy seeds() { return seeds; }

    public int cellCount() {
        return x().size() * (y() == null ? 1 : y().size());
    }

    public int xIndex(int cell) { return cell % x().size(); }
    public int yIndex(int cell) { return cell / x().size(); }

    /** The spec cell k runs (its trials = trials per cell). */
    public ExperimentSpec cellSpec(int cell) {
        return cellSpecs.get(cell);
    }

    public long totalRuns() {
        return (long) cellCount() * trialsPerCell;
    }

    private ExperimentSpec buildCell(int cell) {
        List<String[]> settings = new ArrayList<>();
        settings.add(new String[] {x().key(), x().values().get(xIndex(cell))});
        if (y() != null) {
            settings.add(new String[] {y().key(), y().values().get(yIndex(cell))});
        }
        try {
            ExperimentSpec spec = apply(base, settings);
            long seed = seeds == SeedPolicy.SAME ? base.seed() : (long) base.seed() + cell;
            if (seed > Integer.MAX_VALUE) {
                throw new SpecException("seed", "seed " + base.seed() + " + cell " + cell + " exceeds "
                        + Integer.MAX_VALUE + "; lower the base seed or use seeds=same");
            }
            return spec.toBuilder().trials(trialsPerCell).seed((int) seed).build();
        } catch (SpecException e) {
            throw new SpecException(e.key(), "cell " + describe(cell) + ": " + e.getMessage());
        }
    }

    /**
     * The base spec with one value of one axis set (the other axis at its base value): what the O(axes) cost check
     * ({@link SweepCost#estimate}) looks at. A bad value is reported naming it.
     */
    static ExperimentSpec axisValueSpec(ExperimentSpec base, SweepAxis axis, int index) {
        String value = axis.values().get(index);
        try {
            return apply(base, List.<String[]>of(new String[] {axis.key(), value}));
        } catch (SpecException e) {
            throw new SpecException(e.key(), axis.key() + "=" + value + ": " + e.getMessage());
        }
    }

    /** Sets key=value pairs onto the base spec (weights a1…aP go into its explicit-weights window). */
    private static ExperimentSpec apply(ExperimentSpec base, List<String[]> settings) {
        StringBuilder query = new StringBuilder();
        List<String[]> weights = new ArrayList<>();
        for (String[] kv : settings) {
            if (isWeightKey(kv[0])) {
                weights.add(kv);
            } else {
                query.append(query.length() > 0 ? "&" : "").append(kv[0]).append('=').append(kv[1]);
            }
        }
        ExperimentSpec spec = query.length() == 0 ? base : SpecCodec.parseOnto(base.toBuilder(), query.toString());
        if (weights.isEmpty()) {
            return spec;
        }
        return spec.toBuilder().schedule(withWeights(spec, weights)).build();
    }

    static boolean isWeightKey(String key) {
        // a1 … aP for any P the limits allow (P ≤ 4096 since n·p ≤ 2^22)
        return key.matches("a[1-9][0-9]{0,3}");
    }

    private static List<Window> withWeights(ExperimentSpec spec, List<String[]> weights) {
        List<Window> out = new ArrayList<>();
        boolean any = false;
        for (Window w : spec.schedule()) {
            if (w.kind() != Window.Kind.WEIGHTS) {
                out.add(w);
                continue;
            }
            any = true;
            double[] a = new double[w.weights().size()];
            for (int mu = 0; mu < a.length; mu++) {
                a[mu] = w.weights().get(mu);
            }
            for (String[] kv : weights) {
                int mu = Integer.parseInt(kv[0].substring(1)) - 1;
                if (mu >= a.length) {
                    throw new SpecException(kv[0], kv[0] + " sets the weight of memory " + (mu + 1) + " but p = "
                            + a.length);
                }
                a[mu] = Numbers.parse(kv[0], kv[1]);
            }
            out.add(Window.weights(w.start(), a));
        }
        if (!any) {
            throw new SpecException(weights.get(0)[0], weights.get(0)[0] + " sweeps an input weight, but the base "
                    + "spec has no explicit-weights window (in=0:w...)");
        }
        return out;
    }

    /** e.g. "noise=4, model=idp". */
    public String describe(int cell) {
        String s = x().key() + "=" + x().values().get(xIndex(cell));
        if (y() != null) {
            s += ", " + y().key() + "=" + y().values().get(yIndex(cell));
        }
        return s;
    }

    /** The definition as text lines (base=..., x=..., y=..., trials=..., seeds=...): stable and parseable. */
    public String format() {
        StringBuilder s = new StringBuilder();
        s.append("base=").append(SpecCodec.format(base)).append('\n');
        s.append("x=").append(x().format()).append('\n');
        if (y() != null) {
            s.append("y=").append(y().format()).append('\n');
        }
        s.append("trials=").append(trialsPerCell).append('\n');
        s.append("seeds=").append(seeds.key).append('\n');
        return s.toString();
    }

    /** Parses {@link #format()}'s text. */
    public static SweepDefinition parse(String text) {
        ExperimentSpec base = null;
        List<SweepAxis> axes = new ArrayList<>();
        SweepAxis y = null;
        int trials = 1;
        SeedPolicy seeds = SeedPolicy.SAME;
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new SpecException("sweep", "'" + line + "' is not key=value");
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            switch (key) {
                case "base" -> base = SpecCodec.parse(value);
                case "x" -> axes.add(0, SweepAxis.read(value));
                case "y" -> y = SweepAxis.read(value);
                case "trials" -> trials = parseInt("trials", value);
                case "seeds" -> seeds = SeedPolicy.parse(value);
                default -> throw new SpecException(key, "unknown sweep key '" + key + "'");
            }
        }
        if (base == null || axes.isEmpty()) {
            throw new SpecException("sweep", "a sweep needs base= and x=");
        }
        if (y != null) {
            axes.add(y);
        }
        return new SweepDefinition(base, axes, trials, seeds);
    }

    static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new SpecException(key, key + " = '" + value + "' is not a whole number");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SweepDefinition d && d.format().equals(format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }
}
