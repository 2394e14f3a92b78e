package org.hopfieldlab.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr: trials done, rate and ETA; redrawn at most five times a second. */
final class ProgressBar {
    private final PrintStream err;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    synchronized void trialDone(int done, int total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        double secs = (now - start) / 1e9;
        double rate = done / Math.max(secs, 1e-9);
        long eta = Math.round((total - done) / Math.max(rate, 1e-9));
        int width = 30;
        int filled = (int) ((long) width * done / Math.max(1, total));
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        err.printf("\r[%s] %d/%d trials  %.1f trials/s  ETA %d:%02d ", bar, done, total, rate, eta / 60, eta % 60);
        if (done == total) {
            err.println();
        }
        err.flush();
    }
}
