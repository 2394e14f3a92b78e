package org.hopfieldlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, which the CPU-time harnesses compare instead of wall clock: on a shared 2-core
 * machine another process's load stretches wall time but not the CPU time a single-threaded run spends.
 */
final class CpuClock {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private CpuClock() {
    }

    static double threadCpuMs() {
        return MX.getCurrentThreadCpuTime() / 1e6;
    }
}
