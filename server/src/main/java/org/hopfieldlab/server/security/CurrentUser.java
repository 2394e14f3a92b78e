package org.hopfieldlab.server.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.hopfieldlab.server.account.AppUser;
import org.hopfieldlab.server.account.UserRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The signed-in account, looked up from the security context. */
@Component
public class CurrentUser {
    private final AuthenticationContext auth;
    private final UserRepository users;

    public CurrentUser(AuthenticationContext auth, UserRepository users) {
        this.auth = auth;
        this.users = users;
    }

    public Optional<AppUser> get() {
        return auth.getPrincipalName().flatMap(users::findByUsername);
    }

    public AppUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("sign in first"));
    }

    public void logout() {
        auth.logout();
    }
}
