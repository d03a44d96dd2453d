package org.unmixer.app.spectrogram;

/**
 * Pixels without a toolkit: row-major {@code 0xAARRGGBB}, {@code argb[y·width + x]}, y = 0 at the top.
 * {@code FxImages} turns it into a JavaFX image; tests read it directly.
 */
public record ArgbImage(int[] argb, int width, int height) {
    public ArgbImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image must be at least 1×1, got " + width + "×" + height);
        }
        if (argb.length != (long) width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for a " + width + "×" + height + " image");
        }
    }

    /** The pixel at column {@code x}, row {@code y} (0 = top). */
    public int argb(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + ", " + y + ") outside " + width + "×" + height);
        }
        return argb[y * width + x];
    }
}
