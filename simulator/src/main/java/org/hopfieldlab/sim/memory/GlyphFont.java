package org.hopfieldlab.sim.memory;

/**
 * A hand-drawn 10&times;10 bitmap font (A&ndash;Z, 0&ndash;9) whose glyphs serve as
 * memory patterns for the Hopfield network.
 *
 * <p>The art favours 2-pixel strokes and deliberately different silhouettes: in a
 * Hopfield network, patterns that overlap strongly interfere with each other, so
 * every pair of glyphs here differs in a good number of pixels (see GlyphFontTest).
 *
 * <p>Only plain String/char/array operations are used so the class compiles with TeaVM.
 */
public final class GlyphFont {

    /** Width and height of every glyph, in pixels, before scaling. */
    public static final int SIZE = 10;

    public static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public static final String DIGITS = "0123456789";

    private static final char INK_CHAR = '#';
    private static final char BACKGROUND_CHAR = '.';

    // Order must match glyphIndex(): LETTERS first, then DIGITS.
    // Kept as text so the glyphs can be read (and re-drawn) directly in the source.
    private static final String[][] ART = {
        { // A
            "..........",
            "...####...",
            "..######..",
            ".###..###.",
            ".##....##.",
            ".########.",
            ".########.",
            ".##....##.",
            ".##....##.",
            ".........."
        },
        { // B
            "..........",
            ".#######..",
            ".########.",
            ".##....##.",
            ".#######..",
            ".#######..",
            ".##....##.",
            ".########.",
            ".#######..",
            ".........."
        },
        { // C
            "..........",
            "...#####..",
            "..#######.",
            ".###......",
            ".##.......",
            ".##.......",
            ".###......",
            "..#######.",
            "...#####..",
            ".........."
        },
        { // D
            "..........",
            ".######...",
            ".#######..",
            ".##..###..",
            ".##...###.",
            ".##...###.",
            ".##..###..",
            ".#######..",
            ".######...",
            ".........."
        },
        { // E
            "..........",
            ".########.",
            ".########.",
            ".##.......",
            ".#####....",
            ".#####....",
            ".##.......",
            ".########.",
            ".########.",
            ".........."
        },
        { // F
            "..........",
            ".########.",
            ".########.",
            ".##.......",
            ".#####....",
            ".#####....",
            ".##.......",
            ".##.......",
            ".##.......",
            ".........."
        },
        { // G
            "..........",
            "...######.",
            "..#######.",
            ".###......",
            ".##.......",
            ".##..####.",
            ".###..###.",
            "..######..",
            "...####...",
            ".........."
        },
        { // H
            "..........",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".########.",
            ".########.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".........."
        },
        { // I
            "..........",
            "..######..",
            "..######..",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            "..######..",
            "..######..",
            ".........."
        },
        { // J
            "..........",
            "...######.",
            "...######.",
            ".......##.",
            ".......##.",
            ".......##.",
            ".##....##.",
            ".########.",
            "..######..",
            ".........."
        },
        { // K
            "..........",
            ".##...###.",
            ".##..###..",
            ".##.###...",
            ".#####....",
            ".#####....",
            ".##.###...",
            ".##..###..",
            ".##...###.",
            ".........."
        },
        { // L
            "..........",
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".##.......",
            ".########.",
            ".########.",
            ".........."
        },
        { // M
            "..........",
            ".###..###.",
            ".########.",
            ".########.",
            ".##.##.##.",
            ".##.##.##.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".........."
        },
        { // N
            "..........",
            ".###...##.",
            ".####..##.",
            ".##.##.##.",
            ".##..####.",
            ".##...###.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".........."
        },
        { // O
            "..........",
            "...####...",
            "..######..",
            ".###..###.",
            ".##....##.",
            ".##....##.",
            ".###..###.",
            "..######..",
            "...####...",
            ".........."
        },
        { // P
            "..........",
            ".#######..",
            ".########.",
            ".##....##.",
            ".##....##.",
            ".########.",
            ".#######..",
            ".##.......",
            ".##.......",
            ".........."
        },
        { // Q
            "..........",
            "..######..",
            ".########.",
            ".##....##.",
            ".##....##.",
            ".##.##.##.",
            ".##..####.",
            "..#######.",
            "......###.",
            ".........."
        },
        { // R
            "..........",
            ".#######..",
            ".########.",
            ".##....##.",
            ".##....##.",
            ".#######..",
            ".##..##...",
            ".##..###..",
            ".##...###.",
            ".........."
        },
        { // S
            "..........",
            "..######..",
            ".########.",
            ".##.......",
            ".######...",
            "...######.",
            ".......##.",
            ".########.",
            "..######..",
            ".........."
        },
        { // T
            "..........",
            ".########.",
            ".########.",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            ".........."
        },
        { // U
            "..........",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".########.",
            "..######..",
            ".........."
        },
        { // V
            "..........",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            "..##..##..",
            "..##..##..",
            "...####...",
            "....##....",
            ".........."
        },
        { // W
            "..........",
            ".##....##.",
            ".##....##.",
            ".##....##.",
            ".##.##.##.",
            ".##.##.##.",
            ".########.",
            ".###..###.",
            ".##....##.",
            ".........."
        },
        { // X
            "..........",
            ".##....##.",
            ".###..###.",
            "..######..",
            "...####...",
            "...####...",
            "..######..",
            ".###..###.",
            ".##....##.",
            ".........."
        },
        { // Y
            "..........",
            ".##....##.",
            ".###..###.",
            "..######..",
            "...####...",
            "....##....",
            "....##....",
            "....##....",
            "....##....",
            ".........."
        },
        { // Z
            "..........",
            ".########.",
            ".########.",
            "......###.",
            ".....###..",
            "....###...",
            "...###....",
            ".########.",
            ".########.",
            ".........."
        },
        { // 0
            "..........",
            "...####...",
            "..##..##..",
            ".##...###.",
            ".##..####.",
            ".####..##.",
            ".###...##.",
            "..##..##..",
            "...####...",
            ".........."
        },
        { // 1
            "..........",
            "....##....",
            "...###....",
            "..####....",
            "....##....",
            "....##....",
            "....##....",
            "...####...",
            "...####...",
            ".........."
        },
        { // 2
            "..........",
            "..######..",
            ".###..###.",
            ".##....##.",
            ".....###..",
            "...###....",
            "..###.....",
            ".########.",
            ".########.",
            ".........."
        },
        { // 3
            "..........",
            ".#######..",
            ".########.",
            ".......##.",
            "....####..",
            "....#####.",
            ".......##.",
            ".########.",
            ".#######..",
            ".........."
        },
        { // 4
            "..........",
            "....####..",
            "...#####..",
            "..###.##..",
            ".###..##..",
            ".########.",
            ".########.",
            "......##..",
            "......##..",
            ".........."
        },
        { // 5
            "..........",
            ".########.",
            ".########.",
            ".##.......",
            ".##.......",
            ".#######..",
            ".......##.",
            ".......##.",
            ".#######..",
            ".........."
        },
        { // 6
            "..........",
            "...####...",
            "..###.....",
            ".###......",
            ".#######..",
            ".########.",
            ".##....##.",
            ".########.",
            "..######..",
            ".........."
        },
        { // 7
            "..........",
            ".########.",
            ".########.",
            "......###.",
            ".....###..",
            "....###...",
            "...###....",
            "...##.....",
            "...##.....",
            ".........."
        },
        { // 8
            "..........",
            "..######..",
            ".##....##.",
            ".##....##.",
            "..######..",
            ".##....##.",
            ".##....##.",
            ".########.",
            "..######..",
            ".........."
        },
        { // 9
            "..........",
            "..######..",
            ".########.",
            ".##....##.",
            ".########.",
            "..#######.",
            ".......##.",
            ".......##.",
            ".#######..",
            ".........."
        }
    };

