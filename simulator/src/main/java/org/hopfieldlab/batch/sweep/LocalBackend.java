package org.hopfieldlab.batch.sweep;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The local engine: the cells on this JVM's threads ({@link SweepRunner} over a {@link SweepScheduler}). */
public final class LocalBackend implements SweepBackend {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public void run(SweepDefinition def, List<Integer> cells, Settings settings, Consumer<CellResult> done,
            Progress progress) {
        Set<Integer> wanted = new HashSet<>(cells);
        Set<Integer> skip = new HashSet<>();
        for (int k = 0; k < def.cellCount(); k++) {
            if (!wanted.contains(k)) {
                skip.add(k);
            }
        }
        long before = (long) skip.size() * def.trialsPerCell();
        long total = (long) cells.size() * def.trialsPerCell();
        SweepRunner.run(def, settings.threads(), skip, done,
                progress == null ? null : job -> progress.runs(job.runsDone() - before, total));
    }
}
