package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.security.LoginThrottle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no trusted proxy configured (the default), X-Forwarded-Proto and X-Forwarded-For from anyone change nothing. */
@ServerTest
class ReverseProxyOffTest {
    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    LoginThrottle throttle;

    @Test
    void forwardedHeadersAreIgnored() throws Exception {
        LoginHttp https = new LoginHttp("http://127.0.0.1:" + port);
        https.headers = new String[] {"X-Forwarded-Proto", "https"};
        HttpResponse<String> page = https.get("/login");
        assertFalse(ReverseProxyTest.secure(ReverseProxyTest.sessionCookie(page)), page.headers().map().toString());

        String user = "off-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "violet kettle moss");
        LoginHttp client = new LoginHttp("http://127.0.0.1:" + port);
        client.headers = new String[] {"X-Forwarded-For", "203.0.113.21"};
        for (int i = 0; i < LoginThrottle.USER_LIMIT; i++) {
            assertTrue(LoginHttp.location(client.login(user, "wrong password " + i)).endsWith("/login?error"));
        }
        assertTrue(throttle.secondsLocked(user, "127.0.0.1") >= 28, "keyed on the peer");
        assertEquals(0, throttle.secondsLocked(user, "203.0.113.21"));
        client.headers = new String[] {"X-Forwarded-For", "203.0.113.22"};
        assertTrue(LoginHttp.location(client.login(user, "violet kettle moss")).matches(".*/login\\?locked=\\d+"));
    }
}
