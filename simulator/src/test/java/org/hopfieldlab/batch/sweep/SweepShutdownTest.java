package org.hopfieldlab.batch.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown stops the workers with the jobs' stop flags, not {@code Thread.interrupt()}: a worker writing a finished
 * cell (on the server, a JDBC write into H2's file) finishes the write, a running trial stops within milliseconds,
 * and only a worker stuck past the grace period is interrupted.
 */
class SweepShutdownTest {
    @TempDir
    Path dir;

    /** Writes a cell to a file the way a database does: FileChannel writes, which an interrupt breaks off. */
    private static void slowFileWrite(Path file, CellResult r, long millis) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long end = System.nanoTime() + millis * 1_000_000L;
            byte[] line = ("cell " + r.cell() + "\n").getBytes();
            while (System.nanoTime() < end) {
                ch.write(ByteBuffer.wrap(line));
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shutdownWhileACellIsBeingWrittenKeepsItAndReturnsPromptly() throws Exception {
        SweepDefinition d = SweepEngineTest.small(1);
        Path file = dir.resolve("cells");
        List<Integer> stored = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch writing = new CountDownLatch(1);
        SweepScheduler s = new SweepScheduler(1);
        s.submit("a", d, new SweepListener() {
            @Override
            public void cellDone(SweepJob j, CellResult r) {
                writing.countDown();
                try {
                    slowFileWrite(file, r, 400);
                    stored.add(r.cell());
                } catch (RuntimeException e) {
                    failures.add(e);
                    throw e;
                }
            }
        });
        assertTrue(writing.await(30, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        s.close();
        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(failures.isEmpty(), "the write in progress was broken off: " + failures);
        assertTrue(!stored.isEmpty(), "the cell being written at shutdown was lost");
        assertTrue(secs < 2.0, "shutdown took " + secs + " s");
        // nothing runs after close: every cell the sweep finished was stored, and no more come
        int n = stored.size();
        Thread.sleep(300);
        assertEquals(n, stored.size());
    }

    @Test
    void shutdownDuringALongTrialReturnsWithinASecond() throws Exception {
        SweepDefinition d = new SweepDefinition(SweepPreemptionTest.huge(), List.of(SweepAxis.parse("noise=0,1")), 1,
                SeedPolicy.SAME);
        SweepScheduler s = new SweepScheduler(2);
        SweepJob job = s.submit("a", d, (j, r) -> { });
        SweepPreemptionTest.awaitRunning(job);
        Thread.sleep(500); // inside the step loop of both trials
        long t0 = System.nanoTime();
        s.close();
        double secs = (System.nanoTime() - t0) / 1e9;
        assertTrue(secs < 1.0, "shutdown took " + secs + " s");
        assertEquals(SweepJob.State.FAILED, job.completion().get(1, TimeUnit.SECONDS));
    }

    @Test
    void aWorkerStuckInAListenerIsInterruptedAfterTheGracePeriod() throws Exception {
        SweepDefinition d = SweepEngineTest.small(1);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        SweepScheduler s = new SweepScheduler(1);
        s.submit("a", d, new SweepListener() {
            @Override
            public void cellDone(SweepJob j, CellResult r) {
                stuck.countDown();
                try {
                    never.await(); // a write that hangs
                } catch (InterruptedException e) {
                    interrupted.add(true);
                }
            }
        });
        assertTrue(stuck.await(30, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        s.close(300);
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(List.of(true), interrupted);
        assertTrue(secs >= 0.25 && secs < 2.0, "shutdown took " + secs + " s");
    }
}
