package org.hopfieldlab.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Globals;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a TLS-terminating reverse proxy ({@value TrustedProxies#SETTING}): Tomcat's {@link RemoteIpValve} with
 * exactly the configured proxies as its internal proxies, so a request from one of them gets its client address from
 * {@code X-Forwarded-For} (the rightmost entry that is not a trusted proxy: what the client wrote itself stays to the
 * left of what the proxy appended) and its scheme from {@code X-Forwarded-Proto} ({@code https}: isSecure, so the
 * session and guest cookies are Secure and HSTS is sent). From any other peer the headers change nothing. Nothing
 * configured (the default): no valve, as before. Spring Boot's own switch ({@code server.forward-headers-strategy})
 * stays off: it would trust every private-network address by default. With {@value #REQUIRE_HTTPS}{@code =true}, a
 * request the trusted proxy forwarded as plain http ({@code X-Forwarded-Proto: http}) is redirected to the same
 * address on https (port 443); requests that reach the server directly (a health probe) are left alone.
 */
@Component
public class ReverseProxy implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    public static final String REQUIRE_HTTPS = "hopfield.proxy.require-https";
    private final String cidrs;

    public ReverseProxy(@Value("${" + TrustedProxies.SETTING + ":}") String trusted) {
        this.cidrs = TrustedProxies.cidrs(trusted); // a bad value stops the start here, named (StartupFailures)
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (cidrs.isEmpty()) {
            return;
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(cidrs);
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setPortHeader("X-Forwarded-Port");
        factory.addEngineValves(valve);
    }

    @Bean
    FilterRegistrationBean<HttpsOnly> httpsOnly(@Value("${" + REQUIRE_HTTPS + ":false}") boolean required) {
        FilterRegistrationBean<HttpsOnly> r = new FilterRegistrationBean<>(new HttpsOnly());
        r.setEnabled(required && !cidrs.isEmpty());
        r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before Spring Security and Vaadin
        return r;
    }

    /** Plain http that came through a trusted proxy goes to https (301 for GET and HEAD, 308 keeps other methods). */
    static final class HttpsOnly extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            // the valve marks what came from a trusted proxy; the proxy said which scheme the browser used
            if (!req.isSecure() && Boolean.TRUE.equals(req.getAttribute(Globals.REQUEST_FORWARDED_ATTRIBUTE))
                    && req.getHeader("X-Forwarded-Proto") != null) {
                String query = req.getQueryString();
                boolean safe = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
                res.setStatus(safe ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
                res.setHeader("Location", "https://" + req.getServerName() + req.getRequestURI()
                        + (query == null ? "" : "?" + query));
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
