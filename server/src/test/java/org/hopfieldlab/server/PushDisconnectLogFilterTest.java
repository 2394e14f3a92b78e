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
}
