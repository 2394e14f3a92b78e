package org.hopfieldlab.server.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's own error page (a request refused before it reaches Spring: a header or request line over the limit, a
 * malformed %-escape, an unsupported HTTP version) is replaced by {@link PlainErrorReportValve}'s plain page. Runs
 * after Spring Boot's customizer, which puts a stock ErrorReportValve on the host; that one is taken out.
 */
@Component
public class PlainErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {
    private final long headerLimit;

    public PlainErrorPages(@Value("${server.max-http-request-header-size:8KB}") DataSize headerLimit) {
        this.headerLimit = headerLimit.toBytes();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve v : host.getPipeline().getValves()) {
                if (v instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(v);
                }
            }
            host.getPipeline().addValve(new PlainErrorReportValve(headerLimit));
            // the host adds a stock valve at start unless one of this class is already there
            if (host instanceof org.apache.catalina.core.StandardHost h) {
                h.setErrorReportValveClass(PlainErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
