package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.Choices.InitialState;
import org.hopfieldlab.sim.spec.Choices.MemoryKind;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.hopfieldlab.sim.spec.UnstableSpecs;

class SimulationTest {
    private static final ExperimentSpec SMALL = SpecCodec.parse(
            "model=idp&n=128&p=4&noise=8&dt=0.01&t=3&seed=5&in=0:d1,1:d2,2:d3");

    private static String run(ExperimentSpec spec, int trial) {
        Simulation sim = new Simulation(spec, trial);
        sim.advance(Integer.MAX_VALUE);
        return sim.checksum();
    }

    @Test
    void sameSpecAndTrialGiveTheSameBits() {
        assertEquals(run(SMALL, 0), run(SMALL, 0));
        // a spec re-parsed from its text is the same experiment
        assertEquals(run(SMALL, 1), run(SpecCodec.parse(SpecCodec.format(SMALL)), 1));
    }

    @Test
    void differentSeedOrTrialGivesDifferentBits() {
        String base = run(SMALL, 0);
        assertNotEquals(base, run(SMALL.toBuilder().seed(6).build(), 0));
        assertNotEquals(base, run(SMALL, 1));
        assertNotEquals(base, run(SMALL.toBuilder().noise(7.9).build(), 0));
    }

    @Test
    void advancingInSlicesEqualsAdvancingInOneGo() {
        // the browser advances in time slices; the bits must not depend on the slicing
        for (String q : new String[] {"model=idp&n=64&p=3&noise=2&dt=0.01&t=2&in=0:d1,0.77:d2&pulse=0.3",
            "model=discrete&n=64&p=3&noise=0&dt=1&t=9&in=0:off,3:c2&mask=0.2&update=async"}) {
            ExperimentSpec spec = SpecCodec.parse(q);
            Simulation sliced = new Simulation(spec, 2);
            int total = 0;
            int slice = 1;
            while (!sliced.finished()) {
                total += sliced.advance(slice);
                slice = slice % 13 + 2;
            }
            assertEquals(spec.steps(), total);
            assertEquals(0, sliced.advance(10), "nothing left to do");
            assertEquals(run(spec, 2), sliced.checksum(), q);
        }
    }

    @Test
    void noiseDoesNotChangeMemoriesOrInputs() {
        // independent streams: changing the noise keeps the trial's memories and inputs
        Simulation a = new Simulation(SMALL, 3);
        Simulation b = new Simulation(SMALL.toBuilder().noise(0).build(), 3);
        assertArrayEquals(a.memories().raw(), b.memories().raw(), 0.0);
        for (int w = 0; w < 3; w++) {
            assertArrayEquals(a.inputs().weights(w), b.inputs().weights(w), 0.0);
        }
        assertArrayEquals(a.state(), b.state(), 0.0, "x(0) ~ N(0, I) comes first from the dynamics stream");
        // random memories are drawn per trial, orthogonal ones are fixed
        assertFalse(java.util.Arrays.equals(a.memories().raw(), new Simulation(SMALL, 4).memories().raw()));
        ExperimentSpec orth = SMALL.toBuilder().memories(MemoryKind.ORTHOGONAL).build();
        assertArrayEquals(Simulation.memoriesFor(orth, 0).raw(), Simulation.memoriesFor(orth, 9).raw(), 0.0);
    }

    @Test
    void windowsAndPulsesSwitchAtTheRightSteps() {
        ExperimentSpec spec = SpecCodec.parse("model=classic&n=32&p=3&noise=0&dt=0.1&t=3&in=0:d1,1:d2,2:off&pulse=0.4");
        Simulation sim = new Simulation(spec, 0);
        assertEquals(30, sim.totalSteps());
        while (true) {
            int step = sim.step();
            int window = step < 10 ? 0 : step < 20 ? 1 : 2;
            assertEquals(window, sim.window(), "step " + step);
            boolean on = window < 2 && step - window * 10 < 4;
            assertEquals(on, sim.inputOn(), "step " + step);
            assertEquals(step * 0.1, sim.time(), 1e-12);
            if (sim.finished()) {
                break;
            }
            sim.advanceTo(step + 1);
        }
        assertEquals(30, sim.step());
        sim.advanceTo(1000);
        assertEquals(30, sim.step());
    }

