package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails an end-to-end test class whose run made the in-process server log an ERROR (an exception a servlet threw,
 * a UI error, Flow's assertions under {@code -ea}), even when every step the browser checks passed. The appender is
 * put on the root logger before each test (Spring Boot resets Logback when it starts a context) and taken off, with
 * the verdict, after the class.
 */
final class ServerLogErrors implements BeforeEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ServerLogErrors.class);

    static final class Collector extends AppenderBase<ILoggingEvent> {
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                StringBuilder s = new StringBuilder(e.getLoggerName() + " [" + e.getThreadName() + "]: "
                        + e.getFormattedMessage());
                for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                    s.append("\n    ").append(t.getClassName()).append(": ").append(t.getMessage());
                    if (t.getStackTraceElementProxyArray().length > 0) {
                        s.append("\n      at ").append(t.getStackTraceElementProxyArray()[0].getSTEAsString());
                    }
                }
                errors.add(s.toString());
            }
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get(); // the class's store, which afterAll reads
        }
        return c.getStore(NS);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Collector collector = store(context).getOrComputeIfAbsent(Collector.class, k -> {
            Collector c = new Collector();
            c.setName("server-log-errors");
            c.start();
            return c;
        }, Collector.class);
        Logger root = root();
        if (root.getAppender(collector.getName()) != collector) {
            // a reset of Logback (a context starting) detached and stopped it
            collector.setContext(root.getLoggerContext());
            collector.start();
            root.addAppender(collector);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Collector collector = context.getStore(NS).remove(Collector.class, Collector.class);
        if (collector == null) {
            return;
        }
        root().detachAppender(collector);
        collector.stop();
        if (!collector.errors.isEmpty()) {
            fail("the server logged " + collector.errors.size() + " error(s) during " + context.getDisplayName()
                    + ":\n" + String.join("\n", collector.errors));
        }
    }
}
