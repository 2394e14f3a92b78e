package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Failed sign-ins lock the (name, address) pair; a locked try is refused before the password is checked. */
@ServerTest
class LoginThrottleTest {
    @Autowired
    AccountService accounts;
    @LocalServerPort
    int port;

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void fiveFailuresLockThePairAndTheWaitDoubles() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.USER_LIMIT - 1; i++) {
            t.failed("Alice", "10.0.0.1");
            assertEquals(0, t.secondsLocked("alice", "10.0.0.1"));
        }
        t.failed("alice", "10.0.0.1");
        assertEquals(30, t.secondsLocked("ALICE", "10.0.0.1"), "the name counts in any case");
        assertEquals(0, t.secondsLocked("alice", "10.0.0.2"), "another address is not locked");
        assertEquals(0, t.secondsLocked("bob", "10.0.0.1"), "another name from the address is not locked");
        clock.now = clock.now.plusSeconds(29).plusMillis(1);
        assertEquals(1, t.secondsLocked("alice", "10.0.0.1"));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(0, t.secondsLocked("alice", "10.0.0.1"));
        t.failed("alice", "10.0.0.1");
        assertEquals(60, t.secondsLocked("alice", "10.0.0.1"));
        clock.now = clock.now.plusSeconds(60);
        t.failed("alice", "10.0.0.1");
        assertEquals(120, t.secondsLocked("alice", "10.0.0.1"));
        for (int i = 0; i < 20; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            t.failed("alice", "10.0.0.1");
        }
        assertEquals(LoginThrottle.MAX_LOCK.toSeconds(), t.secondsLocked("alice", "10.0.0.1"), "capped");
        clock.now = clock.now.plus(LoginThrottle.MAX_LOCK);
        t.succeeded("alice", "10.0.0.1");
        t.failed("alice", "10.0.0.1");
        assertEquals(0, t.secondsLocked("alice", "10.0.0.1"), "a success starts the count again");
    }

    @Test
    void manyNamesFromOneAddressLockTheAddress() {
        LoginThrottle t = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            t.failed("user" + i, "10.0.0.9");
        }
        assertEquals(LoginThrottle.ADDRESS_LOCK.toSeconds(), t.secondsLocked("someone-else", "10.0.0.9"));
        assertEquals(0, t.secondsLocked("someone-else", "10.0.0.8"));
    }

    @Test
    void overHttpTheRightPasswordIsRefusedWhileLockedAndTheMessageSaysTheWait() throws Exception {
        String user = "locked-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "correct horse battery");
        LoginHttp browser = new LoginHttp(port);
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            HttpResponse<String> r = browser.login(user, "wrong password " + i);
            assertEquals(302, r.statusCode());
            assertTrue(LoginHttp.location(r).endsWith("/login?error"), LoginHttp.location(r));
        }
        long start = System.nanoTime();
        HttpResponse<String> locked = browser.login(user, "correct horse battery");
        double ms = (System.nanoTime() - start) / 1e6;
        assertEquals(302, locked.statusCode());
        String where = LoginHttp.location(locked);
        assertTrue(where.matches(".*/login\\?locked=(30|29|28)"), where);
        // the right password did not sign in: the refusal came before any password check
        assertEquals(302, browser.get("/sweeps").statusCode());
        System.out.printf("locked sign-in answered in %.1f ms (GET /login + POST)%n", ms);
        // another name from the same address still works
        String other = "free-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(other, "violet kettle moss");
        HttpResponse<String> ok = new LoginHttp(port).login(other, "violet kettle moss");
        assertTrue(!LoginHttp.location(ok).contains("login"), LoginHttp.location(ok));
    }
}
