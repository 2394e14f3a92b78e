package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.RandomSpecs;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The server's leg of the canonical-string property (the CLI's {@code spec} and the lab's link are the other two,
 * SpecPropertyTest and LabSchemaIT): a random valid spec saved as a session and read back from the database is the
 * core's canonical string, and re-saving it changes nothing.
 */
@ServerTest
class SavedSessionCanonicalTest {
    @Autowired
    AccountService accounts;
    @Autowired
    SessionService sessions;

    @Test
    void aSavedSessionKeepsTheCoresCanonicalSpec() {
        long user = accounts.signUp("canon-" + Long.toString(System.nanoTime(), 36), "correct horse battery");
        Random r = new Random(Long.getLong("server.property.seed", 20261202L));
        int cases = Integer.getInteger("server.property.cases", 200);
        int saved = 0;
        for (int k = 0; k < cases; k++) {
            ExperimentSpec spec = RandomSpecs.any(r, 256);
            String canonical = SpecCodec.format(spec);
            if (canonical.length() > SessionService.MAX_SPEC) {
                continue; // refused with its own message (SizeLimitsTest)
            }
            LabSession s = sessions.create(user, "case " + k, "", canonical);
            String stored = sessions.get(user, s.id()).spec();
            assertEquals(canonical, stored, "case " + k);
            assertEquals(canonical, SpecCodec.format(SpecCodec.parse(stored)), "case " + k + " round trip");
            sessions.save(user, s.id(), "case " + k, "", stored);
            assertEquals(canonical, sessions.get(user, s.id()).spec(), "case " + k + " re-saved");
            saved++;
        }
        assertEquals(true, saved >= cases * 9 / 10, saved + " of " + cases + " specs were small enough to save");
    }
}
