package org.hopfieldlab.server.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggerContextListener;
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
 * wrong: the page is gone and Vaadin cleans up after it. Atmosphere itself logs "Failed to cancel resource" at ERROR
 * when it closes such a WebSocket while Tomcat is still writing a push message to it (Tomcat refuses the close with
 * "The remote endpoint was in state [TEXT_FULL_WRITING]"; seen once in CI when a test page navigated away during a
 * push), or when Vaadin's handler meets the resource already gone; Atmosphere then goes on with its clean-up. This filter turns exactly those into one DEBUG line, so an operator's log keeps its ERRORs for real errors;
 * any other exception of these loggers is logged as before.
 */
@Component
public class PushDisconnectLogFilter extends TurboFilter {
    static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    static final String ATMOSPHERE_LIFECYCLE = "org.atmosphere.cpr.AsynchronousProcessor";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(PushDisconnectLogFilter.class);

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            installIn(context);
        }
    }

    /** Adds the filter, and adds it again after every reset of Logback (which clears turbo filters). */
    void installIn(LoggerContext context) {
        if (context.getTurboFilterList().contains(this)) {
            return;
        }
        setName("push-disconnect");
        context.addTurboFilter(this);
        start();
        context.addListener(new LoggerContextListener() {
            @Override
            public boolean isResetResistant() {
                return true;
            }

            @Override
            public void onReset(LoggerContext reset) {
                if (!reset.getTurboFilterList().contains(PushDisconnectLogFilter.this)) {
                    reset.addTurboFilter(PushDisconnectLogFilter.this);
                }
            }

            @Override
            public void onStart(LoggerContext started) {
            }

            @Override
            public void onStop(LoggerContext stopped) {
            }

            @Override
            public void onLevelChange(Logger changed, Level level) {
            }
        });
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR) {
            return FilterReply.NEUTRAL;
        }
        // logger.error(format, arg, throwable) reaches a turbo filter with the throwable still among the parameters
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                : null;
        if (thrown == null) {
            return FilterReply.NEUTRAL;
        }
        boolean quiet = PUSH_HANDLER.equals(logger.getName()) && isDisconnect(thrown)
                || ATMOSPHERE_LIFECYCLE.equals(logger.getName()) && format != null
                        && format.startsWith("Failed to cancel resource")
                        && (isCancelDuringWrite(thrown) || raisedOutsideThisApp(thrown));
        if (quiet) {
            LOG.debug("push connection to a browser that went away: {}", thrown.toString());
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    /**
     * Thrown by library code alone (Atmosphere, Vaadin, Tomcat), no frame of this application's in it or its causes:
     * Atmosphere winding up a resource whose browser has gone, e.g. Vaadin's handler finding the resource already
     * null (a NullPointerException in AbstractReflectorAtmosphereHandler, seen in the classroom's browser tests). An
     * exception from this application's own code reached on that path (a view's detach listener) is still an ERROR.
     */
    static boolean raisedOutsideThisApp(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (StackTraceElement f : c.getStackTrace()) {
                if (f.getClassName().startsWith("org.hopfieldlab.")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Tomcat refusing to close a WebSocket a push message is being written to, or the socket already closed. */
    static boolean isCancelDuringWrite(Throwable t) {
        return t instanceof IllegalStateException
                && String.valueOf(t.getMessage()).startsWith("The remote endpoint was in state [")
                || isDisconnect(t);
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
