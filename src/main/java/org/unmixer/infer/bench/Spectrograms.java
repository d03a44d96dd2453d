package org.unmixer.infer.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.spectral.LogMel;

/**
 * Log-mel spectrogram images for the report: time left to right, low mels at the bottom, a
 * grey-to-yellow ramp over a fixed 80 dB range below the image's peak, encoded as a PNG data URI
 * in memory (headless; nothing touches a display or a file).
 */
public final class Spectrograms {
    private static final double RANGE_NATS = 80 / (20 / Math.log(10)); // 80 dB of amplitude, in ln units

    private Spectrograms() {}

    public static BufferedImage image(AudioBuffer audio) {
        LogMel.Config d = LogMel.Config.DEFAULT;
        LogMel mel = new LogMel(new LogMel.Config(audio.sampleRate(), d.fftSize(), d.hop(), d.nMels(), d.fMinHz(),
                Math.min(d.fMaxHz(), audio.sampleRate() / 2.0), d.epsilon()));
        float[][] m = mel.compute(audio);
        int w = Math.max(1, m.length);
        int h = d.nMels();
        double peak = Double.NEGATIVE_INFINITY;
        for (float[] frame : m) {
            for (float v : frame) {
                peak = Math.max(peak, v);
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int t = 0; t < m.length; t++) {
            for (int k = 0; k < h; k++) {
                double x = Math.max(0, Math.min(1, 1 + (m[t][k] - peak) / RANGE_NATS));
                int r = (int) Math.round(255 * Math.min(1, 1.6 * x));
                int g = (int) Math.round(255 * x * x);
                int b = (int) Math.round(80 * (1 - x) + 40 * x);
                img.setRGB(t, h - 1 - k, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    public static String pngDataUri(AudioBuffer audio) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(audio), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory: does not happen
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
