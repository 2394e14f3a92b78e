package org.hopfieldlab.sim.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Limits;
import org.hopfieldlab.sim.spec.ModelKind;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;

/**
 * What grading a spec costs, in {@link ExerciseLimits}' work units. The rate models keep the formula the work bound
 * was calibrated on; a discrete sweep costs several rate-model steps (the sweep engine's measured cost model, declared
 * once in the core) and must be priced so, or a discrete spec is admitted to grading at several times the intended
 * cost.
 */
class GradingCostTest {
    /** The capacity exercise's discrete spec: 20 trials × 20 sweeps at N = 1024, P = 50. */
    static final String DISCRETE = "model=discrete&n=1024&p=50&mem=random&noise=0&dt=1&t=20&seed=1&trials=20&in=0:off"
            + "&x0=cue&cue=1&mask=0&flip=0.05";
    /** An IDP spec of the same N, P, steps and trials. */
    static final String RATE = "model=idp&n=1024&p=50&mem=random&beta=10&noise=0&dt=0.01&t=0.2&seed=1&trials=20"
            + "&in=0:off&x0=gauss";

    /** The work formula exercise grading used before the models were priced: n·(p + 10)·steps·trials, ×2 with E. */
    private static double rateFormula(ExperimentSpec s, boolean energyRise) {
        return (double) s.n() * (s.p() + 10) * (energyRise ? 2 : 1) * s.steps() * s.trials();
    }

    @Test
    void aDiscreteSpecCostsMoreToGradeThanARateModelSpecOfTheSameSize() {
        ExperimentSpec discrete = SpecCodec.parse(DISCRETE);
        ExperimentSpec rate = SpecCodec.parse(RATE);
        assertEquals(discrete.n(), rate.n());
        assertEquals(discrete.p(), rate.p());
        assertEquals(discrete.steps(), rate.steps());
        assertEquals(discrete.trials(), rate.trials());
        for (boolean rise : new boolean[] {false, true}) {
            double d = Evaluation.work(discrete, true, rise);
            double r = Evaluation.work(rate, true, rise);
            // a sweep does 3 units of work per neuron-memory against a rate model's 1 (SweepCostModelTest)
            assertTrue(d > 2 * r, "discrete " + d + " vs rate " + r + (rise ? " with the energy rise" : ""));
        }
        // a Glauber sweep (T > 0) draws a random number and an exponential per update: dearer still
        ExperimentSpec glauber = SpecCodec.parse(DISCRETE.replace("noise=0", "noise=0.5"));
        assertTrue(Evaluation.work(glauber, true, false) > Evaluation.work(discrete, true, false));
    }

    @Test
    void rateModelSpecsCostWhatTheyCostBefore() {
        String[] specs = {RATE,
            "model=classic&n=1024&p=10&mem=random&beta=10&noise=0&dt=0.01&t=30&seed=1&trials=10&in=0:d1,10:d2,20:d3"
                    + "&pulse=0&x0=gauss",
            "model=idp&n=1024&p=10&mem=random&beta=10&noise=8&dt=0.01&t=25&seed=1&trials=20"
                    + "&in=0:d1,8:d2,10:d1,15:d2,19:d3&x0=gauss",
            "model=modern&n=1024&p=10&mem=random&beta=10&noise=0.3&dt=0.01&t=30&seed=1&trials=10"
                    + "&in=0:d1,10:d2,20:d3&x0=gauss&map=linear&gamma=1",
            "model=classic&n=64&p=1&mem=orthogonal&beta=10&noise=0&dt=0.01&t=10&seed=1&trials=3&in=0:off&x0=gauss"};
        for (String q : specs) {
            ExperimentSpec s = SpecCodec.parse(q);
            assertTrue(s.model() != ModelKind.DISCRETE);
            for (boolean rise : new boolean[] {false, true}) {
                assertEquals(rateFormula(s, rise), Evaluation.work(s, true, rise), 0.0, q + " rise " + rise);
            }
            assertEquals(0, Evaluation.work(s, false, false), 0.0);
        }
        // what an evaluation reports (runs stop after the last window read): window 1 of 3 at t = 10 of 30
        ExperimentSpec classic = SpecCodec.parse(specs[1]);
        Evaluation e = new Evaluation(classic, java.util.List.of(new Measure(MeasureKind.ENDS_IN, 1, -1, 0, "")));
        assertEquals(1024.0 * 20 * classic.windowEndStep(0) * 10, e.work(), 0.0);
    }

    @Test
    void aDiscreteSubmissionAdmittedAtTheRateModelPriceIsRefusedNamingWhatItCosts() {
        // 100 trials × 200 sweeps at N = 1024, P = 100: 2.25·10⁹ units at a rate model's price (under the bound)
        Exercise capacity = Exercise.parse(Course.json("capacity").replace("\"free\": [\"p\"]",
                "\"free\": [\"p\", \"trials\", \"t\"]"));
        String heavy = "+p=100&trials=100&t=200";
        String answer = SpecCodec.format(SpecCodec.parseOnto(capacity.task("overload").spec().toBuilder(),
                heavy.substring(1)));
        ExperimentSpec s = SpecCodec.parse(answer);
        assertTrue(rateFormula(s, false) <= ExerciseLimits.MAX_WORK, "admitted at a rate model's price");
        Verdict v = Grader.grade(capacity, "overload", answer);
        assertEquals(Verdict.Status.REFUSED, v.status(), v.toJson());
        assertTrue(v.summary().contains("your spec would need " + Fmt.count(Evaluation.work(s, true, false), 3)
                + " work units to grade (100 trials × 200 steps at N = 1024, P = 100, each discrete step priced as 3.2"
                + " rate-model steps); allowed: at most 2.5·10⁹ — ")
                && v.summary().contains("lower trials, t or n"), v.summary());
        assertEquals(Evaluation.work(s, true, false), v.work(), 0.0, "the work it would have cost");
        assertEquals("7.21·10⁹", Fmt.count(Evaluation.work(s, true, false), 3), "large counts read at a glance");
        // the exercise itself, written with that spec, is refused when it is read
        ExerciseException bad = assertThrows(ExerciseException.class, () -> Exercise.parse(Course.json("capacity")
                .replace("p=50", "p=100").replace("t=20&seed=1&trials=20", "t=200&seed=1&trials=100")));
        assertTrue(bad.getMessage().contains("grading runs 100 trials × 200 steps at N = 1024, P = 100, each discrete"
                + " step priced as 3.2 rate-model steps: "), bad.getMessage());
    }

    @Test
    void theCoursesDiscreteExercisesAreAdmittedAtEveryPTheyAllow() {
        // capacity lets the student choose P: the largest P the network allows must still be gradable
        for (Exercise e : Course.all()) {
            for (Task t : e.tasks()) {
                if (t.spec().model() != ModelKind.DISCRETE) {
                    continue;
                }
                boolean[] sim = Grading.simulationFlags(t);
                ExperimentSpec s = t.spec();
                if (t.freeKeys().contains("p")) {
                    s = SpecCodec.parseOnto(s.toBuilder(), "p=" + Limits.maxP(s.n()));
                }
                double work = Evaluation.work(s, sim[0], sim[1]);
                System.out.printf("  %s/%s at P = %d: %.3g work units%n", e.id(), t.id(), s.p(), work);
                assertTrue(work <= ExerciseLimits.MAX_WORK, e.id() + "/" + t.id() + ": " + work);
            }
        }
    }
}
