package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.security.JdbcThrottleStore;
import org.hopfieldlab.server.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed sign-ins lock the (name, address) pair; a locked try is refused before the password is checked. */
@ServerTest
class LoginThrottleTest {
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
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
        fiveFailuresLockThePairAndTheWaitDoubles(false);
    }

    /** The same rules with the counts in the database, and a fresh throttle (a restarted server) after each step. */
    @Test
    void theDatabaseKeepsTheCountsAcrossInstances() {
        fiveFailuresLockThePairAndTheWaitDoubles(true);
    }

    void fiveFailuresLockThePairAndTheWaitDoubles(boolean inDatabase) {
        MovableClock clock = new MovableClock();
        LoginThrottle memory = new LoginThrottle(clock);
        // in the database every step gets a new throttle, as a restarted server would; unique addresses, since the
        // database is shared with the other tests of this JVM
        Supplier<LoginThrottle> t = inDatabase ? () -> new LoginThrottle(clock, new JdbcThrottleStore(jdbc))
                : () -> memory;
        String a1 = inDatabase ? "db-" + System.nanoTime() : "10.0.0.1";
        String a2 = a1 + "-other";
        for (int i = 0; i < LoginThrottle.USER_LIMIT - 1; i++) {
            t.get().failed("Alice", a1);
            assertEquals(0, t.get().secondsLocked("alice", a1));
        }
        t.get().failed("alice", a1);
        assertEquals(30, t.get().secondsLocked("ALICE", a1), "the name counts in any case");
        assertFalse(t.get().lockedForEveryName("alice", a1), "this name's lock, not the address's");
        assertEquals(0, t.get().secondsLocked("alice", a2), "another address is not locked");
        assertEquals(0, t.get().secondsLocked("bob", a1), "another name from the address is not locked");
        clock.now = clock.now.plusSeconds(29).plusMillis(1);
        assertEquals(1, t.get().secondsLocked("alice", a1));
        clock.now = clock.now.plusSeconds(1);
        assertEquals(0, t.get().secondsLocked("alice", a1));
        t.get().failed("alice", a1);
        assertEquals(60, t.get().secondsLocked("alice", a1));
        clock.now = clock.now.plusSeconds(60);
        t.get().failed("alice", a1);
        assertEquals(120, t.get().secondsLocked("alice", a1));
        for (int i = 0; i < 20; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(16));
            t.get().failed("alice", a1);
        }
        assertEquals(LoginThrottle.MAX_LOCK.toSeconds(), t.get().secondsLocked("alice", a1), "capped");
        clock.now = clock.now.plus(LoginThrottle.MAX_LOCK);
        t.get().succeeded("alice", a1);
        t.get().failed("alice", a1);
        assertEquals(0, t.get().secondsLocked("alice", a1), "a success starts the count again");
        // an hour without failures forgets the count
        for (int i = 0; i < LoginThrottle.USER_LIMIT - 1; i++) {
            t.get().failed("carol", a1);
        }
        clock.now = clock.now.plus(LoginThrottle.FORGET).plusSeconds(1);
        t.get().failed("carol", a1);
        assertEquals(0, t.get().secondsLocked("carol", a1), "counts quiet for an hour are forgotten");
    }

    @Test
    void aNameOfAnyLengthIsCounted() {
        LoginThrottle t = new LoginThrottle(new MovableClock(), new JdbcThrottleStore(jdbc));
        String address = "long-" + System.nanoTime();
        String name = "x".repeat(5000);
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            t.failed(name, address);
        }
        assertEquals(30, new LoginThrottle(new MovableClock(), new JdbcThrottleStore(jdbc)).secondsLocked(name,
                address));
    }

    @Test
    void clearingANameLiftsItsLocksFromEveryAddressAndNothingElse() {
        clearingANameLiftsItsLocksFromEveryAddressAndNothingElse(false);
    }

    @Test
    void clearingANameInTheDatabase() {
        clearingANameLiftsItsLocksFromEveryAddressAndNothingElse(true);
    }

    void clearingANameLiftsItsLocksFromEveryAddressAndNothingElse(boolean inDatabase) {
        MovableClock clock = new MovableClock();
        LoginThrottle t = inDatabase ? new LoginThrottle(clock, new JdbcThrottleStore(jdbc)) : new LoginThrottle(clock);
        String run = inDatabase ? "db" + System.nanoTime() : "mem";
        String p = "k" + run + "|"; // the addresses whose pairs the clearing may touch
        // "Kim_Lee" must not match "kimalee" (a LIKE pattern reads '_' as any character) nor "Kim_Lee2"
        String[] names = {"Kim_Lee", "KimaLee", "Kim_Lee2", "x Kim_Lee"};
        String[] addresses = {p + "1.1.1.1", p + "2.2.2.2", "other" + run};
        for (String name : names) {
            for (String a : addresses) {
                for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
                    t.failed(name, a);
                }
            }
        }
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            t.failed("someone" + i, p + "3.3.3.3");
        }
        t.clearName(" kim_lee ", p);
        assertEquals(0, t.secondsLocked("Kim_Lee", p + "1.1.1.1"));
        assertEquals(0, t.secondsLocked("KIM_LEE", p + "2.2.2.2"));
        assertEquals(30, t.secondsLocked("Kim_Lee", "other" + run), "an address without the prefix keeps its lock");
        for (String name : new String[] {"KimaLee", "Kim_Lee2", "x Kim_Lee"}) {
            assertEquals(30, t.secondsLocked(name, p + "1.1.1.1"), name);
        }
        assertEquals(LoginThrottle.ADDRESS_LOCK.toSeconds(), t.secondsLocked("Kim_Lee", p + "3.3.3.3"),
                "an address's own lock stays");
        // the name's count starts again: four new failures do not lock it, the fifth does
        for (int i = 0; i < LoginThrottle.USER_LIMIT - 1; i++) {
            t.failed("Kim_Lee", p + "1.1.1.1");
        }
        assertEquals(0, t.secondsLocked("Kim_Lee", p + "1.1.1.1"));
        t.failed("Kim_Lee", p + "1.1.1.1");
        assertEquals(30, t.secondsLocked("Kim_Lee", p + "1.1.1.1"));
    }

    @Test
    void longNamesAndAddressesKeepCountsOfTheirOwnAndClearingFindsThem() {
        longNamesAndAddressesKeepCountsOfTheirOwnAndClearingFindsThem(false);
    }

    /** The same in the database, whose key column holds 200 characters (a longer key would be refused). */
    @Test
    void longNamesAndAddressesInTheDatabase() {
        longNamesAndAddressesKeepCountsOfTheirOwnAndClearingFindsThem(true);
    }

    void longNamesAndAddressesKeepCountsOfTheirOwnAndClearingFindsThem(boolean inDatabase) {
        MovableClock clock = new MovableClock();
        LoginThrottle t = inDatabase ? new LoginThrottle(clock, new JdbcThrottleStore(jdbc)) : new LoginThrottle(clock);
        String run = inDatabase ? "db" + System.nanoTime() : "mem";
        String p = "k" + run + "|";
        String longAddress = p + "fe80::1%" + "z".repeat(150);
        // names that differ only past 200 characters, one of letters outside the BMP (two chars each, so a cut can
        // fall inside one), a short one
        String base = " N".repeat(150);
        String[] names = {base + "a", base + "b", "\uD835\uDC00".repeat(150) + "c", "short"};
        String[] addresses = {p + "1.1.1.1", longAddress, longAddress + "2", "other" + run + "z".repeat(200)};
        for (String a : addresses) {
            for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
                t.failed(names[0], a);
            }
            assertEquals(30, t.secondsLocked(names[0], a), a);
            for (int k = 1; k < names.length; k++) {
                assertEquals(0, t.secondsLocked(names[k], a), "another name is not locked: " + names[k]);
            }
            for (int k = 1; k < names.length; k++) {
                for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
                    t.failed(names[k], a);
                }
            }
        }
        // addresses that differ only past 200 characters lock apart
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            t.failed("someone" + i, longAddress + "z".repeat(200) + "1");
        }
        assertEquals(LoginThrottle.ADDRESS_LOCK.toSeconds(), t.secondsLocked("x", longAddress + "z".repeat(200) + "1"));
        assertEquals(0, t.secondsLocked("x", longAddress + "z".repeat(200) + "2"));

        t.clearName(base.toLowerCase(java.util.Locale.ROOT) + "A ", p);
        t.clearName(names[2], p);
        for (String a : addresses) {
            boolean cleared = a.startsWith(p);
            assertEquals(cleared ? 0 : 30, t.secondsLocked(names[0], a), a);
            assertEquals(cleared ? 0 : 30, t.secondsLocked(names[2], a), a);
            assertEquals(30, t.secondsLocked(names[1], a), "another long name keeps its lock from " + a);
            assertEquals(30, t.secondsLocked(names[3], a), "a short name keeps its lock from " + a);
        }
        if (inDatabase) {
            int longest = jdbc.sql("select max(length(throttle_key)) from login_throttle where throttle_key like ?")
                    .param("_:%" + run + "%").query(Integer.class).single();
            assertTrue(longest <= 200 && longest > 150, "longest key " + longest);
            // a key that fits is the plain text, as before keys were bounded (so the rows stored then still count)
            assertEquals(1, jdbc.sql("select count(*) from login_throttle where throttle_key = ?")
                    .param("u:" + p + "1.1.1.1|short").query(Integer.class).single());
        }
    }

    @Test
    void manyNamesFromOneAddressLockTheAddress() {
        LoginThrottle t = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            t.failed("user" + i, "10.0.0.9");
        }
        assertEquals(LoginThrottle.ADDRESS_LOCK.toSeconds(), t.secondsLocked("someone-else", "10.0.0.9"));
        assertTrue(t.lockedForEveryName("someone-else", "10.0.0.9"), "the address's lock: the page must not blame a name");
        assertEquals(0, t.secondsLocked("someone-else", "10.0.0.8"));
        assertFalse(t.lockedForEveryName("someone-else", "10.0.0.8"));
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
        // the lock is in the database: a new throttle, as a restarted server builds, still refuses
        LoginThrottle restarted = new LoginThrottle(Clock.systemUTC(), new JdbcThrottleStore(jdbc));
        assertTrue(Math.max(restarted.secondsLocked(user, "127.0.0.1"), restarted.secondsLocked(user,
                "0:0:0:0:0:0:0:1")) >= 28, "the lock survives a restart");
        // another name from the same address still works
        String other = "free-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(other, "violet kettle moss");
        HttpResponse<String> ok = new LoginHttp(port).login(other, "violet kettle moss");
        assertTrue(!LoginHttp.location(ok).contains("login"), LoginHttp.location(ok));
    }
}
