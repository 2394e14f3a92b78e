package org.hopfieldlab.sim.exercise;

/**
 * Bounds on what an exercise may hold and ask for. The work bound keeps grading a few seconds in the browser:
 * one work unit is one neuron-step of one memory-plus-overhead, {@code trials × steps × N × (P + 10)} for a run
 * (the "+ 10" is the noise draw and tanh per neuron, measured as ≈ 10 memories' worth of the O(N·P) products).
 * The reference 1000-step IDP run at N = 1024, P = 10 is 2.05·10⁷ units ≈ 37 ms in Wasm (Chromium),
 * ≈ 11 ms on the JVM; {@link #MAX_WORK} ≈ 120 such runs ≈ 4.5 s in Wasm, ≈ 1.4 s on the JVM. That is a rate model's
 * (classic, IDP, modern) step; the discrete model's asynchronous sweep costs several rate-model steps and is priced
 * at what it costs against one ({@link org.hopfieldlab.sim.run.StepCost#relativeToRateModel}, declared once in the
 * core for grading and sweeps alike): {@code × (3P + 20)/P} at T = 0.
 */
public final class ExerciseLimits {
    private ExerciseLimits() {
    }

    /** Exercise document format this core reads. */
    public static final int FORMAT = 1;
    /** Whole document, in characters. */
    public static final int MAX_DOCUMENT = 200_000;
    public static final int MAX_INSTRUCTIONS = 20_000;
    public static final int MAX_TITLE = 200;
    public static final int MAX_PROMPT = 4_000;
    public static final int MAX_HINT = 2_000;
    public static final int MAX_CHOICE_TEXT = 500;
    public static final int MAX_TASKS = 20;
    public static final int MAX_CHOICES = 12;
    /** Comparisons in one condition (all nested groups together). */
    public static final int MAX_COMPARISONS = 16;
    /** Nesting of JSON arrays/objects (checked before parsing, so a hostile document cannot exhaust the stack). */
    public static final int MAX_NESTING = 12;
    /** Work units one grading may cost (see the class comment). */
    public static final double MAX_WORK = 2.5e9;
    /** An answer (a number, a choice id, a spec or link), in characters: room for custom memories at large N. */
    public static final int MAX_ANSWER = 500_000;
}
