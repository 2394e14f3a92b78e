package org.hopfieldlab.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
    /**
     * The longest key (the store's column is {@code varchar(200)}; a name typed at sign-in can be any length). A key
     * that fits is the plain text; a longer one is shortened part by part ({@link #bounded}), so that it stays
     * distinct and still ends with its name's own (shortened) text, which {@link #clearName} matches.
     */
    static final int MAX_KEY = 200;
    /** In a pair key too long for {@link #MAX_KEY}: the most its address part and its name part may take. */
    static final int MAX_ADDRESS_PART = 90;
    static final int MAX_NAME_PART = MAX_KEY - "u:|".length() - MAX_ADDRESS_PART;
    /** A shortened text ends with '#' and the 43 base64url characters of its SHA-256. */
    private static final int HASH_TAIL = 44;
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

    /**
     * "u:ADDRESS|name", the name stripped and in lower case. Longer than {@link #MAX_KEY} (a long name, a long
     * address or both), the address and the name are each {@link #bounded} (to {@link #MAX_ADDRESS_PART} and
     * {@link #MAX_NAME_PART}): the key still starts with its address's first characters and ends with "|" and the
     * name's bounded form. Keys that fit are as they always were, so the rows stored before stay valid.
     */
    static String pair(String username, String address) {
        String name = name(username);
        String key = "u:" + address + "|" + name;
        if (key.length() <= MAX_KEY) {
            return key;
        }
        return "u:" + bounded(address, MAX_ADDRESS_PART) + "|" + bounded(name, MAX_NAME_PART);
    }

    private static String name(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static String addr(String address) {
        return bounded("a:" + address, MAX_KEY);
    }

    /**
     * The text itself when it has at most {@code max} characters; otherwise its start, "#" and the base64url
     * SHA-256 of the whole text, {@code max} characters at most: distinct texts stay distinct.
     */
    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int keep = max - HASH_TAIL;
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // no half of a character (a database would refuse or change it)
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return text.substring(0, keep) + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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
        int kept = MAX_ADDRESS_PART - HASH_TAIL - 1; // the least of a long address that a bounded key keeps
        if (addressPrefix.length() > kept) {
            // a longer prefix would miss the keys whose address was shortened (pair)
            throw new IllegalArgumentException("An address prefix has at most " + kept + " characters: "
                    + addressPrefix);
        }
        // pair keys are "u:ADDRESS|name" when that fits, else "u:" + bounded(ADDRESS) + "|" + bounded(name)
        String name = name(username);
        store.deleteMatching("u:" + addressPrefix, "|" + name);
        String shortName = bounded(name, MAX_NAME_PART);
        if (!shortName.equals(name)) {
            store.deleteMatching("u:" + addressPrefix, "|" + shortName);
        }
    }

    /** The failures that still count: none once the key has been quiet for {@link #FORGET} and is not locked. */
    private static int count(Entry e, Instant now) {
        if (e == null || e.lastFailure().plus(FORGET).isBefore(now) && e.lockedUntil().isBefore(now)) {
            return 0;
        }
        return e.failures();
    }
}
