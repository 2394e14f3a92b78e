package org.hopfieldlab.server.web;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Start-up failures an operator can fix, said plainly in the "APPLICATION FAILED TO START" report (and as one log
 * line): an unusable data folder, the embedded database being held by another running server, and a trusted-proxy
 * setting that cannot be read.
 */
public class StartupFailures implements FailureAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(StartupFailures.class);
    /** H2's "Database may be already in use". */
    static final int H2_LOCKED = 90020;

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        FailureAnalysis a = explain(failure);
        if (a != null) {
            LOG.error("Hopfield Lab cannot start: {}", a.getDescription());
        }
        return a;
    }

    /** What went wrong and what to do, for the failures an operator can fix; null for any other failure. */
    public static FailureAnalysis explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StartupChecks.DataDirectoryException d) {
                return new FailureAnalysis(d.getMessage() + " The embedded database lives there; without it "
                        + "nothing could be saved.", "Make the folder writable by the user running the server, or "
                        + "start with --hopfield.data-dir=<a writable folder>.", d);
            }
            if (t instanceof TrustedProxies.SettingException p) {
                return new FailureAnalysis(p.getMessage(), "Correct " + TrustedProxies.SETTING + " (the addresses "
                        + "of your reverse proxies as this server sees them), or leave it empty when no proxy is in "
                        + "front of the server.", p);
            }
            if (t instanceof SQLException s && (s.getErrorCode() == H2_LOCKED
                    || String.valueOf(s.getMessage()).contains("already in use"))) {
                String msg = "The database is in use by another process, most likely another Hopfield Lab server "
                        + "started with the same data folder (H2 allows one server per database file).";
                // the driver's own words (file paths, settings) go to the log with the cause, not onto the public page
                return new FailureAnalysis(msg,
                        "Stop the other server (it is the one answering on its port), or start this one with "
                        + "--hopfield.data-dir=<another folder>.", s);
            }
        }
        return null;
    }
}
