package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.classroom.Assignment;
import org.hopfieldlab.server.classroom.ClassRoom;
import org.hopfieldlab.server.classroom.ClassroomException;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.hopfieldlab.server.classroom.ClassroomService.GuestJoin;
import org.hopfieldlab.server.classroom.ReturnCodes;
import org.hopfieldlab.server.security.LoginThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A guest's way back to their work through the service on the real (H2) database: the return code given at
 * joining, a return with name and code (fresh token, old one revoked), one plain answer for a wrong name or code,
 * the sign-in throttle's lock, and the teacher's reissue. {@link GuestReturnPostgresTest} runs all of it again on
 * PostgreSQL.
 */
@ServerTest
class GuestReturnServiceTest {
    static final String CODE = "[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}";

    @Autowired
    AccountService accounts;
    @Autowired
    ClassroomService classes;
    @Autowired
    JdbcClient jdbc;

    long teacher;
    ClassRoom room;
    Assignment basics;
    /** A client address of this test alone: the throttle's counts live in the database all tests share. */
    String address;

    @BeforeEach
    void setUp() {
        String suffix = Long.toString(System.nanoTime(), 36);
        teacher = accounts.signUp("teacher-" + suffix, "long password");
        room = classes.createClass(teacher, "Guests " + suffix, true);
        basics = classes.assign(teacher, room.id(), classes.importBuiltIn(teacher, room.id(), "hopfield-basics").id(),
                null);
        address = "10.9." + suffix;
    }

