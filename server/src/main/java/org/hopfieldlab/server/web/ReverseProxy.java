package org.hopfieldlab.server.web;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Behind a TLS-terminating reverse proxy ({@value TrustedProxies#SETTING}): Tomcat's {@link RemoteIpValve} with
 * exactly the configured proxies as its internal proxies, so a request from one of them gets its client address from
 * {@code X-Forwarded-For} (the rightmost entry that is not a trusted proxy: what the client wrote itself stays to the
 * left of what the proxy appended) and its scheme from {@code X-Forwarded-Proto} ({@code https}: isSecure, so the
 * session and guest cookies are Secure and HSTS is sent). From any other peer the headers change nothing. Nothing
 * configured (the default): no valve, as before. Spring Boot's own switch ({@code server.forward-headers-strategy})
 * stays off: it would trust every private-network address by default.
 */
@Component
public class ReverseProxy implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
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
}
