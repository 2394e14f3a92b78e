package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browsers ask every site for /favicon.ico: the server answers with the lab's icon, not a 404. */
@ServerTest
class FaviconTest {
    @LocalServerPort
    int port;

    @Test
    void faviconIsServedToAnonymousVisitors() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        // an ICO file: reserved 0, type 1 (icon)
        assertArrayEquals(new byte[] {0, 0, 1, 0}, Arrays.copyOf(r.body(), 4));
    }
}
