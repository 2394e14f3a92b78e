package org.hopfieldlab.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class GlyphFontTest {

    private static final String ALL = GlyphFont.LETTERS + GlyphFont.DIGITS;
    private static final int PIXELS = GlyphFont.SIZE * GlyphFont.SIZE;

    /** Renders a glyph as '#'/'.' rows so failure messages show the offending art. */
    private static String picture(double[] p) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < GlyphFont.SIZE; y++) {
            sb.append('\n');
            for (int x = 0; x < GlyphFont.SIZE; x++) {
                sb.append(p[y * GlyphFont.SIZE + x] > 0 ? '#' : '.');
            }
        }
        return sb.toString();
    }

    @Test
    void alphabetConstantsCoverExactlyTheSupportedCharacters() {
        assertEquals(10, GlyphFont.SIZE);
        assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZ", GlyphFont.LETTERS);
        assertEquals("0123456789", GlyphFont.DIGITS);
        for (char c = 0; c < 256; c++) {
            boolean expected = ALL.indexOf(c) >= 0;
            assertEquals(expected, GlyphFont.has(c), "has('" + c + "') (code " + (int) c + ")");
        }
    }

    @Test
    void everyGlyphIsTenByTenBipolar() {
        for (int i = 0; i < ALL.length(); i++) {
            char c = ALL.charAt(i);
            double[] p = GlyphFont.glyph(c, 1);
            assertNotNull(p);
            assertEquals(PIXELS, p.length, "length of glyph '" + c + "'");
            for (int k = 0; k < p.length; k++) {
                assertTrue(p[k] == 1.0 || p[k] == -1.0,
                        "glyph '" + c + "' pixel " + k + " is " + p[k] + ", expected +1 or -1");
            }
        }
    }

    @Test
    void glyphReturnsAFreshArrayEachCall() {
        double[] first = GlyphFont.glyph('A', 1);
        double[] second = GlyphFont.glyph('A', 1);
        assertNotSame(first, second);
        first[0] = 42.0;
        assertEquals(-1.0, GlyphFont.glyph('A', 1)[0], "caller mutation must not leak into the font");
    }

    @Test
    void inkFractionIsReasonable() {
        for (int i = 0; i < ALL.length(); i++) {
            char c = ALL.charAt(i);
            double[] p = GlyphFont.glyph(c, 1);
            int ink = 0;
            for (double v : p) {
                if (v > 0) {
                    ink++;
                }
            }
            double fraction = ink / (double) PIXELS;
            assertTrue(fraction >= 0.15 && fraction <= 0.60,
                    "ink fraction of '" + c + "' is " + fraction + picture(p));
        }
    }

    @Test
    void glyphsArePairwiseDistinct() {
        // Similar memories interfere in a Hopfield network, so insist on a real margin.
        int minDistance = Integer.MAX_VALUE;
        char minA = 0;
        char minB = 0;
        for (int i = 0; i < ALL.length(); i++) {
            double[] a = GlyphFont.glyph(ALL.charAt(i), 1);
            for (int j = i + 1; j < ALL.length(); j++) {
                double[] b = GlyphFont.glyph(ALL.charAt(j), 1);
                int d = 0;
                for (int k = 0; k < PIXELS; k++) {
                    if (a[k] != b[k]) {
                        d++;
                    }
                }
                if (d < minDistance) {
                    minDistance = d;
                    minA = ALL.charAt(i);
                    minB = ALL.charAt(j);
                }
            }
        }
        if (minDistance < 8) {
            fail("closest pair '" + minA + "' / '" + minB + "' differs in only " + minDistance
                    + " pixels (need >= 8)" + picture(GlyphFont.glyph(minA, 1))
                    + "\n" + picture(GlyphFont.glyph(minB, 1)));
        }
    }

    @Test
    void scaleThreeUpscalesEachPixelToABlock() {
        int scale = 3;
        int side = GlyphFont.SIZE * scale;
        for (int i = 0; i < ALL.length(); i++) {
            char c = ALL.charAt(i);
            double[] small = GlyphFont.glyph(c, 1);
            double[] big = GlyphFont.glyph(c, scale);
            assertEquals(900, big.length, "length of glyph '" + c + "' at scale 3");
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double expected = small[(y / scale) * GlyphFont.SIZE + x / scale];
                    assertEquals(expected, big[y * side + x],
                            "glyph '" + c + "' at scale 3, row " + y + " column " + x);
                }
            }
        }
    }

    @Test
    void rowZeroIsTheTop() {
        // 'T' is heavy at the top and 'L' at the bottom, so a vertically flipped layout would show.
        assertTrue(inkInRow(GlyphFont.glyph('T', 1), 1) > inkInRow(GlyphFont.glyph('T', 1), 8));
        assertTrue(inkInRow(GlyphFont.glyph('L', 1), 8) > inkInRow(GlyphFont.glyph('L', 1), 1));
    }

    private static int inkInRow(double[] p, int row) {
        int ink = 0;
        for (int x = 0; x < GlyphFont.SIZE; x++) {
            if (p[row * GlyphFont.SIZE + x] > 0) {
                ink++;
            }
        }
        return ink;
    }

    @Test
    void unknownCharacterIsRejectedWithItsName() {
        char[] bad = {'a', 'z', '!', ' ', '@', '[', '/', ':'};
        for (char c : bad) {
            assertFalse(GlyphFont.has(c));
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> GlyphFont.glyph(c, 1));
            assertEquals("no glyph for character '" + c + "'; available: A-Z and 0-9", e.getMessage());
        }
    }

    @Test
    void nonPositiveScaleIsRejectedWithItsValue() {
        int[] bad = {0, -1, -7, Integer.MIN_VALUE};
        for (int scale : bad) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> GlyphFont.glyph('A', scale));
            assertTrue(e.getMessage().contains(String.valueOf(scale)),
                    "message should name the scale " + scale + ": " + e.getMessage());
        }
    }

    @Test
    void absurdScaleIsRejectedRatherThanOverflowing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GlyphFont.glyph('A', Integer.MAX_VALUE));
        assertTrue(e.getMessage().contains(String.valueOf(Integer.MAX_VALUE)), e.getMessage());
    }
}
