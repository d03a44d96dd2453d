package org.unmixer.app.spectrogram;

import org.unmixer.audio.AudioBuffer;

/**
 * The waveform overview above the spectrograms: per pixel column the minimum and maximum of the
 * mono mix, original in grey with the rebuild drawn over it in translucent orange, on one time
 * axis (the longer sound's) and one amplitude scale (the louder sound's peak fills the height, so a
 * quiet sample is still readable and a level difference still shows). Pure; the window stretches
 * the picture to its strip.
 */
public final class WaveformOverview {
    static final int BACKGROUND = 0xFF1B1B1B;
    static final int ORIGINAL = 0xFF9A9A9A;
    /** Orange at about 60 % opacity, blended over what is below. */
    static final int REBUILD = 0x99FF8C1A;

    private WaveformOverview() {
    }

    /** @param rebuild may be null (before the first rebuild arrives) */
    public static ArgbImage of(AudioBuffer original, AudioBuffer rebuild, int width, int height) {
        if (width < 1 || height < 2) {
            throw new IllegalArgumentException("a waveform picture needs at least 1 × 2 pixels, got " + width + " × " + height);
        }
        int[] px = new int[width * height];
        java.util.Arrays.fill(px, BACKGROUND);
        double seconds = Math.max(original.seconds(), rebuild == null ? 0 : rebuild.seconds());
        float[] a = original.mixToMono();
        float[] b = rebuild == null ? null : rebuild.mixToMono();
        double peak = Math.max(peak(a), b == null ? 0 : peak(b));
        double gain = peak > 1e-9 ? 1 / peak : 1;
        draw(px, width, height, a, original.sampleRate(), seconds, gain, ORIGINAL);
        if (b != null) {
            draw(px, width, height, b, rebuild.sampleRate(), seconds, gain, REBUILD);
        }
        return new ArgbImage(px, width, height);
    }

    private static double peak(float[] samples) {
        double p = 0;
        for (float v : samples) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }

    private static void draw(int[] px, int width, int height, float[] samples, int rate, double seconds, double gain,
            int colour) {
        for (int x = 0; x < width; x++) {
            int from = (int) Math.floor(x * seconds / width * rate);
            int to = Math.min(samples.length, (int) Math.floor((x + 1) * seconds / width * rate));
            if (from >= to) {
                continue; // past the end of the shorter sound
            }
            float lo = Float.MAX_VALUE;
            float hi = -Float.MAX_VALUE;
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, samples[i]);
                hi = Math.max(hi, samples[i]);
            }
            int top = row(hi * gain, height);
            int bottom = row(lo * gain, height);
            for (int y = top; y <= bottom; y++) {
                px[y * width + x] = blend(colour, px[y * width + x]);
            }
        }
    }

    /** Row of an amplitude: +1 at the top, −1 at the bottom, clipped to the picture. */
    static int row(double amplitude, int height) {
        double a = Math.max(-1, Math.min(1, amplitude));
        return (int) Math.round((1 - a) / 2 * (height - 1));
    }

    /** Source-over blending of an ARGB colour onto an opaque pixel. */
    static int blend(int src, int dst) {
        int a = src >>> 24;
        if (a == 255) {
            return src;
        }
        int r = mix((src >> 16) & 0xFF, (dst >> 16) & 0xFF, a);
        int g = mix((src >> 8) & 0xFF, (dst >> 8) & 0xFF, a);
        int b = mix(src & 0xFF, dst & 0xFF, a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    private static int mix(int s, int d, int a) {
        return (s * a + d * (255 - a) + 127) / 255;
    }
}
