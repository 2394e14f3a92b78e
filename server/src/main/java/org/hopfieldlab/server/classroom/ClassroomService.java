package org.hopfieldlab.server.classroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.ExerciseException;
import org.hopfieldlab.sim.exercise.ExerciseLimits;
import org.hopfieldlab.sim.exercise.Grader;
import org.hopfieldlab.sim.exercise.Task;
import org.hopfieldlab.sim.exercise.Verdict;
import org.hopfieldlab.server.security.LoginThrottle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Classes, exercises, assignments and submissions, with every access rule: a class is seen only by its teacher and
 * its members; a student sees only their own submissions; exercises are validated by the core before they are
 * stored; and every submission is graded here, by the core grader on the JVM, from the submitted answer alone (a
 * verdict the client may have computed is never read).
 */
@Service
public class ClassroomService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Join-code letters: no 0/O, 1/I/L, so a code read aloud or from a board is typed right. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int CODE_LENGTH = 8;
    public static final int MAX_NAME = 64;

    private final ClassroomRepository repo;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    /** Checked against when a name has no code, so that a wrong name costs the same BCrypt time as a wrong code. */
    private final String decoyHash;
    /** Listeners (open dashboards) told the class id after every stored submission. */
    private final List<Consumer<Long>> listeners = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.Executor NOTIFY = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "classroom-dashboard-push");
                t.setDaemon(true);
                return t;
            });

    public ClassroomService(ClassroomRepository repo, PasswordEncoder encoder, LoginThrottle throttle) {
        this.repo = repo;
        this.encoder = encoder;
        this.throttle = throttle;
        this.decoyHash = encoder.encode(ReturnCodes.generate());
    }

    // ---- classes -------------------------------------------------------------------------------------------

    public ClassRoom createClass(long teacherId, String name, boolean allowPseudonyms) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) {
            throw new ClassroomException("Give the class a name.");
        }
        if (n.length() > 200) {
            throw new ClassroomException("A class name has at most 200 characters.");
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return repo.findClass(repo.insertClass(teacherId, n, newCode(), allowPseudonyms)).orElseThrow();
            } catch (DuplicateKeyException e) {
                if (attempt > 5) {
                    throw e;
                }
            }
        }
    }

    static String newCode() {
        StringBuilder sb = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            sb.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    public List<ClassRoom> classesTaught(long teacherId) {
        return repo.classesTaught(teacherId);
    }

    public List<ClassRoom> classesJoined(long userId) {
        return repo.classesJoined(userId);
    }

    /** The class if the user teaches it or is a member of it. */
    public ClassRoom visibleClass(long userId, long classId) {
        ClassRoom c = repo.findClass(classId).orElseThrow(() -> ClassroomException.notFound("class"));
        if (c.teacherId() != userId && repo.findMember(classId, userId).isEmpty()) {
            throw ClassroomException.notFound("class");
        }
        return c;
    }

    public boolean teaches(long userId, ClassRoom c) {
        return c.teacherId() == userId;
    }

    /** The class if the user teaches it. */
    public ClassRoom taughtClass(long teacherId, long classId) {
        ClassRoom c = repo.findClass(classId).orElseThrow(() -> ClassroomException.notFound("class"));
        if (c.teacherId() != teacherId) {
            throw ClassroomException.notFound("class");
        }
        return c;
    }

    /** A typed join code as stored: upper case, without spaces or dashes. */
    static String normalizeCode(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** The class with this join code (for the join page: its name and whether it allows pseudonyms). */
    public ClassRoom classForCode(String code) {
        String c = normalizeCode(code);
        if (c.isEmpty()) {
            throw new ClassroomException("Type the class code your teacher gave you.");
        }
        return repo.findByJoinCode(c)
                .orElseThrow(() -> new ClassroomException("No class has the code " + c + "; check it with your "
                        + "teacher (" + CODE_LENGTH + " letters and digits)."));
    }

    /**
     * Joins a class by its code (letters are upper-cased, spaces and dashes ignored). With {@code pseudonym} blank
     * the class shows the account name; a pseudonym is accepted only where the teacher allows it.
     */
    public ClassRoom join(long userId, String code, String pseudonym) {
        ClassRoom room = classForCode(code);
        if (room.teacherId() == userId) {
            throw new ClassroomException("You teach this class; students join it with this code.");
        }
        if (repo.findMember(room.id(), userId).isPresent()) {
            return room;
        }
        String name;
        String p = pseudonym == null ? "" : pseudonym.trim();
        if (!p.isEmpty()) {
            if (!room.allowPseudonyms()) {
                throw ClassroomException.aboutName("This class does not allow pseudonyms; leave the name empty to join "
                        + "under your account name.");
            }
            name = checkPseudonym(p);
        } else {
            name = repo.username(userId)
                    .orElseThrow(() -> new ClassroomException("Sign in first."));
        }
        addMember(room, userId, name, "Someone in this class already uses the name '" + name + "'; choose another.",
                true);
        changed(room.id());
        return room;
    }

    private static String checkPseudonym(String name) {
        String p = name == null ? "" : name.trim();
        if (p.isEmpty()) {
            throw ClassroomException.aboutName("Choose the name the class will know you by.");
        }
        if (p.length() > MAX_NAME || !p.matches("[\\p{L}\\p{N} ._-]+")) {
            throw ClassroomException.aboutName("A pseudonym has at most " + MAX_NAME + " letters, digits, spaces, "
                    + "dots, dashes or underscores.");
        }
        return p;
    }

    /** How often a join tries its insert while another join holds a row it must wait for (H2 only). */
    static final int JOIN_LOCK_TRIES = 3;
    /** A join that waited for other joins of the same moment longer than that: not a taken name, just try again. */
    public static final String JOIN_BUSY = "Many students are joining this class right now; wait a moment and "
            + "try again.";

    /**
     * Adds the member, or refuses with {@code taken} when the class has the name in any letter case. The check
     * first gives the message without a failed insert; the database's unique (class_id, name_key) index (V11) is
     * what decides when two joins with 'Ana' and 'ANA' race past the check together: the second insert fails and
     * gets the same message.
     *
     * <p>An account's second join at the same moment (two tabs) also fails its insert, on the (class_id, user_id)
     * key: with {@code mayAlreadyBeMember} that join looks again and, finding the account in the class, simply lands
     * in it. (Only for a join outside a transaction: on PostgreSQL a failed statement ends the transaction.)
     *
     * <p>On H2 an insert gives up waiting for another join's uncommitted row after H2's lock timeout, about 2 s
     * (HYT00, which Spring calls a query timeout; PostgreSQL waits until the other commits or rolls back). That other
     * join may use another name (the same account in another tab) or roll back, so the wait says nothing about the
     * name: the join looks again and retries, and only after {@link #JOIN_LOCK_TRIES} waits answers
     * {@link #JOIN_BUSY}. (An H2 lock timeout fails the statement, not the transaction.)
     */
    private void addMember(ClassRoom room, long userId, String name, String taken, boolean mayAlreadyBeMember) {
        for (int attempt = 1; ; attempt++) {
            if (repo.nameTaken(room.id(), name)) {
                // taken, possibly by this very account's other join a moment ago
                if (mayAlreadyBeMember && repo.findMember(room.id(), userId).isPresent()) {
                    return;
                }
                throw ClassroomException.aboutName(taken);
            }
            try {
                repo.insertMember(room.id(), userId, name);
                return;
            } catch (DuplicateKeyException e) {
                if (mayAlreadyBeMember && memberShortly(room.id(), userId)) {
                    return;
                }
                throw ClassroomException.aboutName(taken);
            } catch (QueryTimeoutException | PessimisticLockingFailureException e) {
                if (attempt >= JOIN_LOCK_TRIES) {
                    throw new ClassroomException(JOIN_BUSY);
                }
            }
        }
    }

    /**
     * Whether the account is a member, looking again a few times over ≈ 100 ms: the row an insert clashed with may be
     * this account's other join, whose commit is not yet visible to a new statement (seen once under heavy load: a
     * student's second tab was told its own name was taken). Only after a clash, so a plain join never waits.
     */
    private boolean memberShortly(long classId, long userId) {
        for (int look = 0; look < 5; look++) {
            if (repo.findMember(classId, userId).isPresent()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return repo.findMember(classId, userId).isPresent();
    }

    // ---- pseudonymous students (guests) ------------------------------------------------------------------------

    /**
     * A student who joined without an account: their member id, the name the class shows and the secret token
     * that is their only credential (returned once, here; the database keeps its SHA-256 hash).
     */
    public record GuestJoin(ClassRoom room, long userId, String displayName, String token, String returnCode) {
    }

    /** Guest user names start so; the sign-up form allows none of these characters, and sign-in refuses them. */
    public static final String GUEST_PREFIX = "~guest~";
    /** Guests per class: a leaked join code cannot fill the database with members. */
    public static final int MAX_GUESTS = 500;
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    public static boolean isGuestName(String username) {
        return username != null && username.startsWith(GUEST_PREFIX);
    }

    /**
     * Joins a class without an account, under a name unique in the class (any letter case), if the teacher allows
     * pseudonyms. The guest gets a new 256-bit random token (the browser's credential) and a return code (with the
     * name, the way back from another browser: {@link #returnAsGuest}).
     */
    @Transactional
    public GuestJoin joinAsGuest(String code, String displayName) {
        ClassRoom room = classForCode(code);
        if (!room.allowPseudonyms()) {
            throw new ClassroomException("This class asks students to sign in with an account; sign in (or create "
                    + "an account), then join with the code.");
        }
        String name = checkPseudonym(displayName);
        if (repo.guestCount(room.id()) >= MAX_GUESTS) {
            throw new ClassroomException("This class has " + MAX_GUESTS + " students without an account, the most "
                    + "it may have; ask your teacher.");
        }
        if (repo.nameTaken(room.id(), name)) {
            // a student whose browser forgot them types their name here first: point them to the way back
            throw ClassroomException.aboutName(guestNameTaken(name));
        }
        String token = newToken();
        String returnCode = ReturnCodes.generate();
        // the slow BCrypt hash before any insert: the member row, once inserted, is held uncommitted for as short a
        // time as possible, since a join racing this one to the same name waits for it at its own insert
        String returnCodeHash = encoder.encode(returnCode);
        long userId = repo.insertGuestUser(GUEST_PREFIX + newCode() + newCode());
        // a join that raced this one to the same name (any case) and won makes this insert fail: the same message,
        // and the transaction's rollback takes the guest's app_user row with it
        addMember(room, userId, name, guestNameTaken(name), false);
        repo.insertGuest(userId, room.id(), hash(token), returnCodeHash, ReturnCodes.seal(returnCode, token, userId));
        changed(room.id());
        return new GuestJoin(room, userId, name, token, ReturnCodes.display(returnCode));
    }

    /** A taken name at the guests' join form; it names the way back, since the student may be the one using it. */
    public static String guestNameTaken(String name) {
        return "Someone in this class already uses the name '" + name + "'. If that is you, choose \u201cI have "
                + "joined before\u201d and type your return code; if not, choose another name.";
    }

    private static String newToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The one answer to a wrong name, a wrong code, or both: it must not tell which names exist. */
    public static final String WRONG_RETURN = "That name and return code do not match in this class. Check both, "
            + "or ask your teacher for a new return code.";

    /**
     * A guest back from another browser (or after their cookies were cleared): the name they joined with (any
     * letter case) and their return code (any case, spaces and dashes ignored). Gives a fresh cookie token and
     * revokes the old one; the return code stays the same. A wrong name or code gets {@link #WRONG_RETURN} and
     * counts as a failed sign-in of that name from that address in the sign-in throttle's table (keys of their own,
     * so that students' typos at a school's one address do not lock the teacher's sign-in); a locked pair is
     * refused before any code is checked.
     *
     * @param address the client's address, as the sign-in throttle counts it
     */
    public GuestJoin returnAsGuest(String classCode, String displayName, String returnCode, String address) {
        ClassRoom room = classForCode(classCode);
        if (!room.allowPseudonyms()) {
            throw new ClassroomException("This class asks students to sign in with an account; sign in (or create "
                    + "an account), then join with the code.");
        }
        String name = displayName == null ? "" : displayName.trim();
        if (name.isEmpty()) {
            throw new ClassroomException("Type the name you joined the class with.");
        }
        String code = ReturnCodes.normalize(returnCode);
        if (!ReturnCodes.wellFormed(code)) {
            // the shape of a code is no secret; saying it does not tell whether the name exists
            throw new ClassroomException("A return code has " + ReturnCodes.LENGTH + " letters and digits, like "
                    + "ABCDE-FGHJK (there is no 0, 1, I, L or O in it).");
        }
        String who = throttleName(room.id(), name);
        String from = THROTTLE_ADDRESS + address;
        long wait = throttle.secondsLocked(who, from);
        if (wait > 0) {
            throw new ClassroomException("Too many wrong tries; wait " + format(Duration.ofSeconds(wait)) + ", then "
                    + "try again.");
        }
        Optional<ClassroomRepository.GuestRow> guest = repo.findGuestByName(room.id(), name);
        String stored = guest.map(ClassroomRepository.GuestRow::returnCodeHash).orElse(null);
        boolean matches = encoder.matches(code, stored != null ? stored : decoyHash) && stored != null;
        if (!matches) {
            // a guest whom V11 renamed ("νικος" to "νικος#105") may type the name they chose: the code decides
            String key = ClassroomRepository.nameKey(name);
            for (Member m : repo.renamedGuests(room.id())) {
                if (ClassroomRepository.nameKey(m.renamedFrom()).equals(key)) {
                    Optional<ClassroomRepository.GuestRow> renamed = repo.findGuestRow(room.id(), m.userId());
                    String hash = renamed.map(ClassroomRepository.GuestRow::returnCodeHash).orElse(null);
                    if (hash != null && encoder.matches(code, hash)) {
                        guest = renamed;
                        stored = hash;
                        matches = true;
                        break;
                    }
                }
            }
        }
        if (!matches) {
            throttle.failed(who, from);
            throw new ClassroomException(WRONG_RETURN);
        }
        throttle.succeeded(who, from);
        ClassroomRepository.GuestRow g = guest.get();
        String token = newToken();
        repo.updateGuestCredentials(room.id(), g.userId(), hash(token), stored,
                ReturnCodes.seal(code, token, g.userId()));
        return new GuestJoin(room, g.userId(), g.displayName(), token, ReturnCodes.display(code));
    }

    /** The guests' keys in the sign-in throttle's table: "guest|ADDRESS" and "~guest~CLASS/name". */
    private static final String THROTTLE_ADDRESS = "guest|";

    private static String throttleName(long classId, String displayName) {
        return GUEST_PREFIX + classId + "/" + displayName;
    }

    /** The guest's own return code, for the page of the browser whose cookie holds this token; empty otherwise. */
    public Optional<String> ownReturnCode(long classId, String token) {
        return guest(classId, token).flatMap(id -> repo.findGuestRow(classId, id))
                .flatMap(g -> ReturnCodes.unseal(g.returnCodeSealed(), token, g.userId()))
                .map(ReturnCodes::display);
    }

    /** A guest as the teacher's dashboard lists them: whether they have a return code and a browser signed in. */
    public record GuestStatus(long userId, String displayName, boolean hasReturnCode, boolean hasBrowser) {
    }

    public List<GuestStatus> guests(long teacherId, long classId) {
        taughtClass(teacherId, classId);
        return repo.guests(classId).stream().map(g -> new GuestStatus(g.userId(), g.displayName(),
                g.returnCodeHash() != null, g.hasToken())).toList();
    }

    /**
     * The teacher gives a guest of their class a new return code (returned once, here, to be handed to the
     * student). The old code stops working, and so does the guest's cookie in every browser: the student comes
     * back with their name and the new code.
     */
    @Transactional
    public String reissueReturnCode(long teacherId, long classId, long guestUserId) {
        taughtClass(teacherId, classId);
        ClassroomRepository.GuestRow g = repo.findGuestRow(classId, guestUserId)
                .orElseThrow(() -> ClassroomException.notFound("student"));
        String code = ReturnCodes.generate();
        repo.updateGuestCredentials(classId, guestUserId, null, encoder.encode(code), null);
        // The wrong tries that locked this name were guesses at the old code, which no longer exists: the lock is
        // lifted from every address, so a student who locked themselves out gets in with the new code at once. That
        // gives a guesser nothing (at most 5 more tries per address, against a fresh 49.5-bit code, and only when a
        // teacher acts). The address's own lock ("guest|ADDRESS", 30 wrong tries over any names) stays: it is what
        // stops guessing across a class's names, it is lifted for nobody in particular (the address may be a whole
        // school's, the guesser's included), and it lasts at most 5 minutes, which the message says.
        throttle.clearName(throttleName(classId, g.displayName()), THROTTLE_ADDRESS);
        return ReturnCodes.display(code);
    }

    /**
     * Signs this browser out of the class (a shared classroom computer): the token is revoked, so the cookie opens
     * nothing any more, here or copied elsewhere. The return code stays (its sealed copy, readable only with the
     * revoked token, is dropped): with their name and the code the student gets back in. Nothing happens for a
     * token that opens nothing (already signed out, or revoked by the teacher meanwhile).
     *
     * @return whether a browser was signed out
     */
    public boolean signOutGuest(long classId, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return false;
        }
        return repo.revokeGuestToken(classId, hash(token));
    }

    /** The guest of this class that the token belongs to; empty for a missing, malformed or foreign token. */
    public Optional<Long> guest(long classId, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return repo.findGuest(classId, hash(token));
    }

    /** The name the class shows for one of its members. */
    /**
     * For a member whom V11 renamed (their name clashed in some letter case with an earlier member's): the notice
     * that tells them their new name, given once (the first call marks it told; later calls, and every other
     * member, get empty).
     */
    public Optional<String> takeRenameNotice(long classId, long userId) {
        Optional<Member> m = repo.findMember(classId, userId);
        if (m.isEmpty() || m.get().renamedFrom() == null || !repo.markRenameTold(classId, userId)) {
            return Optional.empty();
        }
        boolean guest = repo.findGuestRow(classId, userId).isPresent();
        return Optional.of(renameNotice(m.get().renamedFrom(), m.get().displayName(), guest));
    }

    /** What a renamed member is told once (see {@link #takeRenameNotice}). */
    public static String renameNotice(String oldName, String newName, boolean guest) {
        return "This class now knows you as \u201c" + newName + "\u201d instead of \u201c" + oldName + "\u201d: "
                + "another student had joined with the same name in other capital or small letters, and names in a "
                + "class must differ. Your work is unchanged and your teacher sees the new name."
                + (guest ? " When you come back with your return code, use \u201c" + newName + "\u201d." : "");
    }

    public String displayName(long classId, long userId) {
        return repo.findMember(classId, userId).map(Member::displayName)
                .orElseThrow(() -> ClassroomException.notFound("class"));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Member> members(long teacherId, long classId) {
        taughtClass(teacherId, classId);
        return repo.members(classId);
    }

    // ---- exercises and assignments -----------------------------------------------------------------------------

    /**
     * Validates an exercise document with the core and stores it in the class (replacing one with the same id).
     *
     * @throws ClassroomException with the core's message naming where the document is wrong
     */
    public ClassExercise saveExercise(long teacherId, long classId, String json) {
        taughtClass(teacherId, classId);
        Exercise e = parse(json);
        long id = repo.upsertExercise(classId, e.id(), e.title(), e.toJson());
        return repo.findExercise(classId, id).orElseThrow();
    }

    /** Reads an exercise document; a bad one becomes a {@link ClassroomException} with the core's explanation. */
    public static Exercise parse(String json) {
        if (json == null || json.isBlank()) {
            throw new ClassroomException("The exercise is empty; paste an exercise's JSON document.");
        }
        if (json.length() > ExerciseLimits.MAX_DOCUMENT) {
            throw new ClassroomException("The exercise has " + json.length() + " characters; at most "
                    + ExerciseLimits.MAX_DOCUMENT + " are allowed.");
        }
        try {
            return Exercise.parse(json);
        } catch (ExerciseException e) {
            throw new ClassroomException("The exercise is not valid: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ClassroomException("The exercise could not be read: " + e.getMessage());
        }
    }

    /** Imports one exercise of the built-in course. */
    public ClassExercise importBuiltIn(long teacherId, long classId, String courseId) {
        if (!Course.has(courseId)) {
            throw new ClassroomException("No built-in exercise '" + courseId + "'; built-in: "
                    + String.join(", ", Course.ids()));
        }
        return saveExercise(teacherId, classId, Course.json(courseId));
    }

    /** Imports the whole built-in course, in course order. */
    public List<ClassExercise> importCourse(long teacherId, long classId) {
        List<ClassExercise> out = new ArrayList<>();
        for (String id : Course.ids()) {
            out.add(importBuiltIn(teacherId, classId, id));
        }
        return out;
    }

    public List<ClassExercise> exercises(long teacherId, long classId) {
        taughtClass(teacherId, classId);
        return repo.exercises(classId);
    }

    /**
     * Assigns an exercise to its class. A class has one assignment per exercise (the database's unique index,
     * V11): assigning an assigned exercise again with the same due date (a double click, a second tab) changes
     * nothing and returns the existing assignment; with another due date it is refused with a message saying when
     * the existing one is due, rather than silently keeping a date the teacher did not ask for (its due date is
     * changed with {@link #changeDue}).
     *
     * <p>Assigning a {@link #withdraw withdrawn} exercise again brings back the same assignment, with the due date
     * given now and every submission the students had made to it.
     */
    public Assignment assign(long teacherId, long classId, long exerciseRowId, Instant dueAt) {
        taughtClass(teacherId, classId);
        ClassExercise exercise = repo.findExercise(classId, exerciseRowId)
                .orElseThrow(() -> ClassroomException.notFound("exercise"));
        Optional<Assignment> existing = repo.findAssignmentOf(classId, exerciseRowId);
        if (existing.isPresent() && !existing.get().withdrawn()) {
            return alreadyAssigned(existing.get(), exercise, dueAt);
        }
        if (dueAt != null && dueAt.isBefore(Instant.now())) {
            throw new ClassroomException("The due date is in the past.");
        }
        if (existing.isPresent()) {
            repo.reinstate(existing.get().id(), dueAt);
            changed(classId);
            Assignment back = repo.findAssignment(existing.get().id()).orElseThrow();
            // a second tab that reinstated it a moment before with another date: say so, as for an assigned one
            return alreadyAssigned(back, exercise, dueAt);
        }
        try {
            return repo.findAssignment(repo.insertAssignment(classId, exerciseRowId, dueAt)).orElseThrow();
        } catch (DuplicateKeyException e) {
            // another request assigned it between the look-up and the insert: answer as if it had come first
            return alreadyAssigned(repo.findAssignmentOf(classId, exerciseRowId).orElseThrow(() -> e), exercise,
                    dueAt);
        }
    }

    private static Assignment alreadyAssigned(Assignment existing, ClassExercise exercise, Instant dueAt) {
        if (sameDue(existing.dueAt(), dueAt)) {
            return existing;
        }
        throw new ClassroomException("“" + exercise.title() + "” is already assigned to this class, "
                + (existing.dueAt() == null ? "without a due date" : "due " + formatDue(existing.dueAt()))
                + "; an exercise is "
                + "assigned once, so nothing was changed.");
    }

    /** Equal due dates, up to the database's microseconds (it may round a date it stored). */
    private static boolean sameDue(Instant stored, Instant asked) {
        if (stored == null || asked == null) {
            return stored == asked;
        }
        return Duration.between(stored, asked).abs().compareTo(Duration.ofMillis(1)) < 0;
    }

    /**
     * The class's assignments as its teacher and students see them: withdrawn ones left out (the teacher sees those
     * exercises with an Assign button again).
     */
    public List<Assignment> assignments(long userId, long classId) {
        visibleClass(userId, classId);
        return repo.assignments(classId).stream().filter(a -> !a.withdrawn()).toList();
    }

    /**
     * An assignment the user may see: its teacher sees a withdrawn one too; a student is told it was withdrawn (a
     * page opened before the teacher withdrew it).
     */
    public Assignment assignment(long userId, long assignmentId) {
        Assignment a = repo.findAssignment(assignmentId).orElseThrow(() -> ClassroomException.notFound("assignment"));
        ClassRoom c;
        try {
            c = visibleClass(userId, a.classId());
        } catch (ClassroomException e) {
            throw ClassroomException.notFound("assignment");
        }
        if (a.withdrawn() && c.teacherId() != userId) {
            throw new ClassroomException(WITHDRAWN);
        }
        return a;
    }

    /** What a student is told about a withdrawn assignment (on a page opened before it was withdrawn). */
    public static final String WITHDRAWN = "Your teacher has withdrawn this assignment, so it takes no answers now. "
            + "What you submitted is kept, and comes back if it is assigned again.";

    /** An assignment of a class the user teaches (withdrawn ones included). */
    private Assignment taughtAssignment(long teacherId, long assignmentId) {
        Assignment a = repo.findAssignment(assignmentId).orElseThrow(() -> ClassroomException.notFound("assignment"));
        try {
            taughtClass(teacherId, a.classId());
        } catch (ClassroomException e) {
            throw ClassroomException.notFound("assignment");
        }
        return a;
    }

    /**
     * The teacher changes an assignment's due date, or clears it with null. A later date (or none) opens submissions
     * again for an assignment whose date had passed. A date already past is allowed too (unlike when assigning): it
     * closes submissions now, and tries made after it show as late on the dashboard and in the grades file (the
     * teacher who forgot to set a date sets the one they meant). Only the class's teacher may; a withdrawn
     * assignment is assigned again instead.
     */
    public Assignment changeDue(long teacherId, long assignmentId, Instant dueAt) {
        Assignment a = taughtAssignment(teacherId, assignmentId);
        if (a.withdrawn()) {
            throw new ClassroomException("\u201c" + a.title() + "\u201d is withdrawn; assign it again (with a due date "
                    + "or none) instead.");
        }
        repo.updateDue(a.id(), dueAt);
        changed(a.classId());
        return repo.findAssignment(a.id()).orElseThrow();
    }

    /**
     * The teacher withdraws an assignment. Nothing is deleted: the assignment and every submission stay in the
     * database. Students no longer see the exercise in their list and cannot submit to it (a page opened before is
     * told {@link #WITHDRAWN}); the submissions they made stay in their own list of submissions. The exercise leaves
     * the dashboard and the grades file. Assigning the exercise again brings the assignment back with all its
     * submissions. Withdrawing a withdrawn assignment changes nothing.
     */
    public Assignment withdraw(long teacherId, long assignmentId) {
        Assignment a = taughtAssignment(teacherId, assignmentId);
        if (repo.withdraw(a.id(), Instant.now())) {
            changed(a.classId());
        }
        return repo.findAssignment(a.id()).orElseThrow();
    }

    /** A withdrawn assignment and the students' work it keeps: how many tries, from how many students. */
    public record WithdrawnWork(Assignment assignment, int tries, int students) {
    }

    /**
     * The class's withdrawn assignments that have students' tries (off the dashboard and the grades file, but kept
     * in the database), for the teacher's dashboard to say so.
     */
    public List<WithdrawnWork> withdrawnWithWork(long teacherId, long classId) {
        taughtClass(teacherId, classId);
        List<WithdrawnWork> out = new ArrayList<>();
        for (Assignment a : repo.assignments(classId)) {
            if (a.withdrawn()) {
                int[] n = repo.submissionCounts(a.id());
                if (n[0] > 0) {
                    out.add(new WithdrawnWork(a, n[0], n[1]));
                }
            }
        }
        return out;
    }

    /** What the teacher is asked before withdrawing: what happens to the students' work already submitted. */
    public String withdrawQuestion(long teacherId, long assignmentId) {
        Assignment a = taughtAssignment(teacherId, assignmentId);
        int[] n = repo.submissionCounts(a.id());
        String work = n[0] == 0 ? "No student has submitted anything to it yet."
                : n[1] + (n[1] == 1 ? " student has" : " students have") + " submitted " + n[0]
                        + (n[0] == 1 ? " try" : " tries") + " to it. Nothing is deleted: their work is kept, and "
                        + "they still see it in their own list of submissions.";
        return "Withdraw \u201c" + a.title() + "\u201d? Students will no longer see it in their assignments or be "
                + "able to submit to it, and it leaves the dashboard and the grades file. " + work + " Assigning the "
                + "exercise again brings it back" + (n[0] == 0 ? "." : " with all of that work.");
    }

    /** The exercise of an assignment the user may see. */
    public Exercise exercise(long userId, long assignmentId) {
        Assignment a = assignment(userId, assignmentId);
        return Exercise.parse(repo.findExercise(a.classId(), a.exerciseId()).orElseThrow().document());
    }

    // ---- submissions -------------------------------------------------------------------------------------------

    /**
     * Grades an answer with the core grader on this JVM and stores the try. Only members of the assignment's class
     * may submit, before the due date. A refused answer (a locked key changed, not a number, too much work, a spec
     * of another exercise…) is not stored: the {@link ClassroomException} carries the grader's explanation.
     */
    public Submission submit(long studentId, long assignmentId, String taskId, String answer) {
        Assignment a = repo.findAssignment(assignmentId)
                .orElseThrow(() -> ClassroomException.notFound("assignment"));
        if (repo.findMember(a.classId(), studentId).isEmpty()) {
            throw ClassroomException.notFound("assignment");
        }
        if (a.withdrawn()) {
            throw new ClassroomException(WITHDRAWN);
        }
        if (a.dueAt() != null && Instant.now().isAfter(a.dueAt())) {
            throw new ClassroomException("This assignment was due " + formatDue(a.dueAt())
                    + "; submissions are closed.");
        }
        String ans = answer == null ? "" : answer.trim();
        if (ans.isEmpty()) {
            throw new ClassroomException("The answer is empty.");
        }
        if (ans.length() > ExerciseLimits.MAX_ANSWER) {
            throw new ClassroomException("The answer has " + ans.length() + " characters; at most "
                    + ExerciseLimits.MAX_ANSWER + " are allowed.");
        }
        Exercise e = Exercise.parse(repo.findExercise(a.classId(), a.exerciseId()).orElseThrow().document());
        Task task;
        try {
            task = e.task(taskId == null ? "" : taskId);
        } catch (ExerciseException x) {
            throw new ClassroomException(x.getMessage());
        }
        Verdict v = Grader.grade(e, task.id(), ans);
        switch (v.status()) {
            case REFUSED -> throw new ClassroomException(v.summary());
            case ERROR -> throw new ClassroomException("The exercise could not grade this answer: " + v.summary());
            default -> {
            }
        }
        long id = repo.insertSubmission(assignmentId, studentId, task.id(), ans, v.status().key, clip(v.summary()),
                v.toJson());
        changed(a.classId());
        return repo.submissionsOf(a.classId(), studentId).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow();
    }

    private static String clip(String s) {
        return s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
    }

    /** The caller's own submissions to a class they belong to. */
    public List<Submission> mySubmissions(long studentId, long classId) {
        visibleClass(studentId, classId);
        return repo.submissionsOf(classId, studentId);
    }

    /**
     * Tells the listeners that a class's dashboard changed (a stored submission, a new member), once the change is
     * committed: a dashboard that looked inside the joining guest's transaction would not see the new row yet.
     */
    private void changed(long classId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tell(classId);
                }
            });
        } else {
            tell(classId);
        }
    }

    private void tell(long classId) {
        // told from a thread of its own: a dashboard's UI.access must not run in the submitting student's request
        // (it would lock the teacher's Vaadin session inside the student's, and leave the wrong session current)
        for (Consumer<Long> l : listeners) {
            NOTIFY.execute(() -> {
                try {
                    l.accept(classId);
                } catch (RuntimeException ignored) {
                    // a closed dashboard must not fail anything
                }
            });
        }
    }

    /**
     * Registers a listener told the class id after each stored submission and each new member (a teacher waiting
     * on an empty dashboard sees the first student arrive); returns a handle to remove it.
     */
    public Runnable onSubmission(Consumer<Long> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- dashboard ---------------------------------------------------------------------------------------------

    /** Per student and task: status, tries and time; and per task the most common wrong answers (top 3). */
    public Dashboard dashboard(long teacherId, long classId) {
        taughtClass(teacherId, classId);
        List<Dashboard.Column> columns = new ArrayList<>();
        for (Assignment a : repo.assignments(classId)) {
            if (a.withdrawn()) {
                continue; // its submissions stay in the database, off the dashboard until it is assigned again
            }
            Exercise e = Exercise.parse(repo.findExercise(classId, a.exerciseId()).orElseThrow().document());
            for (Task t : e.tasks()) {
                columns.add(new Dashboard.Column(a.id(), a.exerciseKey(), t.id(), a.dueAt()));
            }
        }
        Map<String, List<Submission>> byCell = new HashMap<>();
        Map<Dashboard.Column, Map<String, Integer>> wrong = new LinkedHashMap<>();
        for (Submission s : repo.submissionsOfClass(classId)) {
            byCell.computeIfAbsent(s.assignmentId() + "/" + s.taskId() + "/" + s.studentId(), k -> new ArrayList<>())
                    .add(s);
        }
        List<Dashboard.Row> rows = new ArrayList<>();
        for (Member m : repo.members(classId)) {
            List<Dashboard.Cell> cells = new ArrayList<>();
            for (Dashboard.Column c : columns) {
                List<Submission> tries = byCell.getOrDefault(c.assignmentId() + "/" + c.taskId() + "/" + m.userId(),
                        List.of());
                if (tries.isEmpty()) {
                    cells.add(new Dashboard.Cell("", 0, null, null, null, 0));
                    continue;
                }
                Instant solved = tries.stream().filter(Submission::right).map(Submission::submittedAt).findFirst()
                        .orElse(null);
                int late = (int) tries.stream().filter(s -> c.late(s.submittedAt())).count();
                cells.add(new Dashboard.Cell(solved != null ? "right" : "wrong", tries.size(),
                        tries.get(0).submittedAt(), tries.get(tries.size() - 1).submittedAt(), solved, late));
                for (Submission s : tries) {
                    if (!s.right()) {
                        wrong.computeIfAbsent(c, k -> new HashMap<>()).merge(shortAnswer(s.answer()), 1, Integer::sum);
                    }
                }
            }
            rows.add(new Dashboard.Row(m.userId(), m.displayName(), m.renamedFrom(), cells));
        }
        List<Dashboard.WrongAnswer> common = new ArrayList<>();
        for (Map.Entry<Dashboard.Column, Map<String, Integer>> e : wrong.entrySet()) {
            e.getValue().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(3)
                    .forEach(w -> common.add(new Dashboard.WrongAnswer(e.getKey(), w.getKey(), w.getValue())));
        }
        return new Dashboard(columns, rows, common);
    }

    /** An answer as lists show it: a long spec shortened (the stored answer stays whole). */
    public static String shortAnswerForView(String answer) {
        return shortAnswer(answer);
    }

    /** A long spec answer shortened for the dashboard (the stored answer stays whole). */
    static String shortAnswer(String answer) {
        return answer.length() <= 120 ? answer : answer.substring(0, 119) + "…";
    }

    /**
     * Grades as CSV (RFC 4180): one row per student, per task column "right"/"wrong"/"" and the tries, then the
     * number of tasks solved and of tasks; last "joined as": the name a student had chosen where V11 renamed them
     * (it clashed in some letter case with an earlier member's), empty for everyone else; then per assignment
     * "EXERCISE due", its due date in UTC as ISO 8601 ("2026-12-05T10:00Z", the same in every row; empty without
     * one); then per task column "late tries", how many of the student's tries came after the due date (0 when none
     * or no due date). Columns are only ever appended, so a teacher's spreadsheet that reads an older export keeps
     * reading. Cells starting with = + - @, a tab or a carriage return are prefixed with ' so spreadsheets do not
     * run them (OWASP's CSV injection list).
     */
    public String gradesCsv(long teacherId, long classId) {
        Dashboard d = dashboard(teacherId, classId);
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>();
        head.add("student");
        for (Dashboard.Column c : d.columns()) {
            head.add(c.label() + " status");
            head.add(c.label() + " tries");
        }
        head.add("solved");
        head.add("tasks");
        head.add("joined as");
        List<Dashboard.Column> perAssignment = new ArrayList<>();
        for (Dashboard.Column c : d.columns()) {
            if (perAssignment.stream().noneMatch(p -> p.assignmentId() == c.assignmentId())) {
                perAssignment.add(c);
            }
        }
        for (Dashboard.Column c : perAssignment) {
            head.add(c.exerciseId() + " due");
        }
        for (Dashboard.Column c : d.columns()) {
            head.add(c.label() + " late tries");
        }
        line(sb, head);
        for (Dashboard.Row r : d.rows()) {
            List<String> f = new ArrayList<>();
            f.add(r.student());
            for (Dashboard.Cell c : r.cells()) {
                f.add(c.status());
                f.add(Integer.toString(c.tries()));
            }
            f.add(Integer.toString(r.solved()));
            f.add(Integer.toString(d.columns().size()));
            f.add(r.renamedFrom()); // null (not renamed): an empty cell
            for (Dashboard.Column c : perAssignment) {
                f.add(c.dueAt() == null ? "" : CSV_DUE.format(c.dueAt()));
            }
            for (Dashboard.Cell c : r.cells()) {
                f.add(Integer.toString(c.lateTries()));
            }
            line(sb, f);
        }
        return sb.toString();
    }

    /**
     * The grades file as downloaded: {@link #gradesCsv} in UTF-8 after a byte order mark (EF BB BF), without which
     * Excel reads the file in the computer's legacy code page and garbles every name outside ASCII ("ΝΙΚΟΣ",
     * "İpek"); spreadsheets that know UTF-8 anyway skip the mark.
     */
    public byte[] gradesCsvFile(long teacherId, long classId) {
        return withBom(gradesCsv(teacherId, classId));
    }

    /** Text as UTF-8 bytes after a byte order mark. */
    public static byte[] withBom(String text) {
        return ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The grades file's name, after the class ("grades-neural-networks-101.csv"), so that a teacher's exports of
     * several classes do not all land as grades.csv, grades (1).csv…; ASCII letters and digits only (a header-safe
     * name on every browser), "grades.csv" when the name has none.
     */
    public static String gradesFileName(String className) {
        String slug = java.text.Normalizer.normalize(Objects.requireNonNullElse(className, ""),
                        java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "") // é: e and an accent, then e
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "grades.csv" : "grades-" + slug + ".csv";
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csv(fields.get(i)));
        }
        sb.append("\r\n");
    }

    private static final java.time.format.DateTimeFormatter CSV_DUE = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm'Z'", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** One CSV cell: quoted where RFC 4180 needs it, and defused (a leading ') where a spreadsheet would run it. */
    public static String csv(String v) {
        String s = Objects.requireNonNullElse(v, "");
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /**
     * A due date as people read it, in UTC (the zone the teacher's due-date field uses): "5 Dec 2026, 10:00 UTC"
     * (messages showed the bare instant, "2026-12-05T10:00:00.123456Z").
     */
    public static String formatDue(Instant at) {
        return DUE.format(at);
    }

    private static final java.time.format.DateTimeFormatter DUE = java.time.format.DateTimeFormatter
            .ofPattern("d MMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    /**
     * A due date in UTC and in the reader's own time zone (their browser's), the date repeated only where it
     * differs: "5 Dec 2026, 10:00 UTC (11:00 your time)", "5 Dec 2026, 22:00 UTC (6 Dec, 09:00 your time)". Just
     * UTC where the zone is unknown (null) or shows the same clock time as UTC at that instant.
     */
    public static String formatDue(Instant at, java.time.ZoneId zone) {
        String utc = formatDue(at);
        if (zone == null) {
            return utc;
        }
        java.time.ZonedDateTime local = at.atZone(zone);
        java.time.ZonedDateTime u = at.atZone(java.time.ZoneOffset.UTC);
        if (local.toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .equals(u.toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            return utc;
        }
        String pattern = local.toLocalDate().equals(u.toLocalDate()) ? "HH:mm"
                : local.getYear() == u.getYear() ? "d MMM, HH:mm" : "d MMM yyyy, HH:mm";
        return utc + " (" + java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.ENGLISH)
                .format(local) + " your time)";
    }

    /** Formats a duration as "4 min 05 s" for the dashboard. */
    public static String format(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.getSeconds();
        return s < 60 ? s + " s" : (s / 60) + " min " + String.format("%02d", s % 60) + " s";
    }
}
