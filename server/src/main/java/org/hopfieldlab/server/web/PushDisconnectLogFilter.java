package org.hopfieldlab.server.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A browser that goes away while the server pushes to it (a tab closed, a page left, a phone asleep while a sweep's
 * progress or a class's dashboard is pushed) makes Vaadin's push handler log "Exception in push connection" at ERROR
 * with a 30-line stack trace ("WebSocket session has been closed", "Request object no longer valid"). Nothing went
 * wrong: the page is gone and Vaadin cleans up after it. This filter turns exactly those into one DEBUG line, so an
 * operator's log keeps its ERRORs for real errors; any other push exception is logged as before.
 */
@Component
public class PushDisconnectLogFilter extends TurboFilter {
    static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(PushDisconnectLogFilter.class);

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !context.getTurboFilterList().contains(this)) {
            setName("push-disconnect");
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level == Level.ERROR && t != null && PUSH_HANDLER.equals(logger.getName()) && isDisconnect(t)) {
            LOG.debug("push connection to a browser that went away: {}", t.toString());
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /** The exceptions Tomcat and Atmosphere raise for a connection the browser has closed, and nothing else. */
    static boolean isDisconnect(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (t instanceof IllegalStateException) {
            return m.contains("WebSocket session has been closed") || m.contains("Request object no longer valid");
        }
        if (t instanceof IOException) {
            return m.contains("Connection remotely closed") || m.contains("Socket closed")
                    || m.contains("Broken pipe") || m.contains("Connection reset");
        }
        return false;
    }
}