    @Test
    void joiningGivesAReturnCodeThatOnlyTheCookieCanShowAgain() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Ada");
        assertTrue(g.returnCode().matches(CODE), g.returnCode());
        assertEquals(Optional.of(g.returnCode()), classes.ownReturnCode(room.id(), g.token()));
        GuestJoin other = classes.joinAsGuest(room.joinCode(), "Bea");
        assertNotEquals(g.returnCode(), other.returnCode());
        assertEquals(Optional.of(other.returnCode()), classes.ownReturnCode(room.id(), other.token()));
        // another token (another guest's, a changed one, none) shows nothing
        assertEquals(Optional.empty(), classes.ownReturnCode(room.id(), changed(g.token())));
        assertEquals(Optional.empty(), classes.ownReturnCode(room.id(), null));
        // the database holds neither the code nor the token in the clear: a BCrypt hash and a sealed copy
        String bare = g.returnCode().replace("-", "");
        List<String> stored = jdbc.sql("select return_code_hash, return_code_sealed, token_hash from class_guest "
                + "where user_id = ?").param(g.userId()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
                        rs.getString(3))).single();
        assertTrue(stored.get(0).startsWith("{bcrypt}$2"), stored.get(0));
        for (String column : stored) {
            assertFalse(column.contains(bare) || column.contains(g.token()), column);
        }
    }

    @Test
    void comingBackWithNameAndCodeGivesAFreshTokenAndTheEarlierWork() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Cleo Marsh");
        assertEquals("right", classes.submit(g.userId(), basics.id(), "completes", "a").status());
        // any letter case in name and code, spaces around, the code typed without the dash or with spaces
        String typed = " " + g.returnCode().toLowerCase().replace("-", " ") + " ";
        GuestJoin back = classes.returnAsGuest(room.joinCode().toLowerCase(), "  cleo MARSH ", typed, address);
        assertEquals(g.userId(), back.userId());
        assertEquals("Cleo Marsh", back.displayName());
        assertEquals(g.returnCode(), back.returnCode(), "the code stays the same");
        assertNotEquals(g.token(), back.token());
        assertEquals(Optional.empty(), classes.guest(room.id(), g.token()), "the old cookie is revoked");
        assertEquals(Optional.of(g.userId()), classes.guest(room.id(), back.token()));
        assertEquals(Optional.of(g.returnCode()), classes.ownReturnCode(room.id(), back.token()));
        assertEquals(1, classes.mySubmissions(back.userId(), room.id()).size(), "the earlier work is there");
        // and again the next day (a laptop that forgets cookies every night)
        GuestJoin again = classes.returnAsGuest(room.joinCode(), "Cleo Marsh", g.returnCode(), address);
        assertEquals(Optional.empty(), classes.guest(room.id(), back.token()));
        assertEquals(Optional.of(g.userId()), classes.guest(room.id(), again.token()));
    }

    @Test
    void aWrongNameOrCodeGetsOnePlainAnswer() {
        GuestJoin ada = classes.joinAsGuest(room.joinCode(), "Ada");
        GuestJoin bea = classes.joinAsGuest(room.joinCode(), "Bea");
        ClassRoom other = classes.createClass(teacher, "Other", true);
        GuestJoin foreign = classes.joinAsGuest(other.joinCode(), "Ada Other");
        String wrongCode = ada.returnCode().equals("AAAAA-AAAAA") ? "BBBBB-BBBBB" : "AAAAA-AAAAA";
        // a wrong code, another guest's code, a name nobody has, a guest of another class with their own code
        for (String[] attempt : List.of(new String[] {"Ada", wrongCode}, new String[] {"Ada", bea.returnCode()},
                new String[] {"Nobody", ada.returnCode()}, new String[] {"Ada Other", foreign.returnCode()})) {
            ClassroomException e = assertThrows(ClassroomException.class,
                    () -> classes.returnAsGuest(room.joinCode(), attempt[0], attempt[1], "w-" + address));
            assertEquals(ClassroomService.WRONG_RETURN, e.getMessage(), String.join(" / ", attempt));
        }
        // nothing changed: every cookie still works
        assertEquals(Optional.of(ada.userId()), classes.guest(room.id(), ada.token()));
        assertEquals(Optional.of(bea.userId()), classes.guest(room.id(), bea.token()));
        // a code of the wrong shape is told so (the shape is no secret), before any name is looked at
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), "Ada", "ABC", address));
        assertTrue(e.getMessage().startsWith("A return code has 10 letters and digits"), e.getMessage());
        e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), "Ada", "ABCDE-FGHI0", address)); // I and 0 are not used
        assertTrue(e.getMessage().startsWith("A return code has"), e.getMessage());
        e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), " ", ada.returnCode(), address));
        assertTrue(e.getMessage().startsWith("Type the name"), e.getMessage());
        // an accounts-only class takes no guests back
        ClassRoom strict = classes.createClass(teacher, "Strict", false);
        e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(strict.joinCode(), "Ada", ada.returnCode(), address));
        assertTrue(e.getMessage().contains("sign in with an account"), e.getMessage());
    }

    @Test
    void wrongCodesLockTheNameFromThatAddressWhetherOrNotTheNameExists() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Dana");
        String wrong = g.returnCode().equals("AAAAA-AAAAA") ? "BBBBB-BBBBB" : "AAAAA-AAAAA";
        for (String name : List.of("Dana", "Nobody Here")) {
            for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
                ClassroomException e = assertThrows(ClassroomException.class,
                        () -> classes.returnAsGuest(room.joinCode(), name, wrong, address));
                assertEquals(ClassroomService.WRONG_RETURN, e.getMessage(), name + " try " + i);
            }
            // locked: even the right code is refused now, with the same words for a real and a made-up name
            ClassroomException e = assertThrows(ClassroomException.class,
                    () -> classes.returnAsGuest(room.joinCode(), name, g.returnCode(), address));
            assertTrue(e.getMessage().startsWith("Too many wrong tries; wait "), e.getMessage());
            assertTrue(e.getMessage().matches("Too many wrong tries; wait (30|29) s, then try again\\."),
                    e.getMessage());
        }
        // another address is not locked, and the name in another letter case is the same name
        assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), "DANA", g.returnCode(), address));
        GuestJoin back = classes.returnAsGuest(room.joinCode(), "dana", g.returnCode(), address + "-home");
        assertEquals(g.userId(), back.userId());
        // the lock is the return codes' own: the sign-in throttle's address count is untouched
        assertEquals(0, throttleRows("a:" + address));
        assertEquals(1, throttleRows("a:guest|" + address));
    }

    @Test
    void theTeacherReissuesACodeAndTheOldCodeAndCookieStopWorking() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Eli");
        classes.submit(g.userId(), basics.id(), "completes", "b");
        ClassroomService.GuestStatus before = classes.guests(teacher, room.id()).get(0);
        assertEquals(new ClassroomService.GuestStatus(g.userId(), "Eli", true, true), before);

        String fresh = classes.reissueReturnCode(teacher, room.id(), g.userId());
        assertTrue(fresh.matches(CODE), fresh);
        assertNotEquals(g.returnCode(), fresh);
        assertEquals(Optional.empty(), classes.guest(room.id(), g.token()), "the cookie is revoked");
        assertEquals(Optional.empty(), classes.ownReturnCode(room.id(), g.token()));
        assertEquals(new ClassroomService.GuestStatus(g.userId(), "Eli", true, false),
                classes.guests(teacher, room.id()).get(0));
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), "Eli", g.returnCode(), address));
        assertEquals(ClassroomService.WRONG_RETURN, e.getMessage());
        GuestJoin back = classes.returnAsGuest(room.joinCode(), "Eli", fresh, address);
        assertEquals(g.userId(), back.userId());
        assertEquals(1, classes.mySubmissions(back.userId(), room.id()).size());
        // a second reissue revokes the code just handed out, and the cookie it gave
        String third = classes.reissueReturnCode(teacher, room.id(), g.userId());
        assertNotEquals(fresh, third);
        assertEquals(Optional.empty(), classes.guest(room.id(), back.token()));
        assertThrows(ClassroomException.class, () -> classes.returnAsGuest(room.joinCode(), "Eli", fresh, address));
    }

    /** Wrong tries at the returning form, {@link LoginThrottle#USER_LIMIT} of them: the name is then locked there. */
    void lockOut(String name, String from) {
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            assertEquals(ClassroomService.WRONG_RETURN, assertThrows(ClassroomException.class,
                    () -> classes.returnAsGuest(room.joinCode(), name, "AAAAA-AAAAA", from)).getMessage());
        }
        assertLocked(name, from);
    }

    void assertLocked(String name, String from) {
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), name, "BBBBB-BBBBB", from));
        assertTrue(e.getMessage().startsWith("Too many wrong tries"), name + " from " + from + ": " + e.getMessage());
    }

    @Test
    void aReissueLiftsTheLockThatWrongCodesPutOnThatStudentFromEveryAddress() {
        GuestJoin ivy = classes.joinAsGuest(room.joinCode(), "Ivy_Rose");
        GuestJoin other = classes.joinAsGuest(room.joinCode(), "IvyaRose"); // '_' must not match any character
        classes.submit(ivy.userId(), basics.id(), "completes", "a");
        String school = address, home = address + "-home";
        lockOut("ivy_rose", school);
        lockOut("IVY_ROSE", home);
        lockOut("IvyaRose", school);
        ClassroomException locked = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), "Ivy_Rose", ivy.returnCode(), school));
        assertTrue(locked.getMessage().startsWith("Too many wrong tries"), "even the right code: " + locked);

        String fresh = classes.reissueReturnCode(teacher, room.id(), ivy.userId());
        GuestJoin back = classes.returnAsGuest(room.joinCode(), "Ivy_Rose", fresh, school);
        assertEquals(ivy.userId(), back.userId());
        assertEquals(1, classes.mySubmissions(back.userId(), room.id()).size());
        assertEquals(ivy.userId(), classes.returnAsGuest(room.joinCode(), "ivy_rose", fresh, home).userId());
        // another student's lock stays, and so does the count: the next wrong tries lock Ivy again
        assertLocked("IvyaRose", school);
        assertEquals(Optional.of(other.userId()), classes.guest(room.id(), other.token()));
        lockOut("Ivy_Rose", school);
    }

    /**
     * Names whose lower case SQL and Java disagree on (PostgreSQL's lower() has no final sigma and maps 'İ' to 'i';
     * in a C-locale database it lowers ASCII letters only): the student comes back under the name they joined
     * with, in any letter case, and the name stays taken in any letter case. Runs on H2 here and on PostgreSQL in
     * {@link GuestReturnPostgresTest}.
     */
    @Test
    void aNameWhoseLowerCaseDatabasesDisagreeOnComesBackAndStaysTaken() {
        for (String name : List.of("ΝΙΚΟΣ", "İpek Öz", "Σοφία Ξένου")) {
            GuestJoin g = classes.joinAsGuest(room.joinCode(), name);
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            String upper = name.toUpperCase(java.util.Locale.ROOT);
            for (String typed : List.of(name, lower, upper)) {
                assertEquals(g.userId(), classes.returnAsGuest(room.joinCode(), typed, g.returnCode(), address)
                        .userId(), typed);
            }
            // another letter case at the join form ("i̇" has a combining dot, which a pseudonym may not hold)
            for (String other : List.of(lower, upper)) {
                if (other.equals(name) || !other.matches("[\\p{L}\\p{N} ._-]+")) {
                    continue;
                }
                ClassroomException taken = assertThrows(ClassroomException.class,
                        () -> classes.joinAsGuest(room.joinCode(), other), other);
                assertEquals(ClassroomService.guestNameTaken(other), taken.getMessage());
            }
        }
        assertEquals(3, classes.guests(teacher, room.id()).size());
    }

    /**
     * A long name from a long address: the throttle's key "u:guest|ADDRESS|~guest~CLASS/name" is longer than the
     * 200 characters its column holds. Such a key used to be cut, losing the name's end, so the reissue (which
     * deletes the keys that end with the name) missed it and the student stayed locked out with the new code.
     */
    @Test
    void aReissueLiftsTheLockOfALongNameFromALongAddress() {
        String name = "Maximiliana " + "Abcdefghij".repeat(5) + "Xy";
        assertEquals(ClassroomService.MAX_NAME, name.length());
        GuestJoin max = classes.joinAsGuest(room.joinCode(), name);
        GuestJoin near = classes.joinAsGuest(room.joinCode(), name.substring(0, name.length() - 1));
        // an address as long as a container may report one (a proxy's forwarded list, an IPv6 zone)
        String far = address + "-fe80:0:0:0:a00:27ff:fe4e:66a1%" + "z".repeat(120);
        String farther = far + "-2";
        lockOut(name, far);
        lockOut(name.toUpperCase(java.util.Locale.ROOT), farther);
        lockOut(name, address);

        String fresh = classes.reissueReturnCode(teacher, room.id(), max.userId());
        assertEquals(max.userId(), classes.returnAsGuest(room.joinCode(), name, fresh, far).userId());
        assertEquals(max.userId(), classes.returnAsGuest(room.joinCode(), name, fresh, farther).userId());
        assertEquals(max.userId(), classes.returnAsGuest(room.joinCode(), name, fresh, address).userId());
        // a name one letter shorter from the same long address has a count of its own, and a reissue for the
        // longer name leaves its lock
        lockOut(near.displayName(), far);
        String again = classes.reissueReturnCode(teacher, room.id(), max.userId());
        assertLocked(near.displayName(), far);
        assertEquals(max.userId(), classes.returnAsGuest(room.joinCode(), name, again, far).userId());
    }

    @Test
    void aReissueLeavesTheAddressLockThatStopsGuessingAcrossNames() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Jun");
        String guesser = "g-" + address;
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            String name = "Name " + i;
            assertEquals(ClassroomService.WRONG_RETURN, assertThrows(ClassroomException.class,
                    () -> classes.returnAsGuest(room.joinCode(), name, g.returnCode(), guesser)).getMessage());
        }
        String fresh = classes.reissueReturnCode(teacher, room.id(), g.userId());
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), "Jun", fresh, guesser));
        // the address's 5 minutes, said in minutes
        assertTrue(e.getMessage().matches("Too many wrong tries; wait (5 min 00|4 min 5\\d) s, then try again\\."),
                e.getMessage());
        assertEquals(g.userId(), classes.returnAsGuest(room.joinCode(), "Jun", fresh, address).userId(),
                "from another address the new code works");
    }

    @Test
    void signingOutRevokesThisBrowsersCookieAndTheCodeBringsTheStudentBack() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Kai");
        GuestJoin mate = classes.joinAsGuest(room.joinCode(), "Lou");
        ClassRoom other = classes.createClass(teacher, "Other", true);
        GuestJoin foreign = classes.joinAsGuest(other.joinCode(), "Kai");
        classes.submit(g.userId(), basics.id(), "completes", "a");
        // a token of another class, a malformed one, none: nothing is signed out
        assertFalse(classes.signOutGuest(room.id(), foreign.token()));
        assertFalse(classes.signOutGuest(room.id(), "not a token"));
        assertFalse(classes.signOutGuest(room.id(), null));
        assertEquals(Optional.of(foreign.userId()), classes.guest(other.id(), foreign.token()));

        assertTrue(classes.signOutGuest(room.id(), g.token()));
        assertEquals(Optional.empty(), classes.guest(room.id(), g.token()), "the cookie opens nothing");
        assertEquals(Optional.empty(), classes.ownReturnCode(room.id(), g.token()));
        assertFalse(classes.signOutGuest(room.id(), g.token()), "signed out already");
        assertEquals(new ClassroomService.GuestStatus(g.userId(), "Kai", true, false),
                classes.guests(teacher, room.id()).stream().filter(s -> s.userId() == g.userId()).findFirst()
                        .orElseThrow());
        assertEquals(Optional.of(mate.userId()), classes.guest(room.id(), mate.token()), "a classmate stays in");
        assertEquals(Optional.of(foreign.userId()), classes.guest(other.id(), foreign.token()));
        String sealed = jdbc.sql("select return_code_sealed from class_guest where user_id = ?").param(g.userId())
                .query(String.class).optional().orElse(null);
        assertNull(sealed, "the copy sealed under the revoked token is dropped");

        // the same code brings the student back to their work
        GuestJoin back = classes.returnAsGuest(room.joinCode(), "Kai", g.returnCode(), address);
        assertEquals(g.userId(), back.userId());
        assertEquals(Optional.of(g.returnCode()), classes.ownReturnCode(room.id(), back.token()));
        assertEquals(1, classes.mySubmissions(back.userId(), room.id()).size());
    }

    @Test
    void aTakenNameAtTheJoinFormPointsToTheWayBack() {
        classes.joinAsGuest(room.joinCode(), "Mo Chen");
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.joinAsGuest(room.joinCode(), " mo chen "));
        assertEquals(ClassroomService.guestNameTaken("mo chen"), e.getMessage());
        assertTrue(e.getMessage().contains("I have joined before"), e.getMessage());
    }

    @Test
    void onlyTheClassesTeacherReissuesAndOnlyForItsGuests() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Fay");
        long otherTeacher = accounts.signUp("teacher2-" + Long.toString(System.nanoTime(), 36), "long password");
        long student = accounts.signUp("student-" + Long.toString(System.nanoTime(), 36), "long password");
        classes.join(student, room.joinCode(), "");
        ClassRoom other = classes.createClass(teacher, "Other", true);
        GuestJoin foreign = classes.joinAsGuest(other.joinCode(), "Gus");
        assertThrows(ClassroomException.class, () -> classes.reissueReturnCode(otherTeacher, room.id(), g.userId()));
        assertThrows(ClassroomException.class, () -> classes.reissueReturnCode(g.userId(), room.id(), g.userId()));
        assertThrows(ClassroomException.class, () -> classes.reissueReturnCode(student, room.id(), g.userId()));
        assertThrows(ClassroomException.class, () -> classes.reissueReturnCode(teacher, room.id(), student),
                "an account member has no return code");
        assertThrows(ClassroomException.class, () -> classes.reissueReturnCode(teacher, room.id(), foreign.userId()),
                "a guest of another class, through this class");
        assertThrows(ClassroomException.class, () -> classes.guests(otherTeacher, room.id()));
        // nothing was changed by the refused calls
        assertEquals(Optional.of(g.userId()), classes.guest(room.id(), g.token()));
        assertEquals(Optional.of(foreign.userId()), classes.guest(other.id(), foreign.token()));
        assertEquals(List.of("Fay"), classes.guests(teacher, room.id()).stream()
                .map(ClassroomService.GuestStatus::displayName).toList());
    }

    @Test
    void aGuestFromBeforeReturnCodesGetsOneFromTheTeacher() {
        GuestJoin g = classes.joinAsGuest(room.joinCode(), "Hal");
        // as a guest who joined before V10 is stored
        jdbc.sql("update class_guest set return_code_hash = null, return_code_sealed = null where user_id = ?")
                .param(g.userId()).update();
        assertEquals(Optional.empty(), classes.ownReturnCode(room.id(), g.token()));
        assertFalse(classes.guests(teacher, room.id()).get(0).hasReturnCode());
        ClassroomException e = assertThrows(ClassroomException.class,
                () -> classes.returnAsGuest(room.joinCode(), "Hal", g.returnCode(), address));
        assertEquals(ClassroomService.WRONG_RETURN, e.getMessage());
        String code = classes.reissueReturnCode(teacher, room.id(), g.userId());
        assertEquals(g.userId(), classes.returnAsGuest(room.joinCode(), "Hal", code, address).userId());
        String stored = jdbc.sql("select return_code_hash from class_guest where user_id = ?").param(g.userId())
                .query(String.class).single();
        assertTrue(stored.startsWith("{bcrypt}"), stored);
        assertNull(jdbc.sql("select return_code_sealed from class_guest where token_hash is null and user_id = ?")
                .param(g.userId()).query(String.class).optional().orElse(null));
    }

    @Test
    void codesAreUniformOverTheAlphabet() {
        // 3000 codes × 10 characters over 31 letters: each letter expected 967.7 times (sd ≈ 30.6); a chi-square
        // above 70 (30 degrees of freedom, p ≈ 4·10^-5) would mean a biased generator
        int[] counts = new int[31];
        Set<String> seen = new HashSet<>();
        String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < 3000; i++) {
            String c = ReturnCodes.display(ReturnCodes.generate());
            assertTrue(c.matches(CODE), c);
            assertTrue(seen.add(c), "a repeated code: " + c);
            for (char ch : c.replace("-", "").toCharArray()) {
                counts[alphabet.indexOf(ch)]++;
            }
        }
        double expected = 3000 * 10 / 31.0;
        double chi2 = 0;
        for (int n : counts) {
            chi2 += (n - expected) * (n - expected) / expected;
        }
        assertTrue(chi2 < 70, "chi-square " + chi2);
    }

    int throttleRows(String key) {
        return jdbc.sql("select count(*) from login_throttle where throttle_key = ?").param(key).query(Integer.class)
                .single();
    }

    static String changed(String token) {
        return (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    }
}
