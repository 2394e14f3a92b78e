package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.account.PasswordPolicy;
import org.hopfieldlab.server.account.UserRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-up rules on the real database: one name in any case, names need a letter or digit, a password policy. */
@ServerTest
class AccountRulesTest {
    @Autowired
    AccountService accounts;
    @Autowired
    UserRepository users;
    @LocalServerPort
    int port;

    final PasswordPolicy policy = new PasswordPolicy();

    String tag() {
        return Long.toString(System.nanoTime(), 36);
    }

    AccountService.SignupException refused(String name, String password) {
        return assertThrows(AccountService.SignupException.class, () -> accounts.signUp(name, password));
    }

    @Test
    void namesAreOneAccountInAnyLetterCase() {
        String t = tag();
        long id = accounts.signUp("alice" + t, "correct horse battery");
        for (String other : new String[] {"ALICE" + t.toUpperCase(), "Alice" + t, " alice" + t + " "}) {
            AccountService.SignupException e = refused(other, "another fine passphrase");
            assertEquals("username", e.field());
            assertTrue(e.getMessage().contains("taken"), e.getMessage());
        }
        assertEquals(id, users.findByUsername("ALICE" + t.toUpperCase()).orElseThrow().id());
        assertEquals("alice" + t, users.findByUsername("Alice" + t).orElseThrow().username(), "spelling kept");
    }

    @Test
    void theDatabaseItselfRefusesACaseVariant() {
        String t = tag();
        users.insert("Bob" + t, "{noop}x");
        assertThrows(org.springframework.dao.DuplicateKeyException.class, () -> users.insert("bOB" + t, "{noop}y"));
    }

    @Test
    void signInIgnoresTheCaseOfTheName() throws Exception {
        String t = tag();
        accounts.signUp("Carol" + t, "correct horse battery");
        LoginHttp browser = new LoginHttp(port);
        var r = browser.login("CAROL" + t.toUpperCase(), "correct horse battery");
        assertEquals(302, r.statusCode());
        assertTrue(!LoginHttp.location(r).contains("error"), LoginHttp.location(r));
    }

    @Test
    void namesWithoutALetterOrDigitAreRefused() {
        for (String bad : new String[] {"...", "-_-", "___", "..", "a b c", "x", "é-name", ""}) {
            AccountService.SignupException e = refused(bad, "correct horse battery");
            assertEquals("username", e.field(), bad);
            assertEquals(AccountService.NAME_RULE, e.getMessage());
        }
        accounts.signUp("a.b-" + tag(), "correct horse battery");
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        String name = "dave" + tag();
        String[][] cases = {
            {"12345678", "10 or more characters"},
            {"password", "10 or more characters"},
            {"        ", "10 or more characters"},
            {"          ", "different characters"},
            {"1234567890", "most common passwords"},
            {"Password123", "most common passwords"},
            {"qwertyuiop", "most common passwords"},
            {"football2024!", "common password ('football')"},
            {"aaaaaaaaaaaa", "4 or more times"},
            {"xyzabcdefgh", "alphabet sequence"},
            {"tr4567890ab", "number sequence"},
            {"my asdfg pass", "keyboard sequence"},
            {name + "-secret", "user name"},
        };
        for (String[] c : cases) {
            AccountService.SignupException e = refused(name, c[0]);
            assertEquals("password", e.field(), c[0]);
            assertTrue(e.getMessage().contains(c[1]), "'" + c[0] + "' → " + e.getMessage());
        }
    }

    @Test
    void passwordsOver72BytesGetAClearMessageNotBcrypts() {
        String name = "erin" + tag();
        String ascii73 = "correct horse battery staple ".repeat(3).substring(0, 73);
        AccountService.SignupException e = refused(name, ascii73);
        assertEquals("Password must be at most 72 bytes in UTF-8 (this one has 73); longer passwords cannot be "
                + "checked exactly.", e.getMessage());
        // 25 three-byte characters are 75 bytes, though only 25 characters
        String wide = "€".repeat(25);
        assertTrue(refused(name, wide).getMessage().contains("(this one has 75)"));
        String ascii72 = ascii73.substring(0, 72);
        accounts.signUp(name, ascii72);
    }

    @Test
    void goodPassphrasesPass() {
        for (String ok : List.of("correct horse battery", "Tr0ub4dor&3xq", "violet kettle moss", "a long password")) {
            assertEquals(List.of(), policy.problems("frank", ok), ok);
        }
    }

    @Test
    void theCommonListIsShippedAndLoaded() {
        for (String common : List.of("iloveyou123", "1q2w3e4r5t", "passw0rd12", "qwerty12345")) {
            assertTrue(String.join(" ", policy.problems("frank", common)).contains("common password"), common);
        }
    }
}
