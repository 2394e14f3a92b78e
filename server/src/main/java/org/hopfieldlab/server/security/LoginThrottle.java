package org.hopfieldlab.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins counted per (user name, client address) and per client address alone. After
 * {@link #USER_LIMIT} failures for one name from one address, that pair is locked for 30 s, and each further failure
 * after a lock doubles the wait (up to 15 min). {@link #ADDRESS_LIMIT} failures from one address over any names lock
 * the address for {@link #ADDRESS_LOCK}. A locked try is refused before the password is checked, so it costs no
 * BCrypt work. A success clears the pair; counts are forgotten after {@link #FORGET} without failures. In memory:
 * a restart forgets them.
 */
public class LoginThrottle {
    public static final int USER_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 30;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);
    public static final Duration ADDRESS_LOCK = Duration.ofMinutes(5);
    public static final Duration FORGET = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private static final class Entry {
        int failures;
        Instant lastFailure;
        Instant lockedUntil = Instant.EPOCH;
    }

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    private static String pair(String username, String address) {
        return "u:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "|" + address;
    }

    private static String addr(String address) {
        return "a:" + address;
    }

    /** Seconds (rounded up, at least 1) until this name may be tried again from this address; 0 if not locked. */
    public long secondsLocked(String username, String address) {
        Instant now = clock.instant();
        long wait = 0;
        for (String k : new String[] {pair(username, address), addr(address)}) {
            Entry e = entries.get(k);
            if (e != null) {
                synchronized (e) {
                    long ms = Duration.between(now, e.lockedUntil).toMillis();
                    if (ms > 0) {
                        wait = Math.max(wait, (ms + 999) / 1000);
                    }
                }
            }
        }
        return wait;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (entries.size() > MAX_ENTRIES) {
            entries.values().removeIf(e -> e.lastFailure.plus(FORGET).isBefore(now) && e.lockedUntil.isBefore(now));
        }
        Entry p = entries.computeIfAbsent(pair(username, address), k -> new Entry());
        synchronized (p) {
            forgetIfQuiet(p, now);
            p.failures++;
            p.lastFailure = now;
            if (p.failures >= USER_LIMIT) {
                int doublings = Math.min(p.failures - USER_LIMIT, 10);
                Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
                p.lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            }
        }
        Entry a = entries.computeIfAbsent(addr(address), k -> new Entry());
        synchronized (a) {
            forgetIfQuiet(a, now);
            a.failures++;
            a.lastFailure = now;
            if (a.failures >= ADDRESS_LIMIT) {
                a.lockedUntil = now.plus(ADDRESS_LOCK);
                a.failures = 0;
            }
        }
    }

    public void succeeded(String username, String address) {
        entries.remove(pair(username, address));
    }

    private static void forgetIfQuiet(Entry e, Instant now) {
        if (e.lastFailure != null && e.lastFailure.plus(FORGET).isBefore(now) && e.lockedUntil.isBefore(now)) {
            e.failures = 0;
        }
    }
}
