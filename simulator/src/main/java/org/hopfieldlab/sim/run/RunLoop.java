package org.hopfieldlab.sim.run;

/**
 * The one run loop every front end uses (lab, CLI, server, batch): it advances a {@link Simulation} — whose stepper
 * switches the input at its {@link InputEvents} — and stops at every sample point to tell its {@link StepHandler}s:
 * step 0, every multiple of {@code interval}, every input-window boundary and the last step. It can be driven in
 * slices ({@link #runTo}) and stopped from outside: the {@link StopSignal} is asked at least every
 * {@link #STOP_CHECK_STEPS} steps. A divergence ends the run: handlers get {@code finish(sim, message)}.
 */
public final class RunLoop {
    /** How often (in steps) the stop signal is asked: at N = 4096, P = 64 that is well under a millisecond. */
    public static final int STOP_CHECK_STEPS = 16;

    private final Simulation sim;
    private final SamplePoints points;
    private final StopSignal stop;
    private final StepHandler[] handlers;
    private boolean started;
    private boolean ended;
    private String divergence;

    /**
     * @param interval sample every {@code interval} steps (≥ 1), besides window boundaries and the last step
     * @param stop asked every few steps, or null
     */
    public RunLoop(Simulation sim, int interval, StopSignal stop, StepHandler... handlers) {
        this.sim = sim;
        this.points = new SamplePoints(sim.spec(), interval);
        this.stop = stop;
        this.handlers = handlers;
    }

    public Simulation simulation() {
        return sim;
    }

    public int interval() {
        return points.interval();
    }

    /** The divergence message once the run blew up, else null. */
    public String divergence() {
        return divergence;
    }

    /** Whether the run is over (last step reached or diverged). */
    public boolean ended() {
        return ended;
    }

    /** Runs to the end; returns the steps done. */
    public int runToEnd() {
        return runTo(sim.totalSteps());
    }

    /** Runs up to {@code maxSteps} more steps; returns the steps done. */
    public int run(int maxSteps) {
        int left = sim.totalSteps() - sim.step();
        return runTo(sim.step() + Math.min(Math.max(0, maxSteps), left));
    }

    /**
     * Runs to step {@code target} (capped at the end), telling the handlers at every sample point on the way (and at
     * step 0 on the first call). Returns the steps done; after a divergence it returns at once (see
     * {@link #divergence}). Throws {@link RunStoppedException} when the stop signal asks to stop.
     */
    public int runTo(int target) {
        if (!started) {
            started = true;
            notifyStep();
            endIfLast();
        }
        int end = Math.min(target, sim.totalSteps());
        int done = 0;
        while (!ended && sim.step() < end) {
            int step = sim.step();
            int chunkEnd = Math.min(end, points.nextAfter(step));
            if (stop != null) {
                if (stop.stopRequested()) {
                    throw new RunStoppedException(step);
                }
                chunkEnd = Math.min(chunkEnd, step + STOP_CHECK_STEPS);
            }
            try {
                done += sim.advance(chunkEnd - step);
            } catch (DivergenceException e) {
                ended = true;
                divergence = e.getMessage();
                for (StepHandler h : handlers) {
                    h.finish(sim, divergence);
                }
                break;
            }
            if (sim.step() == points.nextAfter(step)) {
                notifyStep();
                endIfLast();
            }
        }
        return done;
    }

    private void notifyStep() {
        for (StepHandler h : handlers) {
            h.handleStep(sim);
        }
    }

    private void endIfLast() {
        if (sim.step() >= sim.totalSteps()) {
            ended = true;
            for (StepHandler h : handlers) {
                h.finish(sim, null);
            }
        }
    }
}
