package org.hopfieldlab.server.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.passay.DictionaryRule;
import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.PropertiesMessageResolver;
import org.passay.RepeatCharacterRegexRule;
import org.passay.RuleResult;
import org.passay.UsernameRule;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

/**
 * The sign-up password rules, checked with Passay: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} bytes in UTF-8 (BCrypt ignores the rest), not one of the common passwords shipped in
 * {@code security/common-passwords.txt} (also with trailing digits and symbols removed, so "football2024!" counts),
 * no run of 4 equal characters, no 5-long keyboard, alphabet or number sequence, not containing the user name, and
 * at least 5 different characters (so 10 spaces are refused). Passphrases with spaces are fine.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_BYTES = 72;
    public static final int MIN_DISTINCT = 5;

    private final PasswordValidator validator;
    private final PasswordValidator dictionaryOnly;

    public PasswordPolicy() {
        List<String> words = load("security/common-passwords.txt");
        DictionaryRule common = new DictionaryRule(new WordListDictionary(
                new ArrayWordList(words.toArray(String[]::new), false, new ArraysSort())));
        PropertiesMessageResolver messages = new PropertiesMessageResolver(messages());
        validator = new PasswordValidator(messages, List.of(
                new LengthRule(MIN_LENGTH, Integer.MAX_VALUE),
                common,
                new RepeatCharacterRegexRule(4),
                new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
                new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false),
                new UsernameRule(false, true)));
        dictionaryOnly = new PasswordValidator(messages, List.of(common));
    }

    /** The reasons this password is refused, each a sentence for the user; empty when it is accepted. */
    public List<String> problems(String username, String password) {
        List<String> out = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            out.add("Enter a password of at least " + MIN_LENGTH + " characters.");
            return out;
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            out.add("Password must be at most " + MAX_BYTES + " bytes in UTF-8 (this one has " + bytes
                    + "); longer passwords cannot be checked exactly.");
            return out;
        }
        PasswordData data = new PasswordData(username == null ? "" : username, password.toLowerCase(Locale.ROOT));
        RuleResult r = validator.validate(data);
        if (!r.isValid()) {
            out.addAll(validator.getMessages(r));
        }
        String stem = password.toLowerCase(Locale.ROOT).replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (!stem.isEmpty() && !stem.equals(password.toLowerCase(Locale.ROOT))
                && !dictionaryOnly.validate(new PasswordData(stem)).isValid()) {
            out.add("Password is a common password ('" + stem + "') with digits or symbols added; choose "
                    + "something less guessable, such as a few unrelated words.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            out.add("Password must contain at least " + MIN_DISTINCT + " different characters.");
        }
        return out.stream().distinct().toList();
    }

    private static Properties messages() {
        Properties p = new Properties();
        p.setProperty("TOO_SHORT", "Password must be %1$s or more characters long.");
        p.setProperty("TOO_LONG", "Password must be at most %2$s characters long.");
        p.setProperty("ILLEGAL_WORD", "Password is one of the most common passwords ('%1$s'); choose something "
                + "less guessable, such as a few unrelated words.");
        p.setProperty("ILLEGAL_MATCH", "Password repeats one character 4 or more times in a row ('%1$s').");
        p.setProperty("ILLEGAL_ALPHABETICAL_SEQUENCE", "Password contains the alphabet sequence '%1$s'.");
        p.setProperty("ILLEGAL_NUMERICAL_SEQUENCE", "Password contains the number sequence '%1$s'.");
        p.setProperty("ILLEGAL_QWERTY_SEQUENCE", "Password contains the keyboard sequence '%1$s'.");
        p.setProperty("ILLEGAL_USERNAME", "Password must not contain the user name.");
        return p;
    }

    private static List<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> words = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
