package org.hopfieldlab.server.sweep;

import java.util.concurrent.CompletableFuture;
import org.hopfieldlab.batch.sweep.SweepJob;

/**
 * A sweep running in this server, whichever engine runs it (the local worker threads or a Spark child JVM): what the
 * sweep page shows while it runs, and how it is cancelled.
 */
public interface LiveSweep {
    SweepJob.State state();

    int cellsDone();

    int cellsTotal();

    long runsDone();

    long runsTotal();

    /** Runs per second since this server started running it (−0 while unknown). */
    double runsPerSecond();

    /** Estimated seconds left at the current rate, or −1 while unknown. */
    double etaSeconds();

    /** Completes with the final state. */
    CompletableFuture<SweepJob.State> completion();

    /** Stops the sweep; finished cells are kept. Returns at once. */
    void cancel();

    /** 'local' or 'spark MASTER', as stored in the sweep's engine column. */
    String engine();
}
