package org.hopfieldlab.sim.readout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.theory.Theory;
import org.junit.jupiter.api.Test;

/**
 * The previous window's gains, per model, compared with the gains the model itself used while that window was on
 * (an independent record: read from the running model, not computed by the class under test).
 */
class PreviousGainsTest {
    static final String BASE = "n=256&p=4&dt=0.05&t=4&noise=0&in=0:d1,2:d3";

    /** Runs to the last step of window 1 and records the model's gains there, then into window 2. */
    static double[][] gainsBeforeAndAfter(Simulation sim, PreviousGains pg) {
        sim.advance(39);   // step 39 of 40 in window 1 (t < 2)
        pg.observe();
        double[] before = sim.model().gains().clone();
        sim.advance(2);
        pg.observe();
        return new double[][] {before, sim.model().gains().clone()};
    }

    @Test
    void idpGainsOfThePreviousWindowAreTheOnesItUsed() {
        Simulation sim = new Simulation(SpecCodec.parse("model=idp&" + BASE), 0);
        PreviousGains pg = new PreviousGains(sim);
        assertNull(pg.previous(), "first window: nothing before");
        assertTrue(pg.whyNone().contains("no earlier"));
        double[][] g = gainsBeforeAndAfter(sim, pg);
        assertEquals(1, sim.window());
        double[] prev = pg.previous();
        for (int mu = 0; mu < 4; mu++) {
            assertEquals(g[0][mu], prev[mu], 1e-12 * Math.max(1, Math.abs(g[0][mu])), "memory " + mu);
        }
        assertTrue(Math.abs(g[1][2] - prev[2]) > 1, "the switch to ξ3 raised its gain: " + g[1][2] + " vs " + prev[2]);
        assertEquals("", pg.whyNone());
    }

    @Test
    void classicSynapsesNeverChangeAndModernGainsAreTheLastSeen() {
        Simulation classic = new Simulation(SpecCodec.parse("model=classic&" + BASE), 0);
        PreviousGains pc = new PreviousGains(classic);
        double[][] g = gainsBeforeAndAfter(classic, pc);
        assertArrayEquals(g[1], pc.previous(), 0.0, "W before = W now");

        Simulation modern = new Simulation(SpecCodec.parse("model=modern&map=softmax&lambda=10&gamma=0.5&" + BASE), 0);
        PreviousGains pm = new PreviousGains(modern);
        double[][] m = gainsBeforeAndAfter(modern, pm);
        assertArrayEquals(m[0], pm.previous(), 0.0, "the last gains seen in window 1");

        Simulation jumped = new Simulation(SpecCodec.parse("model=modern&" + BASE), 0);
        PreviousGains pj = new PreviousGains(jumped);
        jumped.advance(60);
        pj.observe();
        assertNull(pj.previous(), "window 1 was never seen");
        assertTrue(pj.whyNone().contains("not seen"));
    }

    @Test
    void theDiscreteModelHasNoGainsToCompare() {
        Simulation d = new Simulation(SpecCodec.parse("model=discrete&n=256&p=4&dt=1&t=4&noise=0&in=0:d1,2:d3"), 0);
        PreviousGains pg = new PreviousGains(d);
        d.advance(3);
        assertNull(pg.previous());
        assertTrue(pg.whyNone().contains("Hebbian"));
    }

    @Test
    void theBarsShowGainsWithTheirExistenceLineOnlyWhereTheInputShapesTheSynapses() {
        double[] a = {3, 1, 0.5};
        assertEquals("gains", Views.bars(SpecCodec.parse("model=idp")));
        assertEquals("gains", Views.bars(SpecCodec.parse("model=modern")));
        assertEquals("input", Views.bars(SpecCodec.parse("model=classic")));
        assertEquals("input", Views.bars(SpecCodec.parse("model=discrete&noise=0&dt=1")));
        assertEquals(Theory.existenceLine(a, 10, 1024), Views.barLine(SpecCodec.parse("model=idp"), a), 0.0);
        assertEquals(1.0 / 10 + 4.5 / 1024, Views.barLine(SpecCodec.parse("model=idp"), a), 1e-15);
        assertTrue(Double.isNaN(Views.barLine(SpecCodec.parse("model=classic"), a)));
        // the plane reaches a bit beyond the largest well: ±α for IDP, about ±1 for classic
        assertEquals(3 * 1.3, Views.landscapeRange(SpecCodec.parse("model=idp"), a), 1e-12);
        assertEquals(4 * 1.3, Views.landscapeRange(SpecCodec.parse("model=classic"), a), 1e-12);
        assertEquals(1.5 * 1.3, Views.landscapeRange(SpecCodec.parse("model=classic"), new double[3]), 1e-12);
        assertEquals(80, Views.landscapeRange(SpecCodec.parse("model=idp"), new double[] {500}), 0.0);
    }
}
