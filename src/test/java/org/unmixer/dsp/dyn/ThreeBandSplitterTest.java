package org.unmixer.dsp.dyn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.unmixer.dsp.effects.Spectrum;
import org.unmixer.dsp.filter.BiquadFilter;

class ThreeBandSplitterTest {
    private static final double FS = 44_100;
    private static final int LENGTH = 1 << 15;
    /** LR4 bands are 20·log10(1/2) = −6.02 dB at their crossover; 0.05 dB covers DFT truncation. */
    private static final double CROSSOVER_TOLERANCE_DB = 0.05;

    private static float[][] bands(double f1, double f2) {
        ThreeBandSplitter s = new ThreeBandSplitter(f1, f2, FS);
        float[] impulse = new float[LENGTH];
        impulse[0] = 1;
        float[][] out = new float[4][LENGTH];
        int block = 100; // odd block size on purpose: state must carry across calls
        double[] lo = new double[block];
        double[] mi = new double[block];
        double[] hi = new double[block];
        for (int start = 0; start < LENGTH; start += block) {
            int len = Math.min(block, LENGTH - start);
            s.process(impulse, start, len, lo, mi, hi, new double[3]);
            for (int i = 0; i < len; i++) {
                out[0][start + i] = (float) lo[i];
                out[1][start + i] = (float) mi[i];
                out[2][start + i] = (float) hi[i];
                out[3][start + i] = (float) (lo[i] + mi[i] + hi[i]);
            }
        }
        return out;
    }

    @Test
    void eachBandIsMinusSixDbAtItsCrossover() {
        float[][] b = bands(88.28, 2500);
        double minus6 = 20 * Math.log10(0.5);
        assertThat(Spectrum.magnitudeDb(b[0], 88.28, FS)).isCloseTo(minus6, offset(CROSSOVER_TOLERANCE_DB));
        assertThat(Spectrum.magnitudeDb(b[2], 2500, FS)).isCloseTo(minus6, offset(CROSSOVER_TOLERANCE_DB));
        // the mid band meets both: −6 dB at each crossover (the other side is ~0 dB there, within 0.1 dB)
        assertThat(Spectrum.magnitudeDb(b[1], 88.28, FS)).isCloseTo(minus6, offset(0.1));
        assertThat(Spectrum.magnitudeDb(b[1], 2500, FS)).isCloseTo(minus6, offset(0.1));
        // and each band is at least 24 dB down two octaves beyond its edge (LR4: 24 dB/oct)
        assertThat(Spectrum.magnitudeDb(b[0], 4 * 88.28, FS)).isLessThan(-40);
        assertThat(Spectrum.magnitudeDb(b[2], 2500 / 4.0, FS)).isLessThan(-40);
    }

    @Test
    void bandsSumToTheTwoCrossoverAllPasses() {
        float[][] b = bands(120, 2500);
        float[] impulse = new float[LENGTH];
        impulse[0] = 1;
        float[] expected = BiquadFilter.apply(impulse, LinkwitzRiley.allPass(120, FS), LinkwitzRiley.allPass(2500, FS));
        for (int n = 0; n < LENGTH; n++) {
            assertThat(b[3][n]).as("sample %d", n).isCloseTo(expected[n], offset(1e-6f));
        }
    }
}
