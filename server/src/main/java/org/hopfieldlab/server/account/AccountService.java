package org.hopfieldlab.server.account;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Sign-up with the rules shown next to the form fields. */
@Service
public class AccountService {
    public static final int MIN_PASSWORD = 8;

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

    public AccountService(UserRepository users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    public long signUp(String username, String password) {
        String name = username == null ? "" : username.trim();
        if (!name.matches("[A-Za-z0-9._-]{3,64}")) {
            throw new SignupException("username", "3 to 64 letters, digits, '.', '_' or '-'");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new SignupException("password", "too short: use at least " + MIN_PASSWORD + " characters");
        }
        if (users.findByUsername(name).isPresent()) {
            throw new SignupException("username", "this name is taken");
        }
        try {
            return users.insert(name, encoder.encode(password));
        } catch (DuplicateKeyException e) {
            throw new SignupException("username", "this name is taken");
        }
    }
}
