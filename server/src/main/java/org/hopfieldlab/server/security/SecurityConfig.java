package org.hopfieldlab.server.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.hopfieldlab.server.account.UserRepository;
import org.hopfieldlab.server.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Spring Security the Vaadin way: view access by annotations, a Flow login view, accounts from the database. */
@Configuration
@EnableWebSecurity
public class SecurityConfig {
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // the static in-browser lab is public (it is the same bundle as the standalone lab)
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/lab/**").permitAll());
        // the lab is embedded in an iframe of our own pages
        http.headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return username -> users.findByUsername(username)
                .map(u -> User.withUsername(u.username()).password(u.passwordHash()).roles("USER").build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