    @Test
    void initialStates() {
        ExperimentSpec zero = SpecCodec.parse("n=64&p=2&t=1&in=0:d1&x0=zero");
        assertArrayEquals(new double[64], new Simulation(zero, 0).state(), 0.0);
        ExperimentSpec cue = SpecCodec.parse("n=64&p=2&mem=orthogonal&t=1&in=0:d1&x0=cue&cue=2&mask=0.25");
        Simulation s = new Simulation(cue, 0);
        for (int i = 0; i < 64; i++) {
            assertEquals(i >= 48 ? 0.0 : s.memories().get(1, i), s.state()[i], 0.0);
        }
        ExperimentSpec disc = SpecCodec.parse("model=discrete&noise=0&n=64&p=2&dt=1&t=3&in=0:off&x0=cue&cue=1&mask=0.5");
        Simulation d = new Simulation(disc, 0);
        int agree = 0;
        for (int i = 0; i < 64; i++) {
            double v = d.state()[i];
            assertTrue(v == 1.0 || v == -1.0, "sign units start at ±1, masked ones at a random sign");
            agree += i < 32 && v == d.memories().get(0, i) ? 1 : 0;
        }
        assertEquals(32, agree, "the visible half is the cued memory");
        ExperimentSpec gauss = SpecCodec.parse("n=4096&p=2&t=1&in=0:d1");
        double sum = 0;
        double sq = 0;
        for (double x : new Simulation(gauss, 0).state()) {
            sum += x;
            sq += x * x;
        }
        // x(0) ~ N(0, I): mean 0 ± 5/√4096, variance 1 ± 5√(2/4096)
        assertEquals(0, sum / 4096, 5 / 64.0);
        assertEquals(1, sq / 4096, 5 * Math.sqrt(2.0 / 4096));
    }

    @Test
    void tooLargeStepThrowsDivergenceNamingDt() {
        ExperimentSpec spec = UnstableSpecs.build(ExperimentSpec.builder().model(ModelKind.IDP).n(64).p(3).noise(0)
                .dt(5).duration(100).schedule(List.of(Window.recipe(0, 0))));
        Simulation sim = new Simulation(spec, 0);
        DivergenceException e = assertThrows(DivergenceException.class, () -> sim.advance(Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains("dt = 5.0"), e.getMessage());
        assertTrue(e.getMessage().contains("lower dt"), e.getMessage());
        // Euler with dt = 5: x ← −4x + 5 W σ(x) grows ×4 per step from |x| ~ 10², so |x| > 1e8 after ≲ 12 steps
        assertTrue(e.time() > 0 && e.time() <= 100, "time " + e.time());
        assertEquals(0, e.time() % 5, 1e-9, "divergence time is a multiple of dt");
    }

    @Test
    void stableStepDoesNotDiverge() {
        // Euler on dx/dt = −x + …: stable up to dt < 2 for the leak; dt = 0.5 with small gains stays finite
        ExperimentSpec spec = ExperimentSpec.builder().model(ModelKind.IDP).n(64).p(3).noise(0).dt(0.5)
                .duration(100).memories(MemoryKind.ORTHOGONAL)
                .schedule(List.of(Window.weights(0, new double[] {0.3, 0.1, 0.1}))).initialState(InitialState.GAUSS)
                .build();
        Simulation sim = new Simulation(spec, 0);
        sim.advance(Integer.MAX_VALUE);
        for (double x : sim.state()) {
            assertTrue(Double.isFinite(x) && Math.abs(x) < 1);
        }
    }
}
