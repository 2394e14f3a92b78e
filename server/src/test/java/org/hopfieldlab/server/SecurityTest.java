package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.session.LabSession;
import org.hopfieldlab.server.session.SessionService;
import org.hopfieldlab.server.sweep.SweepService;
import org.hopfieldlab.sim.spec.SpecException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A private session stays private; share tokens work until revoked; protected pages need a sign-in. */
@ServerTest
class SecurityTest {
    @Autowired
    AccountService accounts;
    @Autowired
    SessionService sessions;
    @Autowired
    SweepService sweeps;
    @LocalServerPort
    int port;

    long alice;
    long bob;
    LabSession secret;

    @BeforeEach
    void users() {
        String tag = Long.toString(System.nanoTime(), 36);
        alice = accounts.signUp("alice-" + tag, "correct horse");
        bob = accounts.signUp("bob-" + tag, "battery staple");
        secret = sessions.create(alice, "Alice's secret", "private notes", "v=1&model=idp&n=256&p=3");
    }

    @Test
    void anotherUserCannotReadListOrModify() {
        long id = secret.id();
        assertThrows(SessionService.NotFoundException.class, () -> sessions.get(bob, id));
        assertTrue(sessions.list(bob, "").isEmpty());
        assertThrows(SessionService.NotFoundException.class, () -> sessions.rename(bob, id, "mine now"));
        assertThrows(SessionService.NotFoundException.class, () -> sessions.save(bob, id, "x", "", "v=1"));
        assertThrows(SessionService.NotFoundException.class, () -> sessions.delete(bob, id));
        assertThrows(SessionService.NotFoundException.class, () -> sessions.duplicate(bob, id));
        assertThrows(SessionService.NotFoundException.class, () -> sessions.share(bob, id));
        assertThrows(SessionService.NotFoundException.class, () -> sessions.restore(bob, secret));
        LabSession still = sessions.get(alice, id);
        assertEquals("Alice's secret", still.title());
        assertEquals(1, sessions.list(alice, "").size());
    }

    @Test
    void revokedShareTokenStopsWorking() {
        String token = sessions.share(alice, secret.id());
        assertTrue(token.length() >= 43, "256-bit token");
        assertEquals(token, sessions.share(alice, secret.id()), "sharing twice keeps the link");
        assertEquals(secret.id(), sessions.shared(token).id());
        LabSession fork = sessions.fork(bob, token);
        assertEquals(bob, fork.ownerId());
        assertEquals(secret.spec(), fork.spec());
        sessions.revokeShare(alice, secret.id());
        assertThrows(SessionService.NotFoundException.class, () -> sessions.shared(token));
        assertThrows(SessionService.NotFoundException.class, () -> sessions.fork(bob, token));
        String again = sessions.share(alice, secret.id());
        assertNotEquals(token, again, "a new share is a new link");
    }

    @Test
    void sweepsArePrivateToo() {
        long id = sweeps.start(alice, "small", SweepPresets.get("beta").definition());
        assertThrows(SweepService.NotFoundException.class, () -> sweeps.get(bob, id));
        assertThrows(SweepService.NotFoundException.class, () -> sweeps.result(bob, id));
        assertThrows(SweepService.NotFoundException.class, () -> sweeps.cancel(bob, id));
        assertTrue(sweeps.list(bob).isEmpty());
        sweeps.cancel(alice, id);
    }

    @Test
    void specsAreValidatedAndCanonical() {
        SpecException e = assertThrows(SpecException.class,
                () -> sessions.create(alice, "bad", "", "v=1&model=idp&n=-5"));
        assertEquals("n", e.key());
        LabSession s = sessions.create(alice, "link", "", "https://example.org/lab/?v=1&model=classic&n=64&p=3");
        assertTrue(s.spec().startsWith("v=1&model=classic&n=64&p=3&"), s.spec());
        assertThrows(IllegalArgumentException.class, () -> sessions.create(alice, "  ", "", "v=1"));
    }

    @Test
    void signupRules() {
        assertEquals("username", assertThrows(AccountService.SignupException.class,
                () -> accounts.signUp("x", "long enough")).field());
        assertEquals("password", assertThrows(AccountService.SignupException.class,
                () -> accounts.signUp("valid-name-" + System.nanoTime(), "short")).field());
    }

    @Test
    void protectedPagesNeedSignInButTheLabIsPublic() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> sweepsPage = http.send(HttpRequest.newBuilder(URI.create(base() + "/sweeps")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, sweepsPage.statusCode());
        assertTrue(sweepsPage.headers().firstValue("location").orElse("").endsWith("/login"));
        HttpResponse<byte[]> wasm = http.send(HttpRequest.newBuilder(URI.create(base()
                + "/lab/wasm/hopfield.wasm")).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (wasm.statusCode() == 200) {
            assertEquals("application/wasm", wasm.headers().firstValue("content-type").orElse(""));
        } else {
            assertEquals(404, wasm.statusCode(), "the lab bundle is public: never a redirect to login");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