    // Parsed once up front so glyph() is just a lookup plus upscaling; a malformed
    // row fails class initialisation instead of silently producing a wrong pattern.
    private static final boolean[][] INK = parseArt();

    private GlyphFont() {
    }

    /** Returns true if a glyph exists for {@code c} (capital letters A-Z and digits 0-9). */
    public static boolean has(char c) {
        return glyphIndex(c) >= 0;
    }

    /**
     * Returns the glyph for {@code c} as a bipolar pattern of length (SIZE*scale)^2,
     * row-major with row 0 at the top: +1.0 for ink, -1.0 for background. Each glyph
     * pixel becomes a scale&times;scale block.
     *
     * @throws IllegalArgumentException if there is no glyph for {@code c} or scale &lt; 1
     */
    public static double[] glyph(char c, int scale) {
        int index = glyphIndex(c);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "no glyph for character '" + c + "'; available: A-Z and 0-9");
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        // Checked by division so an absurd scale is reported instead of overflowing into a bogus length.
        long longSide = (long) SIZE * scale;
        if (longSide > Integer.MAX_VALUE / longSide) {
            throw new IllegalArgumentException("scale too large: " + scale);
        }
        boolean[] ink = INK[index];
        int side = (int) longSide;
        double[] pattern = new double[side * side];
        for (int y = 0; y < side; y++) {
            int rowBase = (y / scale) * SIZE;
            int outBase = y * side;
            for (int x = 0; x < side; x++) {
                pattern[outBase + x] = ink[rowBase + x / scale] ? 1.0 : -1.0;
            }
        }
        return pattern;
    }

    private static int glyphIndex(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= '0' && c <= '9') {
            return LETTERS.length() + (c - '0');
        }
        return -1;
    }

    private static boolean[][] parseArt() {
        int count = LETTERS.length() + DIGITS.length();
        if (ART.length != count) {
            throw new IllegalStateException("expected " + count + " glyphs, found " + ART.length);
        }
        boolean[][] result = new boolean[count][];
        for (int g = 0; g < count; g++) {
            String[] rows = ART[g];
            if (rows.length != SIZE) {
                throw new IllegalStateException("glyph #" + g + " has " + rows.length + " rows");
            }
            boolean[] ink = new boolean[SIZE * SIZE];
            for (int y = 0; y < SIZE; y++) {
                String row = rows[y];
                if (row.length() != SIZE) {
                    throw new IllegalStateException("glyph #" + g + " row " + y + " has length " + row.length());
                }
                for (int x = 0; x < SIZE; x++) {
                    char ch = row.charAt(x);
                    if (ch != INK_CHAR && ch != BACKGROUND_CHAR) {
                        throw new IllegalStateException("glyph #" + g + " row " + y + " has bad character '" + ch + "'");
                    }
                    ink[y * SIZE + x] = ch == INK_CHAR;
                }
            }
            result[g] = ink;
        }
        return result;
    }
}
