package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells cut into trial blocks (Spark's tasks): the blocks of a cell, however cut, sum to the whole-cell engine's
 * result; a journal keeps the blocks of unfinished cells across a reopen, and blocks covering a cell make it.
 */
class TrialBlockTest {
    @TempDir
    Path dir;

    // 2 cells × 11 trials, small enough to run whole in a test; noise 6 so some windows fail (counts are not trivial)
    static SweepDefinition def() {
        ExperimentSpec base = Presets.get("sequence").spec().toBuilder().n(128).p(6).build();
        return new SweepDefinition(base, List.of(SweepAxis.parse("noise=6,12")), 11, SeedPolicy.PER_CELL);
    }

    @Test
    void blocksOfACellSumToTheWholeCellBitForBit() {
        SweepDefinition def = def();
        for (int cell = 0; cell < def.cellCount(); cell++) {
            CellResult whole = CellEngine.run(def, cell);
            // cuts that do not follow the lane kernel's batches of 8, and out of order
            List<TrialBlock> blocks = new ArrayList<>(List.of(TrialBlock.run(def, cell, 9, 11),
                    TrialBlock.run(def, cell, 0, 3), TrialBlock.run(def, cell, 3, 9)));
            CellResult merged = TrialBlock.cell(def, cell, blocks);
            assertEquals(CellEngine.encode(whole.withoutTiming()), CellEngine.encode(merged.withoutTiming()));
            // one block short: a partial cell with the trials it has
            CellResult partial = TrialBlock.cell(def, cell, blocks.subList(0, 2));
            assertEquals(5, partial.trials());
            assertTrue(partial.retrieved() <= whole.retrieved());
        }
        assertTrue(CellEngine.run(def, 1).retrieved() < CellEngine.run(def, 1).windows(),
                "noise 12 should fail some windows, or the counts test nothing");
    }

    @Test
    void linesRoundTripAndBadOnesAreRefused() {
        TrialBlock b = TrialBlock.run(def(), 1, 2, 7);
        assertEquals(b, TrialBlock.decode(b.encode()));
        assertTrue(TrialBlock.isBlockLine(b.encode()));
        assertThrows(SpecException.class, () -> TrialBlock.decode("block,1,5,3,0,1;2,0.1"));
        assertThrows(SpecException.class, () -> TrialBlock.decode("block,1,x,3,0,1;2,0.1"));
        assertThrows(SpecException.class, () -> TrialBlock.decode("block,1,2,3"));
    }

    @Test
    void blockSizeFollowsTheCostInWholeBatches() {
        // the noise preset's trials (N = 1024, P = 10, 3000 steps: ~0.04 s each) go 8 to a block, one lane batch
        SweepDefinition noise = SweepPresets.get("noise").definition();
        assertEquals(8, TrialBlock.trialsPerBlock(noise.cellSpec(0)));
        // tiny trials: the whole cell is one block
        assertEquals(11, TrialBlock.trialsPerBlock(def().cellSpec(0)));
        ExperimentSpec big = def().cellSpec(0).toBuilder().n(1024).p(10).trials(100).build();
        int size = TrialBlock.trialsPerBlock(big);
        assertEquals(0, size % 8, "whole lane batches: " + size);
    }

    @Test
    void missingRangesAreTheGapsBetweenFinishedBlocks() {
        SweepDefinition def = SweepPresets.get("noise").definition(); // 20 trials, blocks of 8
        List<TrialBlock> have = List.of(new TrialBlock(0, 8, 16, List.of(0, 0, 0), 0, 0));
        List<int[]> miss = TrialBlock.missing(def, 0, have);
        assertEquals("[0-8, 16-20]", miss.stream().map(r -> r[0] + "-" + r[1]).toList().toString());
        assertEquals("[0-8, 8-16, 16-20]", TrialBlock.missing(def, 0, List.of()).stream()
                .map(r -> r[0] + "-" + r[1]).toList().toString());
    }

    @Test
    void journalKeepsBlocksOfUnfinishedCellsAndBlocksCoveringACellMakeIt() throws Exception {
        SweepDefinition def = def();
        Path file = dir.resolve("j.journal");
        TrialBlock a = TrialBlock.run(def, 0, 0, 4);
        TrialBlock c = TrialBlock.run(def, 0, 8, 11);
        try (SweepJournal j = SweepJournal.open(file, def, SweepShard.ALL)) {
            j.appendBlock(c);
            j.appendBlock(a);
            j.appendBlock(TrialBlock.run(def, 1, 0, 6));
            j.appendBlock(TrialBlock.run(def, 1, 6, 11)); // cell 1 covered by blocks, its own line never written
        }
        // a line cut by a kill
        Files.writeString(file, "block,0,4,8,0,1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (SweepJournal j = SweepJournal.open(file, def, SweepShard.ALL)) {
            assertEquals(List.of(1), List.copyOf(j.finished().keySet()));
            assertEquals(CellEngine.encode(CellEngine.run(def, 1).withoutTiming()),
                    CellEngine.encode(j.finished().get(1).withoutTiming()));
            assertEquals(List.of(a, c), j.blocks().get(0));
            assertEquals("[4-8]", TrialBlock.missing(def, 0, j.blocks().get(0)).stream()
                    .map(r -> r[0] + "-" + r[1]).toList().toString());
            j.append(TrialBlock.cell(def, 0, List.of(a, TrialBlock.run(def, 0, 4, 8), c)));
            assertFalse(j.blocks().containsKey(0));
        }
        SweepPart p = SweepPart.read(file);
        assertEquals(2, p.cells().size());
        assertTrue(p.blocks().isEmpty());
        assertEquals(CellEngine.encode(CellEngine.run(def, 0).withoutTiming()),
                CellEngine.encode(p.cells().get(0).withoutTiming()));
        // blocks of a cell outside the sweep are refused with the line number
        Files.writeString(file, "block,5,0,3,0,0;0;0,0.1\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        SpecException e = assertThrows(SpecException.class, () -> SweepPart.read(file));
        assertTrue(e.getMessage().contains("cell 5"), e.getMessage());
    }
}
