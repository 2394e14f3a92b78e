package org.hopfieldlab.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the jobs Spark holds at once (started, not ended), for {@link SparkWindowTest}; registered through
 * {@code spark.extraListeners}. Spark posts a job's end before its result reaches the driver, so the count never
 * lags the driver's own.
 */
public final class JobCounter extends SparkListener {
    static final AtomicInteger ACTIVE = new AtomicInteger();
    static final AtomicInteger MAX = new AtomicInteger();
    static final AtomicInteger STARTED = new AtomicInteger();

    static void reset() {
        ACTIVE.set(0);
        MAX.set(0);
        STARTED.set(0);
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        STARTED.incrementAndGet();
        MAX.accumulateAndGet(ACTIVE.incrementAndGet(), Math::max);
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        ACTIVE.decrementAndGet();
    }
}
