package org.unmixer.audio.spectral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StftTest {
    /** Double FFT vs direct DFT of float input: agreement to rounding of ~N operations. */
    private static final double DFT_TOLERANCE = 1e-9;

    @Test
    void frameCountsFollowTorchConventions() {
        assertThat(Stft.hann(2048, 512).frames(44_100)).isEqualTo(1 + 44_100 / 512);
        Stft plain = new Stft(64, 16, Stft.Window.HANN, false);
        assertThat(plain.frames(64)).isEqualTo(1);
        assertThat(plain.frames(100)).isEqualTo(1 + (100 - 64) / 16);
        assertThat(plain.frames(10)).isEqualTo(1);
        assertThat(plain.bins()).isEqualTo(33);
    }

    @Test
    void magnitudesEqualADirectDft() {
        Random random = new Random(5);
        float[] x = new float[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int n = 64;
        Stft stft = new Stft(n, 48, Stft.Window.HANN, true);
        float[][] mag = stft.magnitude(x);
        assertThat(mag).hasNumberOfRows(stft.frames(x.length));
        for (int t = 0; t < mag.length; t++) {
            for (int k = 0; k <= n / 2; k++) {
                double re = 0, im = 0;
                for (int m = 0; m < n; m++) {
                    int i = t * 48 - n / 2 + m;
                    double v = i >= 0 && i < x.length ? x[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * m / n)) : 0;
                    re += v * Math.cos(2 * Math.PI * k * m / n);
                    im -= v * Math.sin(2 * Math.PI * k * m / n);
                }
                assertThat((double) mag[t][k]).isCloseTo(Math.hypot(re, im), offset(DFT_TOLERANCE * n + 1e-5 * Math.hypot(re, im)));
            }
        }
    }

    @Test
    void sineOnABinReadsQuarterNThroughHannAndHalfNThroughRectangle() {
        int n = 256;
        int bin = 10;
        float[] x = new float[4 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.cos(2 * Math.PI * bin * i / n);
        }
        float[] hann = Stft.hann(n, n / 4).magnitude(x)[8];
        assertThat((double) hann[bin]).isCloseTo(n / 4.0, offset(1e-3));
        assertThat((double) hann[bin - 1]).isCloseTo(n / 8.0, offset(1e-3)); // Hann's first neighbours
        assertThat((double) hann[bin + 2]).isCloseTo(0, offset(1e-3));
        float[] rect = new Stft(n, n, Stft.Window.RECTANGULAR, false).magnitude(x)[1];
        assertThat((double) rect[bin]).isCloseTo(n / 2.0, offset(1e-3));
        assertThat((double) rect[bin + 1]).isCloseTo(0, offset(1e-3));
    }

    @Test
    void centredFrameZeroSitsOnSampleZeroWithZeroPadding() {
        float[] x = new float[100];
        x[0] = 1;
        float[] frame0 = new Stft(32, 8, Stft.Window.RECTANGULAR, true).magnitude(x)[0];
        for (float v : frame0) {
            assertThat((double) v).isCloseTo(1.0, offset(1e-12)); // an impulse has a flat spectrum
        }
    }

    @Test
    void badSizesAreRejected() {
        assertThatThrownBy(() -> Stft.hann(63, 16)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("63");
        assertThatThrownBy(() -> Stft.hann(64, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hop");
    }
}
