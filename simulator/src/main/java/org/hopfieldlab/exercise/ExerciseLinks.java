package org.hopfieldlab.exercise;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.hopfieldlab.sim.exercise.ExerciseException;
import org.hopfieldlab.sim.exercise.ExerciseLimits;

/**
 * Exercise links (JVM side; the lab does the same with the browser's CompressionStream). An exercise travels in a
 * lab link's fragment, {@code index.html#exercise=PAYLOAD}, so it never reaches a server's logs, with PAYLOAD one of
 * <ul>
 *   <li>{@code z.} + base64url (no padding) of the UTF-8 JSON compressed with raw DEFLATE ("deflate-raw");</li>
 *   <li>{@code j.} + base64url of the UTF-8 JSON, uncompressed;</li>
 *   <li>a built-in exercise's id, e.g. {@code idp-existence}.</li>
 * </ul>
 * The core only ever sees the plain JSON text. Decoding is bounded: a payload that inflates beyond the document
 * limit is refused before it is read whole.
 */
public final class ExerciseLinks {
    private ExerciseLinks() {
    }

    /** Key of the exercise in a lab link's fragment. */
    public static final String KEY = "exercise";
    /** UTF-8 bytes a decoded document may have: every character of the document limit at up to 4 bytes. */
    private static final int MAX_BYTES = ExerciseLimits.MAX_DOCUMENT * 4;

    /** The compressed payload ("z.…") of a JSON document. */
    public static String encode(String json) {
        byte[] in = json.getBytes(StandardCharsets.UTF_8);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(in);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return "z." + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        } finally {
            d.end();
        }
    }

    /** A lab link to the exercise: {@code base#exercise=z.…}. */
    public static String link(String base, String json) {
        return base + "#" + KEY + "=" + encode(json);
    }

    /** The payload of the {@code exercise=} item in a link (fragment or query), or null when there is none. */
    public static String payloadOf(String link) {
        int at = -1;
        for (int from = 0; ; from = at + 1) {
            at = link.indexOf(KEY + "=", from);
            if (at < 0) {
                return null;
            }
            char before = at == 0 ? '#' : link.charAt(at - 1);
            if (before == '#' || before == '&' || before == '?') {
                break;
            }
        }
        int start = at + KEY.length() + 1;
        int end = link.indexOf('&', start);
        return link.substring(start, end < 0 ? link.length() : end);
    }

    /** Whether a payload names a built-in exercise rather than carrying a document. */
    public static boolean isBuiltInId(String payload) {
        return !payload.startsWith("z.") && !payload.startsWith("j.");
    }

    /** The JSON text of a "z." or "j." payload, or an {@link ExerciseException} saying what is wrong. */
    public static String decode(String payload) {
        boolean compressed = payload.startsWith("z.");
        if (!compressed && !payload.startsWith("j.")) {
            throw new ExerciseException("link", "the exercise payload must start with 'z.' (compressed) or 'j.' "
                    + "(plain); got '" + shorten(payload) + "'");
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(payload.substring(2));
        } catch (IllegalArgumentException e) {
            throw new ExerciseException("link", "the exercise payload is not base64url text (A–Z a–z 0–9 - _): "
                    + e.getMessage());
        }
        byte[] bytes = compressed ? inflate(raw) : raw;
        if (bytes.length > MAX_BYTES) {
            throw new ExerciseException("link", "the exercise is larger than " + MAX_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ExerciseException("link", "the exercise payload is not UTF-8 text");
        }
    }

    private static byte[] inflate(byte[] raw) {
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new ExerciseException("link", "the exercise payload is cut short or not deflate-raw "
                            + "data (was the link copied whole?)");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new ExerciseException("link", "the exercise inflates to more than " + MAX_BYTES
                            + " bytes; allowed: an exercise of at most " + ExerciseLimits.MAX_DOCUMENT
                            + " characters");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ExerciseException("link", "the exercise payload is not deflate-raw data: " + e.getMessage());
        } finally {
            inf.end();
        }
    }

    private static String shorten(String s) {
        return s.length() > 20 ? s.substring(0, 17) + "…" : s;
    }
}
