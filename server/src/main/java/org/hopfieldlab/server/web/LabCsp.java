package org.hopfieldlab.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The Content-Security-Policy of the in-browser lab (/lab/), stricter than the Vaadin pages' one: the lab renders
 * exercise text from anyone's links (markdown through DOMPurify) and runs in the same origin as the signed-in app,
 * so a script slipped into it could act for the user. Its scripts are all files of its own plus two tiny inline
 * ones, allowed by their SHA-256 (computed here from the bundled index.html, so a change of the page cannot get out
 * of step); no 'unsafe-inline', so markup that got past the sanitizer (an injected {@code <script>}, an
 * {@code onerror=} or a {@code javascript:} link) runs nothing. 'wasm-unsafe-eval' and 'unsafe-eval' stay: TeaVM's
 * Wasm GC runtime builds its JS glue with {@code new Function} (without it the lab falls back to its JS engine);
 * eval is reachable only from the lab's own scripts, not from injected markup.
 */
public final class LabCsp {
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc\\s*=)[^>]*>(.*?)</script>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The policy for responses under /lab/. */
    public static final String POLICY = policy(indexHtml());

    private LabCsp() {
    }

    static String policy(String indexHtml) {
        StringBuilder hashes = new StringBuilder();
        Matcher m = INLINE_SCRIPT.matcher(indexHtml == null ? "" : indexHtml);
        while (m.find()) {
            hashes.append(" 'sha256-").append(sha256(m.group(1))).append('\'');
        }
        return "default-src 'self'; script-src 'self'" + hashes + " 'unsafe-eval' 'wasm-unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
                + "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; frame-ancestors 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    /** Whether a request path (without the context path) is the lab's. */
    public static boolean isLab(String path) {
        return path != null && (path.equals("/lab") || path.startsWith("/lab/"));
    }

    private static String indexHtml() {
        ClassPathResource r = new ClassPathResource("static/lab/index.html");
        if (!r.exists()) {
            return "";
        }
        try (InputStream in = r.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
