package org.hopfieldlab.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hopfieldlab.batch.Stats;
import org.junit.jupiter.api.Test;

/**
 * The sweep page's table of cells in words: a fraction and its Wilson interval in whole percents, with decimals only
 * where rounding would put a value on an end the count did not reach (199 of 200 is "99.5 %", not "100 %"; 1 of 300
 * is "0.3 %", not "0 %").
 */
class SweepCellsTextTest {
    @Test
    void wholePercentsThatNeverReachAnEndByRounding() {
        assertEquals("0 %", SweepDetailView.percent(0, 12));
        assertEquals("33 %", SweepDetailView.percent(4, 12));
        assertEquals("100 %", SweepDetailView.percent(12, 12));
        assertEquals("99.5 %", SweepDetailView.percent(199, 200));
        assertEquals("1 %", SweepDetailView.percent(1, 200));
        assertEquals("0.3 %", SweepDetailView.percent(1, 300));
        assertEquals("99.99 %", SweepDetailView.percent(9999, 10000));
        assertEquals("> 99.999 %", SweepDetailView.percent(1999999, 2000000));
        assertEquals("99 %", SweepDetailView.percent(197, 200));
        assertEquals("\u2013", SweepDetailView.percent(0, 0));
    }

    @Test
    void theIntervalInTheSameWords() {
        double[] none = Stats.wilson(0, 12);
        assertEquals("0\u201324 %", SweepDetailView.interval(none[0], none[1]));
        double[] all = Stats.wilson(12, 12);
        assertEquals("76\u2013100 %", SweepDetailView.interval(all[0], all[1]));
        double[] almost = Stats.wilson(1999, 2000);
        assertEquals("99.7\u201399.99 %", SweepDetailView.interval(almost[0], almost[1]));
    }
}
