package org.hopfieldlab.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The static lab at its natural address: {@code /lab/} serves {@code /lab/index.html} (query string kept, so lab
 * share links work), and {@code /lab} redirects to {@code /lab/} so the page's relative paths resolve.
 */
@Configuration
public class LabPaths {
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> labIndex() {
        FilterRegistrationBean<OncePerRequestFilter> reg = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                String path = req.getRequestURI().substring(req.getContextPath().length());
                if (path.equals("/lab")) {
                    String q = req.getQueryString();
                    res.sendRedirect(req.getContextPath() + "/lab/" + (q == null ? "" : "?" + q));
                } else if (path.equals("/lab/")) {
                    req.getRequestDispatcher("/lab/index.html").forward(req, res);
                } else {
                    chain.doFilter(req, res);
                }
            }
        });
        reg.addUrlPatterns("/lab", "/lab/");
        reg.setName("labIndex");
        return reg;
    }
}
