package org.hopfieldlab.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When an end-to-end test fails, prints what the in-process server was doing at that moment — its request threads
 * that are busy (not idle in Tomcat's pool) and every thread blocked on a lock, with their stacks — and the machine's
 * load. A page that never finished loading is otherwise a bare timeout in a CI log; this says whether the server
 * was stuck (and where) or the machine was starved. No screenshot: a browser stuck in a page load would hold the
 * screenshot command as long again.
 */
final class FailureDiagnostics implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        StringBuilder out = new StringBuilder("\n=== diagnostics for the failed test " + test + " ===\n");
        out.append("load average: ").append(loadAverage()).append('\n');
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            if (busyRequestThread(t) || t.getThreadState() == Thread.State.BLOCKED) {
                out.append(format(t));
            }
        }
        System.out.println(out.append("=== end of diagnostics ===\n"));
    }

    /** A Tomcat request thread that is serving a request rather than waiting in the pool for one. */
    static boolean busyRequestThread(ThreadInfo t) {
        if (!t.getThreadName().startsWith("http-nio-") || !t.getThreadName().contains("exec-")) {
            return false;
        }
        return Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getClassName().endsWith("TaskQueue")
                && (f.getMethodName().equals("take") || f.getMethodName().equals("poll")));
    }

    private static String format(ThreadInfo t) {
        String lock = Optional.ofNullable(t.getLockName()).map(l -> " on " + l
                + (t.getLockOwnerName() == null ? "" : " held by " + t.getLockOwnerName())).orElse("");
        return "thread \"" + t.getThreadName() + "\" " + t.getThreadState() + lock + "\n"
                + Arrays.stream(t.getStackTrace()).limit(25).map(f -> "    at " + f).collect(Collectors.joining("\n"))
                + "\n";
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
