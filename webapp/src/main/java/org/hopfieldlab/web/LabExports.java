package org.hopfieldlab.web;

import org.teavm.jso.JSExport;

/**
 * TeaVM entry point for the in-browser lab: every {@code @JSExport public static} method here becomes an export of
 * {@code hopfield.js} (ES module) and of {@code hopfield.wasm} (Wasm GC).
 *
 * <p>Exported methods must only take and return {@code int}, {@code double} and {@code String} (no {@code long}:
 * it becomes a BigInt in JS; no arrays or objects): pass structured data as String (e.g. JSON).
 */
public final class LabExports {
    private LabExports() {
    }

    /** Required by TeaVM as the entry point; the exports are what the page uses. */
    public static void main(String[] args) {
    }

    @JSExport
    public static String version() {
        return "hopfield-lab";
    }

    /** Smoke test for the build: the Node harness checks {@code addTest(1.5, 2.25) == 3.75} on JS and Wasm. */
    @JSExport
    public static double addTest(double a, double b) {
        return a + b;
    }
}
