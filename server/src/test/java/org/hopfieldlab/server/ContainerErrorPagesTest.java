package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests Tomcat refuses before the application sees them get the server's plain page with the right status, never
 * Tomcat's own "HTTP Status 400" report (which names the server and its version). Raw sockets, because an HTTP
 * client library will not send most of these.
 */
@ServerTest
class ContainerErrorPagesTest {
    @LocalServerPort
    int port;

    record Raw(int status, String head, String body) {
    }

    Raw send(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String all;
            try {
                all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.net.SocketException reset) {
                throw new AssertionError("connection reset instead of an answer", reset);
            }
            int split = all.indexOf("\r\n\r\n");
            assertTrue(split > 0, "an HTTP response: " + all);
            String head = all.substring(0, split);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, all.substring(split + 4));
        }
    }

    static void assertPlainPage(Raw r, int status, String says) {
        assertEquals(status, r.status(), r.head());
        assertTrue(r.head().toLowerCase(Locale.ROOT).contains("content-type: text/html"), r.head());
        assertTrue(r.body().contains(says), r.body());
        assertTrue(r.body().contains("Hopfield Lab"), r.body());
        for (String leak : new String[] {"Tomcat", "HTTP Status", "Exception", "at org.", "java."}) {
            assertFalse(r.body().contains(leak), "leaks '" + leak + "': " + r.body());
            assertFalse(r.head().contains(leak), "leaks '" + leak + "': " + r.head());
        }
    }

    @Test
    void aHeaderOverTheLimitGetsThePlainTooLongPage() throws IOException {
        Raw r = send("GET /lab/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(70 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertPlainPage(r, 400, "This link is too long for the server (limit 64 KB");
        assertTrue(r.body().contains("static lab"), r.body());
    }

    @Test
    void aRequestLineOverTheLimitGetsThePlainTooLongPage() throws IOException {
        Raw r = send("GET /lab/?v=1&x=" + "a".repeat(70 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertPlainPage(r, 400, "This link is too long for the server (limit 64 KB");
    }

    @Test
    void anOversizedLinkFromAnHttpClientGetsThePage() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/experiment?v=1&x=" + "b".repeat(66 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("This link is too long for the server (limit 64 KB"), r.body());
        assertFalse(r.body().contains("Tomcat"), r.body());
    }

    @Test
    void aMalformedPercentEscapeGetsThePlainBadRequestPage() throws IOException {
        Raw r = send("GET /lab/%zz.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertPlainPage(r, 400, "a % that is not followed by two hexadecimal digits");
    }

    @Test
    void aBrokenRequestLineGetsThePlainBadRequestPage() throws IOException {
        Raw r = send("GET /lab/{index}.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertPlainPage(r, 400, "The server could not read this request");
    }

    @Test
    void anUnsupportedHttpVersionGetsThePlainPage() throws IOException {
        Raw r = send("GET /lab/ HTTP/2.5\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertPlainPage(r, 505, "HTTP version this server does not speak");
    }

    /**
     * Malformed %-escapes in parameters reach the application: a filter that reads the parameters fails with 400 and
     * Spring's error dispatch shows the same plain page (not a redirect to the sign-in page, not "Whitelabel").
     */
    @Test
    void aMalformedEscapeInParametersGetsThePlainPage() throws IOException {
        for (String req : new String[] {
            "GET /login?x=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "GET /lab/?v=1&x=%e0%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
            "POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 23\r\nConnection: close\r\n\r\nusername=%zz&password=a"}) {
            Raw r = send(req);
            assertPlainPage(r, 400, "This request could not be read");
            for (String leak : new String[] {"Tomcat", "HTTP Status", "Exception", "at org.", "Whitelabel"}) {
                assertFalse(r.body().contains(leak), req + " leaks '" + leak + "': " + r.body());
            }
            assertTrue(r.status() < 500, req + " -> " + r.status() + " " + r.body());
        }
    }
}
