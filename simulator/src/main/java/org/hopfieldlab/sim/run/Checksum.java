package org.hopfieldlab.sim.run;

/** A short fingerprint of a state vector's exact bits, for cross-runtime determinism checks. */
public final class Checksum {
    private Checksum() {
    }

    public static String of(double[] values) {
        int h = 0x811C9DC5;
        for (double v : values) {
            long bits = Double.doubleToRawLongBits(v);
            int lo = (int) bits;
            int hi = (int) (bits >>> 32);
            for (int k = 0; k < 4; k++) {
                h = (h ^ ((lo >>> (8 * k)) & 0xFF)) * 0x01000193;
            }
            for (int k = 0; k < 4; k++) {
                h = (h ^ ((hi >>> (8 * k)) & 0xFF)) * 0x01000193;
            }
        }
        String hex = Integer.toHexString(h);
        while (hex.length() < 8) {
            hex = "0" + hex;
        }
        return hex;
    }
}
