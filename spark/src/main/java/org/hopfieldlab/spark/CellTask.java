package org.hopfieldlab.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.Function;
import org.hopfieldlab.batch.sweep.CellEngine;
import org.hopfieldlab.batch.sweep.SweepDefinition;

/**
 * One Spark task: runs one cell with the same {@link CellEngine} as the local engine and returns its exact line. Only
 * the definition's text travels to the executor; each executor JVM parses it once.
 */
final class CellTask implements Function<Integer, String> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, SweepDefinition> PARSED = new ConcurrentHashMap<>();

    private final String definition;

    CellTask(String definition) {
        this.definition = definition;
    }

    @Override
    public String call(Integer cell) {
        SweepDefinition def = PARSED.computeIfAbsent(definition, SweepDefinition::parse);
        return CellEngine.encode(CellEngine.run(def, cell));
    }
}
