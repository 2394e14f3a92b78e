package org.hopfieldlab.batch.sweep;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.spec.SpecException;

/**
 * Part i of K of a sweep (0 ≤ i < K): the cells k with k mod K = i. Dealing cells round robin spreads the costly
 * ones (large N, high noise) over all shards; the split depends only on the definition, so any machine computes it.
 */
public record SweepShard(int index, int count) {
    public static final SweepShard ALL = new SweepShard(0, 1);
    public static final int MAX_SHARDS = 100_000;

    public SweepShard {
        if (count < 1 || count > MAX_SHARDS) {
            throw new SpecException("--shard", "shard count K = " + count + "; allowed: 1 to " + MAX_SHARDS);
        }
        if (index < 0 || index >= count) {
            throw new SpecException("--shard", "shard index i = " + index + "; allowed: 0 to " + (count - 1)
                    + " for K = " + count + " (0-based, like SLURM_ARRAY_TASK_ID=0..K-1)");
        }
    }

    /** Parses "i/K", e.g. "0/4". */
    public static SweepShard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1 || !t.matches("[0-9]+/[0-9]+")) {
            throw new SpecException("--shard", "--shard takes i/K with 0 ≤ i < K (e.g. 0/4), got '" + text + "'");
        }
        try {
            return new SweepShard(Integer.parseInt(t.substring(0, slash)), Integer.parseInt(t.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new SpecException("--shard", "--shard numbers are too large: '" + text + "'");
        }
    }

    public boolean contains(int cell) {
        return cell % count == index;
    }

    /** This shard's cells of the definition, in order. */
    public List<Integer> cells(SweepDefinition def) {
        List<Integer> out = new ArrayList<>();
        for (int k = index; k < def.cellCount(); k += count) {
            out.add(k);
        }
        return out;
    }

    public String format() {
        return index + "/" + count;
    }
}
