package org.unmixer.app.spectrogram;

/**
 * Colour tables for the spectrograms, our own anchor colours interpolated linearly in sRGB into a
 * {@value #SIZE}-entry table (odd, so t = 0.5 lands exactly on an entry: the neutral of a diverging
 * map).
 *
 * <ul>
 *   <li>{@link #LEVEL}: dark indigo → blue → teal → green → yellow, in the manner of viridis:
 *       lightness rises steadily from one end to the other (tested), so louder always looks
 *       brighter, and it stays readable in greyscale and for red–green colour blindness.
 *   <li>{@link #DIFFERENCE}: bright blue (rebuild quieter) → near-black neutral (equal) → bright
 *       orange (rebuild louder). The neutral is dark so that where the two agree the picture
 *       recedes into the window's dark background and only the differences stand out.
 * </ul>
 */
public enum Colormap {
    LEVEL(new double[] {0, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 1},
            new int[] {0x0D0A21, 0x2C1A5C, 0x3B3F8F, 0x2F6E98, 0x249A8A, 0x58C060, 0xB8DC3A, 0xFBEF5A}),
    DIFFERENCE(new double[] {0, 0.25, 0.5, 0.75, 1},
            new int[] {0x66C2FF, 0x2A5C8C, 0x1C1C1E, 0x8C3A2A, 0xFF8A50});

    /** Entries in the table. */
    public static final int SIZE = 257;

    private final int[] table = new int[SIZE];

    Colormap(double[] at, int[] rgb) {
        for (int i = 0; i < SIZE; i++) {
            double t = i / (double) (SIZE - 1);
            int j = 0;
            while (j < at.length - 2 && t > at[j + 1]) {
                j++;
            }
            double w = (t - at[j]) / (at[j + 1] - at[j]);
            table[i] = 0xFF000000 | mix(rgb[j], rgb[j + 1], w);
        }
    }

    /** Opaque ARGB colour at {@code t} ∈ [0, 1] (outside is taken as the nearer end). */
    public int argb(double t) {
        double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return table[(int) Math.round(c * (SIZE - 1))];
    }

    /** The centre colour, t = 0.5: "no difference" for {@link #DIFFERENCE}. */
    public int neutral() {
        return table[(SIZE - 1) / 2];
    }

    private static int mix(int p, int q, double w) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (p >> shift) & 0xFF;
            int b = (q >> shift) & 0xFF;
            out |= ((int) Math.round(a + w * (b - a))) << shift;
        }
        return out;
    }
}
