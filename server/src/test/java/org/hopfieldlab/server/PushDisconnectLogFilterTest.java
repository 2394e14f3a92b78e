package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import org.hopfieldlab.server.web.PushDisconnectLogFilter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A browser that went away while the server pushed to it is no ERROR with a stack trace in the log; every other
 * exception of the push handler, and the same exceptions from other loggers, still are.
 */
class PushDisconnectLogFilterTest {
    static final String PUSH = "com.vaadin.flow.server.communication.PushAtmosphereHandler";
    static final String LIFECYCLE = "org.atmosphere.cpr.AsynchronousProcessor";

    @Test
    void onlyTheBrowserGoingAwayIsQuietened() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PushDisconnectLogFilter filter = new PushDisconnectLogFilter();
        Method install = PushDisconnectLogFilter.class.getDeclaredMethod("install");
        install.setAccessible(true);
        install.invoke(filter);
        Logger push = context.getLogger(PUSH);
        Logger other = context.getLogger("org.hopfieldlab.server.SomethingElse");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        push.addAppender(seen);
        other.addAppender(seen);
        try {
            push.error("Exception in push connection", new IllegalStateException(
                    "Message will not be sent because the WebSocket session has been closed"));
            push.error("Exception in push connection", new IllegalStateException(
                    "Request object no longer valid. This object has been cancelled"));
            push.error("Exception in push connection", new IOException("Connection remotely closed for 2798e7d3"));
            assertEquals(List.of(), seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList(),
                    "a closed tab is no error");
            push.error("Exception in push connection", new NullPointerException("a real bug"));
            push.error("Exception in push connection", new IllegalStateException("something else"));
            other.error("elsewhere", new IllegalStateException("WebSocket session has been closed"));
            assertEquals(3, seen.list.size(), "every other error is still logged");
        } finally {
            push.detachAppender(seen);
            other.detachAppender(seen);
            context.getTurboFilterList().remove(filter);
        }
    }

    /**
     * Atmosphere's own "Failed to cancel resource" when Tomcat refuses to close a WebSocket mid-write (CI saw it once,
     * as a test page left during a push), logged the way Atmosphere logs it: error(format, uuid, throwable).
     */
    @Test
    void atmosphereCancellingAWebSocketMidWriteIsQuietened() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PushDisconnectLogFilter filter = new PushDisconnectLogFilter();
        Method install = PushDisconnectLogFilter.class.getDeclaredMethod("install");
        install.setAccessible(true);
        install.invoke(filter);
        Logger lifecycle = context.getLogger(LIFECYCLE);
        Logger push = context.getLogger(PUSH);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        lifecycle.addAppender(seen);
        push.addAppender(seen);
        try {
            lifecycle.error("Failed to cancel resource: {}", "db1a4002", new IllegalStateException(
                    "The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid state for called method"));
            push.error("Exception in push connection: {}", "db1a4002",
                    new IOException("Connection remotely closed for db1a4002"));
            assertEquals(List.of(), seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList(),
                    "a WebSocket closed mid-write is no error");
            lifecycle.error("Failed to cancel resource: {}", "49580827", thrownAt(new NullPointerException(
                    "Cannot invoke \"org.atmosphere.cpr.AtmosphereResource.getResponse()\" because \"resource\" is null"),
                    "org.atmosphere.handler.AbstractReflectorAtmosphereHandler",
                    "com.vaadin.flow.server.communication.PushAtmosphereHandler",
                    "org.atmosphere.cpr.AsynchronousProcessor"));
            assertEquals(List.of(), seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList(),
                    "Atmosphere's own clean-up of a gone browser is no error");
            lifecycle.error("Failed to cancel resource: {}", "db1a4002", thrownAt(new NullPointerException("a real bug"),
                    "org.hopfieldlab.server.ui.ClassView", "com.vaadin.flow.server.communication.PushAtmosphereHandler",
                    "org.atmosphere.cpr.AsynchronousProcessor"));
            lifecycle.error("Something else: {}", "db1a4002", new IllegalStateException(
                    "The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid state for called method"));
            lifecycle.error("Failed to cancel resource: {}", "db1a4002");
            push.error("Exception in push connection: {}", "db1a4002", new IllegalStateException("something else"));
            assertEquals(4, seen.list.size(), "every other error is still logged");
        } finally {
            lifecycle.detachAppender(seen);
            push.detachAppender(seen);
            context.getTurboFilterList().remove(filter);
        }
    }

    /** Spring Boot can reset Logback when another application context starts; the filter must outlive that. */
    @Test
    void theFilterOutlivesAResetOfLogback() throws Exception {
        LoggerContext context = new LoggerContext();
        PushDisconnectLogFilter filter = new PushDisconnectLogFilter();
        Method install = PushDisconnectLogFilter.class.getDeclaredMethod("installIn", LoggerContext.class);
        install.setAccessible(true);
        install.invoke(filter, context);
        install.invoke(filter, context);
        assertEquals(List.of(filter), List.copyOf(context.getTurboFilterList()), "installed once");
        context.reset();
        assertEquals(List.of(filter), List.copyOf(context.getTurboFilterList()), "still there after a reset");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        context.getLogger(LIFECYCLE).addAppender(seen);
        context.getLogger(LIFECYCLE).error("Failed to cancel resource: {}", "x", new IllegalStateException(
                "The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid state for called method"));
        assertEquals(0, seen.list.size(), "and still quietens a closed WebSocket");
    }

    /** The exception as if thrown in these classes (top frame first). */
    static <T extends Throwable> T thrownAt(T t, String... classes) {
        StackTraceElement[] frames = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            frames[i] = new StackTraceElement(classes[i], "m", classes[i] + ".java", 1);
        }
        t.setStackTrace(frames);
        return t;
    }
}
