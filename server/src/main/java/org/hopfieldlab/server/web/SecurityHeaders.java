package org.hopfieldlab.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hopfieldlab.server.security.SecurityConfig;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers on every response, set before anything else runs. Spring Security writes them too, but
 * some responses never pass its header writer (Vaadin's page for the login view, which Vaadin lets through
 * unauthenticated; container error pages), so they are set here first.
 */
@Configuration
public class SecurityHeaders {
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
        FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                // the lab gets a stricter policy of its own (no inline or eval'd script; LabCsp)
                String path = req.getRequestURI().substring(req.getContextPath().length());
                res.setHeader("Content-Security-Policy", LabCsp.isLab(path) ? LabCsp.POLICY : SecurityConfig.CSP);
                res.setHeader("Referrer-Policy", "same-origin");
                res.setHeader("X-Content-Type-Options", "nosniff");
                res.setHeader("X-Frame-Options", "SAMEORIGIN");
                chain.doFilter(req, res);
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        });
        reg.setOrder(Ordered.HIGHEST_PRECEDENCE);
        reg.addUrlPatterns("/*");
        reg.setName("securityHeaders");
        return reg;
    }
}
