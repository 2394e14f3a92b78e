package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Values over a column's size are refused with the limit named, before anything is written. */
@ServerTest
class SizeLimitsTest {
    @Autowired
    AccountService accounts;
    @Autowired
    SessionService sessions;

    @Test
    void notesOverTenThousandCharactersNameTheLimit() {
        long user = accounts.signUp("notes-" + Long.toString(System.nanoTime(), 36), "correct horse battery");
        var e = assertThrows(SessionService.SizeLimitException.class,
                () -> sessions.create(user, "long notes", "x".repeat(10_001), "v=1&model=idp&n=256&p=3"));
        assertEquals("The notes are 10,001 characters; the limit is 10,000. Nothing was saved.", e.getMessage());
        assertTrue(sessions.list(user, "").isEmpty(), "nothing written");
        LabSession ok = sessions.create(user, "exactly at the limit", "y".repeat(10_000), "v=1&model=idp&n=256&p=3");
        var e2 = assertThrows(SessionService.SizeLimitException.class,
                () -> sessions.save(user, ok.id(), "t", "z".repeat(12_345), ok.spec()));
        assertTrue(e2.getMessage().contains("12,345 characters; the limit is 10,000"), e2.getMessage());
        assertEquals("y".repeat(10_000), sessions.get(user, ok.id()).notes(), "unchanged");
    }

    @Test
    void aSpecLongerThanTheColumnNamesTheLimit() {
        long user = accounts.signUp("spec-" + Long.toString(System.nanoTime(), 36), "correct horse battery");
        Random r = new Random(1);
        double[][] mem = new double[8][16384];
        for (double[] m : mem) {
            for (int i = 0; i < m.length; i++) {
                m[i] = r.nextBoolean() ? 1 : -1;
            }
        }
        String spec = "v=1&model=classic&n=16384&p=8&mem=custom&pat=" + PatternCodec.encode(mem);
        var e = assertThrows(SessionService.SizeLimitException.class,
                () -> sessions.create(user, "big custom memories", "", spec));
        assertTrue(e.getMessage().matches("This experiment's spec is [0-9,]+ characters; saved sessions hold at most "
                + "20,000 .*Nothing was saved\\."), e.getMessage());
        assertTrue(sessions.list(user, "").isEmpty());
    }

    /** A sweep's "Save to sessions": results past the old 200,000-character column fit; over the limit, nothing. */
    @Test
    void sweepResultsAreSavedWholeOrNotAtAll() {
        long user = accounts.signUp("sweep-" + Long.toString(System.nanoTime(), 36), "correct horse battery");
        String large = "{\"cells\":\"" + "c".repeat(900_000) + "\"}";
        LabSession s = sessions.createWithSnapshot(user, "a large sweep", "notes", "v=1&model=idp&n=256&p=3", large);
        assertEquals(large, sessions.get(user, s.id()).resultSnapshot());
        String tooLarge = "x".repeat(SessionService.MAX_SNAPSHOT + 1);
        var e = assertThrows(SessionService.SizeLimitException.class,
                () -> sessions.createWithSnapshot(user, "too large", "", "v=1&model=idp&n=256&p=3", tooLarge));
        assertEquals("These results are 2,000,001 characters; a saved session holds at most 2,000,000. Nothing was "
                + "saved; download the CSV or JSON instead.", e.getMessage());
        var e2 = assertThrows(SessionService.SizeLimitException.class,
                () -> sessions.createWithSnapshot(user, "long notes", "n".repeat(10_001), "v=1&model=idp&n=256&p=3",
                        "{}"));
        assertTrue(e2.getMessage().contains("the limit is 10,000"), e2.getMessage());
        assertEquals(1, sessions.list(user, "").size(), "only the first save was written");
    }
}
