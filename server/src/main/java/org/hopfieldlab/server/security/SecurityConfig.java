package org.hopfieldlab.server.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.hopfieldlab.server.account.UserRepository;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.hopfieldlab.server.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Spring Security the Vaadin way: view access by annotations, a Flow login view, accounts from the database. On top
 * of Vaadin's defaults: the sign-in POST needs the CSRF token (Vaadin exempts its login page; the token reaches the
 * login form through the {@code _csrf} meta tags set in AppShell), and failed sign-ins are throttled
 * ({@link LoginThrottle}, counted in the database).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {
    /**
     * Content-Security-Policy for every response. Scripts: Vaadin's bootstrap and the lab's page have inline
     * scripts and Vaadin's {@code executeJs} compiles code at run time ('unsafe-inline', 'unsafe-eval'); the lab runs
     * its engine as WebAssembly ('wasm-unsafe-eval') in a worker. Nothing loads from another origin, no plugins, no
     * {@code <base>} rewriting, forms post only here, and only our own pages may frame ours.
     */
    public static final String CSP = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; frame-ancestors 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);
    private final LoginThrottle throttle;

    public SecurityConfig(JdbcClient jdbc) {
        this.throttle = new LoginThrottle(Clock.systemUTC(), new JdbcThrottleStore(jdbc));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil requestUtil) throws Exception {
        // the static in-browser lab is public (it is the same bundle as the standalone lab)
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/lab/**", "/actuator/health").permitAll());
        // an error page is shown to whoever hit the error (a malformed link must not turn into a sign-in redirect)
        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/error").permitAll());
        // the lab is embedded in an iframe of our own pages; see CSP for why each source is there
        http.headers(h -> h.frameOptions(f -> f.sameOrigin())
                .contentTypeOptions(c -> { })
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // Vaadin's own requests carry Vaadin's CSRF token; everything else (the sign-in POST too) needs Spring's
        http.csrf(c -> c.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        // an address that is no route: Vaadin's default refuses it (403, "The request was refused") even to a signed-in
        // user who mistyped a link; signed in, it goes to the router instead, which shows "Page not found"
        // (NotFoundView). Signed out, it still leads to the sign-in page. Nothing else is served here: the only
        // Spring MVC endpoints are /error and /actuator/health.
        return http.with(VaadinSecurityConfigurer.vaadin(),
                c -> c.loginView(LoginView.class).enableCsrfConfiguration(false)
                        .anyRequest(a -> a.authenticated())).build();
    }

    @Bean
    LoginThrottle loginThrottle() {
        return throttle;
    }

    @EventListener
    void signInFailed(AbstractAuthenticationFailureEvent e) {
        String address = address(e.getAuthentication());
        if (address != null) {
            try {
                throttle.failed(e.getAuthentication().getName(), address);
            } catch (DataAccessException ex) {
                // the sign-in failed already; a database that cannot count it must not turn that into a 500
                LOG.warn("failed sign-in not counted: {}", ex.toString());
            }
        }
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent e) {
        String address = address(e.getAuthentication());
        if (address != null) {
            try {
                throttle.succeeded(e.getAuthentication().getName(), address);
            } catch (DataAccessException ex) {
                LOG.warn("sign-in count not cleared: {}", ex.toString());
            }
        }
    }

    private static String address(Authentication a) {
        return a != null && a.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        // the principal's name is the account's key (lower case), whatever case was typed at sign-in
        // a class's pseudonymous students (guests) have no password and never sign in here
        return username -> users.findByUsername(username)
                .filter(u -> !ClassroomService.isGuestName(u.username()))
                .map(u -> User.withUsername(UserRepository.key(username)).password(u.passwordHash())
                        .roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
