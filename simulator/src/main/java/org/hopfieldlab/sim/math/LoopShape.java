package org.hopfieldlab.sim.math;

/**
 * Which shape the core's hot loops take on this runtime. Two shapes exist because the JVM and TeaVM's output want
 * opposite things: C2 vectorises simple one-element-per-iteration loops (tanh, the noise fill, the Euler update's
 * range reduction), while V8, running TeaVM's scalar Wasm and JS, is faster when independent elements are
 * interleaved in one iteration (tanh's long dependency chains side by side), when the ziggurat's rare path stays out
 * of the noise loop's registers, and without f64.min/max (which it compiles to branches).
 * Both shapes compute every element with exactly the same operations in the same order, so the bits are the same
 * (the golden-checksum tests run the core in both shapes on the JVM).
 *
 * <p>The JVM default is {@link #vectorLoops}; the browser's entry point picks {@link #scalarLoops} once, before any
 * run. One static boolean read per kernel call, never per element; the class has no static initializer, so TeaVM's
 * output makes no class-initialisation check when reading it.
 */
public final class LoopShape {
    private static boolean scalar;

    private LoopShape() {
    }

    /** Loops for a runtime that does not vectorise (TeaVM Wasm and JS in V8). */
    public static void scalarLoops() {
        scalar = true;
    }

    /** Loops C2 vectorises: the JVM default. */
    public static void vectorLoops() {
        scalar = false;
    }

    /** True when the scalar shape is chosen. */
    public static boolean scalar() {
        return scalar;
    }
}
