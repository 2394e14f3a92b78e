package org.hopfieldlab.server.account;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-up with the rules shown next to the form fields: a name of 3 to 64 letters, digits, '.', '_' or '-' with at
 * least one letter or digit, unique in any letter case; a password that passes {@link PasswordPolicy}.
 */
@Service
public class AccountService {
    public static final int MIN_PASSWORD = PasswordPolicy.MIN_LENGTH;
    public static final String NAME_RULE = "3 to 64 letters, digits, '.', '_' or '-', with at least one letter or digit";

    /** A sign-up refused; {@code field} is "username" or "password". */
    public static final class SignupException extends RuntimeException {
        private final String field;

        public SignupException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy = new PasswordPolicy();

    public AccountService(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    /** The name's problem, or null when it is a valid (not necessarily free) name. */
    public static String nameProblem(String username) {
        String name = username == null ? "" : username.strip();
        if (!name.matches("[A-Za-z0-9._-]{3,64}") || !name.matches(".*[A-Za-z0-9].*")) {
            return NAME_RULE;
        }
        return null;
    }

    /** The password's problems (sentences for the user), empty when it is accepted. */
    public List<String> passwordProblems(String username, String password) {
        return policy.problems(username, password);
    }

    public long signUp(String username, String password) {
        String name = username == null ? "" : username.strip();
        String nameProblem = nameProblem(name);
        if (nameProblem != null) {
            throw new SignupException("username", nameProblem);
        }
        List<String> problems = policy.problems(name, password);
        if (!problems.isEmpty()) {
            throw new SignupException("password", String.join(" ", problems));
        }
        if (users.findByUsername(name).isPresent()) {
            throw new SignupException("username", "this name is taken (names are the same in any letter case)");
        }
        try {
            return users.insert(name, encoder.encode(password));
        } catch (DuplicateKeyException e) {
            throw new SignupException("username", "this name is taken (names are the same in any letter case)");
        }
    }
}
