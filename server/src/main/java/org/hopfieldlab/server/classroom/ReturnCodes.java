package org.hopfieldlab.server.classroom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A guest's return code: {@link #LENGTH} characters from the join codes' alphabet (no 0/O, 1/I/L), shown as two
 * groups of five ("K7PQM-3XRH9"). 31^10 ≈ 8·10^14 codes (49.5 bits): at the sign-in throttle's pace (at most 30
 * failures per 5 minutes from one address) a thousand addresses together would need about 10^5 years to try half of
 * them for one guest. Typed codes ignore letter case, spaces and dashes.
 *
 * <p>The code is kept twice: BCrypt-hashed (to check a typed code) and sealed under the guest's current cookie token
 * (AES-GCM with a key derived from the 256-bit token), so the page of the browser that holds the cookie can show
 * the code again, and nobody without that cookie (the database included) can.
 */
public final class ReturnCodes {
    public static final int LENGTH = 10;
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private ReturnCodes() {
    }

    /** A new random code, without the group dash (as stored and compared). */
    public static String generate() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A typed code as compared: upper case, spaces and dashes removed (anything else is left to fail). */
    static String normalize(String typed) {
        return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** Whether a normalized code has the shape of a code (so a typo of shape gets a helpful message). */
    static boolean wellFormed(String normalized) {
        if (normalized.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < normalized.length(); i++) {
            if (ALPHABET.indexOf(normalized.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The code as people read and write it: "ABCDE-FGHJK". */
    public static String display(String code) {
        return code.length() == LENGTH ? code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2) : code;
    }

    /** The code encrypted under the cookie token (bound to the guest's id), as base64url text. */
    static String seal(String code, String token, long userId) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = cipher(Cipher.ENCRYPT_MODE, token, nonce);
            c.updateAAD(Long.toString(userId).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(code.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sealed code, if this token (and guest id) sealed it; empty otherwise. */
    static Optional<String> unseal(String sealed, String token, long userId) {
        if (sealed == null || token == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(sealed);
            if (in.length <= NONCE) {
                return Optional.empty();
            }
            byte[] nonce = java.util.Arrays.copyOf(in, NONCE);
            Cipher c = cipher(Cipher.DECRYPT_MODE, token, nonce);
            c.updateAAD(Long.toString(userId).getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String token, byte[] nonce) throws GeneralSecurityException {
        // the token has 256 random bits, so one hash with a purpose label is a sound key derivation
        byte[] key = MessageDigest.getInstance("SHA-256")
                .digest(("hopfield-lab return code|" + token).getBytes(StandardCharsets.UTF_8));
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        return c;
    }
}
