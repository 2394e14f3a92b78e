package org.hopfieldlab.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.TrialBlock;

/**
 * One Spark task: runs trials [from, to) of one cell ("cell,from,to") with {@link TrialBlock#run} — the local
 * engine's kernel and seeds — and returns the block's exact line. Only the definition's text travels to the
 * executor; each executor JVM parses it once.
 */
final class BlockTask implements Function<String, String> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, SweepDefinition> PARSED = new ConcurrentHashMap<>();

    private final String definition;

    BlockTask(String definition) {
        this.definition = definition;
    }

    static String key(int cell, int from, int to) {
        return cell + "," + from + "," + to;
    }

    @Override
    public String call(String block) {
        SweepDefinition def = PARSED.computeIfAbsent(definition, SweepDefinition::parse);
        String[] f = block.split(",");
        return TrialBlock.run(def, Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])).encode();
    }
}
