package org.hopfieldlab.server;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.hopfieldlab.batch.sweep.SeedPolicy;
import org.hopfieldlab.batch.sweep.SweepAxis;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.sweep.SweepProperties;
import org.hopfieldlab.server.sweep.SweepRecord;
import org.hopfieldlab.server.sweep.SweepRepository;
import org.hopfieldlab.server.sweep.SweepService;
import org.hopfieldlab.sim.input.Window;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the sweep-service tests share: the server's sweep beans, a fresh user for each test (so one test's sweeps
 * never count against another's caps), sweeps on the sequence preset's three input windows, and a wait for a sweep
 * to end.
 */
abstract class SweepServiceFixture {
    @Autowired
    AccountService accounts;
    @Autowired
    SweepService sweeps;
    @Autowired
    SweepRepository repo;
    @Autowired
    SweepProperties props;

    long user;
    private final String userPrefix;

    SweepServiceFixture(String userPrefix) {
        this.userPrefix = userPrefix;
    }

    @BeforeEach
    void freshUser() {
        user = accounts.signUp(userPrefix + Long.toString(System.nanoTime(), 36), "long password");
    }

    /** The sequence preset at {@code n} neurons, P = 6, T = 9, with the inputs ξ1, ξ2, ξ3 from t = 0, 3 and 6. */
    static ExperimentSpec threeWindows(int n) {
        return Presets.get("sequence").spec().toBuilder().n(n).p(6).duration(9)
                .schedule(List.of(Window.recipe(0, 0), Window.recipe(3, 1), Window.recipe(6, 2))).build();
    }

    /** noise 0, 2, 4 × model idp, classic at n = 128, 3 trials a cell: 18 quick runs. */
    static SweepDefinition small() {
        return new SweepDefinition(threeWindows(128), List.of(SweepAxis.parse("noise=0,2,4"),
                SweepAxis.parse("model=idp,classic")), 3, SeedPolicy.PER_CELL);
    }

    SweepRecord awaitEnd(SweepService service, long id, int seconds) throws InterruptedException {
        return awaitEnd(service, id, seconds, () -> "");
    }

    /** Polls until the sweep has ended; fails after {@code seconds} with its record and {@code detail}. */
    SweepRecord awaitEnd(SweepService service, long id, int seconds, Supplier<String> detail)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            SweepRecord r = service.get(user, id);
            if (r.finished()) {
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sweep " + id + " did not finish: " + service.get(user, id) + detail.get());
    }
}
