package org.hopfieldlab.sim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.hopfieldlab.sim.math.SeededRandom;
import org.junit.jupiter.api.Test;

class ChecksumTest {

    /** 32-bit FNV-1a over the little-endian IEEE bytes of each double (independent of Checksum's bit twiddling). */
    private static String fnv1a(double[] values) {
        ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buf.putLong(Double.doubleToRawLongBits(v));
        }
        long h = 0x811C9DC5L;
        for (byte b : buf.array()) {
            h ^= b & 0xFF;
            h = (h * 0x01000193L) & 0xFFFFFFFFL;
        }
        return String.format("%08x", h);
    }

    @Test
    void isFnv1aOverTheRawBits() {
        SeededRandom r = new SeededRandom(1);
        for (int len = 0; len < 40; len++) {
            double[] x = new double[len];
            for (int i = 0; i < len; i++) {
                x[i] = r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
            }
            assertEquals(fnv1a(x), Checksum.of(x));
        }
        // empty input: the FNV offset basis
        assertEquals("811c9dc5", Checksum.of(new double[0]));
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE};
        assertEquals(fnv1a(special), Checksum.of(special));
    }

    @Test
    void distinguishesSignOfZeroAndOrder() {
        assertNotEquals(Checksum.of(new double[] {0.0}), Checksum.of(new double[] {-0.0}));
        assertNotEquals(Checksum.of(new double[] {1, 2}), Checksum.of(new double[] {2, 1}));
        assertNotEquals(Checksum.of(new double[] {1.0}), Checksum.of(new double[] {Math.nextUp(1.0)}));
    }
}
