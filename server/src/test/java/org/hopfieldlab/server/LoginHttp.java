package org.hopfieldlab.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client with its own cookie jar, signing in as a browser's form would (no redirects followed). */
final class LoginHttp {
    final String base;
    final CookieManager cookies = new CookieManager();
    final HttpClient http;

    /** Sent with every request (name, value, name, value, …), e.g. the X-Forwarded-* headers a proxy adds. */
    String[] headers = {};

    LoginHttp(int port) {
        this("http://localhost:" + port);
    }

    LoginHttp(String base) {
        this.base = base;
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(withHeaders(HttpRequest.newBuilder(URI.create(base + path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder b) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    /** The CSRF token and parameter name from the login page's meta tags (what Vaadin's login form reads). */
    String[] csrf() throws IOException, InterruptedException {
        String html = get("/login").body();
        return new String[] {meta(html, "_csrf_parameter"), meta(html, "_csrf")};
    }

    static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    HttpResponse<String> post(String path, String form, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder b = withHeaders(HttpRequest.newBuilder(URI.create(base + path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the page's token, as the login form does. */
    HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        String[] t = csrf();
        return post("/login", "username=" + enc(user) + "&password=" + enc(password) + "&" + enc(t[0]) + "="
                + enc(t[1]), null);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("location").orElse("");
    }
}
