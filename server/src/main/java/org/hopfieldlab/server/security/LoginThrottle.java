package org.hopfieldlab.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed sign-ins counted per (user name, client address) and per client address alone. After
 * {@link #USER_LIMIT} failures for one name from one address, that pair is locked for 30 s, and each further failure
 * after a lock doubles the wait (up to 15 min). {@link #ADDRESS_LIMIT} failures from one address over any names lock
 * the address for {@link #ADDRESS_LOCK}. A locked try is refused before the password is checked, so it costs no
 * BCrypt work. A success clears the pair; counts are forgotten after {@link #FORGET} without failures. The counts
 * live in a {@link Store}: the server's is the database ({@link JdbcThrottleStore}), so a restart does not lift a
 * lockout.
 */
public class LoginThrottle {
    public static final int USER_LIMIT = 5;
    public static final int ADDRESS_LIMIT = 30;
    public static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    public static final Duration MAX_LOCK = Duration.ofMinutes(15);
    public static final Duration ADDRESS_LOCK = Duration.ofMinutes(5);
    public static final Duration FORGET = Duration.ofHours(1);
    /** Keys are cut to this length (a name typed at sign-in can be any length; the store's column is bounded). */
    static final int MAX_KEY = 200;
    /** Every this many failures, counts quiet for {@link #FORGET} and not locked are deleted. */
    private static final int PURGE_EVERY = 256;

    /** One key's count: failures so far, the last one, and the end of its lock (EPOCH when not locked). */
    public record Entry(int failures, Instant lastFailure, Instant lockedUntil) {
    }

    /** Where the counts are kept. Calls for one key come one at a time (the throttle serialises them). */
    public interface Store {
        Entry load(String key);

        void save(String key, Entry entry);

        void delete(String key);

        /** Deletes entries whose last failure is before {@code quietSince} and whose lock ended before {@code now}. */
        void purge(Instant quietSince, Instant now);

        /** Deletes every entry whose key starts with {@code prefix} and ends with {@code suffix} (taken literally). */
        void deleteMatching(String prefix, String suffix);
    }

    /** Counts in this process's memory only (unit tests, and anything without a database). */
    public static final class MemoryStore implements Store {
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        @Override
        public Entry load(String key) {
            return entries.get(key);
        }

        @Override
        public void save(String key, Entry entry) {
            entries.put(key, entry);
        }

        @Override
        public void delete(String key) {
            entries.remove(key);
        }

        @Override
        public void purge(Instant quietSince, Instant now) {
            entries.values().removeIf(e -> e.lastFailure().isBefore(quietSince) && e.lockedUntil().isBefore(now));
        }

        @Override
        public void deleteMatching(String prefix, String suffix) {
            entries.keySet().removeIf(k -> k.length() >= prefix.length() + suffix.length() && k.startsWith(prefix)
                    && k.endsWith(suffix));
        }
    }

    private final Clock clock;
    private final Store store;
    private final Object[] stripes = new Object[64];
    private final AtomicInteger sincePurge = new AtomicInteger();

    public LoginThrottle(Clock clock, Store store) {
        this.clock = clock;
        this.store = store;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    public LoginThrottle(Clock clock) {
        this(clock, new MemoryStore());
    }

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    static String pair(String username, String address) {
        return cut("u:" + address + "|" + name(username));
    }

    private static String name(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static String addr(String address) {
        return cut("a:" + address);
    }

    private static String cut(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }

    private Object lock(String key) {
        return stripes[Math.floorMod(key.hashCode(), stripes.length)];
    }

    /** Seconds (rounded up, at least 1) until this name may be tried again from this address; 0 if not locked. */
    public long secondsLocked(String username, String address) {
        Instant now = clock.instant();
        long wait = 0;
        for (String k : new String[] {pair(username, address), addr(address)}) {
            Entry e = store.load(k);
            if (e != null) {
                long ms = Duration.between(now, e.lockedUntil()).toMillis();
                if (ms > 0) {
                    wait = Math.max(wait, (ms + 999) / 1000);
                }
            }
        }
        return wait;
    }

    /**
     * Whether the wait {@link #secondsLocked} gives comes from the address's own lock (too many failures over any
     * names), not this name's: then every name is refused from there, and the sign-in page must not say "this name".
     */
    public boolean lockedForEveryName(String username, String address) {
        Instant now = clock.instant();
        Entry a = store.load(addr(address));
        Entry p = store.load(pair(username, address));
        return a != null && a.lockedUntil().isAfter(now) && (p == null || !p.lockedUntil().isAfter(a.lockedUntil()));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (sincePurge.incrementAndGet() >= PURGE_EVERY) {
            sincePurge.set(0);
            store.purge(now.minus(FORGET), now);
        }
        String p = pair(username, address);
        synchronized (lock(p)) {
            int failures = count(store.load(p), now) + 1;
            Instant lockedUntil = Instant.EPOCH;
            if (failures >= USER_LIMIT) {
                int doublings = Math.min(failures - USER_LIMIT, 10);
                Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
                lockedUntil = now.plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
            }
            store.save(p, new Entry(failures, now, lockedUntil));
        }
        String a = addr(address);
        synchronized (lock(a)) {
            Entry old = store.load(a);
            int failures = count(old, now) + 1;
            Instant lockedUntil = old == null ? Instant.EPOCH : old.lockedUntil();
            if (failures >= ADDRESS_LIMIT) {
                lockedUntil = now.plus(ADDRESS_LOCK);
                failures = 0;
            }
            store.save(a, new Entry(failures, now, lockedUntil));
        }
    }

    public void succeeded(String username, String address) {
        String p = pair(username, address);
        synchronized (lock(p)) {
            store.delete(p);
        }
    }

    /**
     * Forgets the failures and lock of this name from every address that starts with {@code addressPrefix} (as if
     * it had signed in from each): for when the secret behind the name was replaced, so that the guesses counted
     * were against a secret that no longer exists. Each address's own count (over all names) stays.
     */
    public void clearName(String username, String addressPrefix) {
        // pair keys are "u:ADDRESS|name"; a key cut to MAX_KEY has lost its name and is left to expire (FORGET)
        store.deleteMatching("u:" + addressPrefix, "|" + name(username));
    }

    /** The failures that still count: none once the key has been quiet for {@link #FORGET} and is not locked. */
    private static int count(Entry e, Instant now) {
        if (e == null || e.lastFailure().plus(FORGET).isBefore(now) && e.lockedUntil().isBefore(now)) {
            return 0;
        }
        return e.failures();
    }
}
