package org.unmixer.dsp.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BiquadCascadeTest {
    private static final double RATE = 44_100;

    /** Different filter structures (TDF-II vs DF-I) agree to double rounding, amplified by high-Q poles. */
    private static final double STRUCTURE_ROUNDING = 1e-10;

    private static final List<Biquad> SECTIONS = List.of(Biquads.highPass(40, 0.9, RATE),
            Biquads.peak(9, 900, 4, RATE), Biquads.lowShelf(-6, 150, 0.7, RATE), Biquads.highShelf(5, 8000, 0.7, RATE),
            Biquads.lowPass(15_000, 2.5, RATE));

    private static double[] noise(long seed, int n) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian() * 0.3;
        }
        return x;
    }

    private static double[] reference(double[] x) {
        BiquadFilter f = new BiquadFilter(SECTIONS.toArray(new Biquad[0]));
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = f.process(x[i]);
        }
        return y;
    }

    @Test
    void oneChannelMatchesBiquadFilter() {
        double[] x = noise(1, 5000);
        double[] expected = reference(x);
        BiquadCascade.filterInPlace(x, x.length, SECTIONS);
        for (int i = 0; i < x.length; i++) {
            assertThat(x[i]).isCloseTo(expected[i], within(STRUCTURE_ROUNDING));
        }
    }

    @Test
    void channelPairsAndAnOddChannelMatchBiquadFilterAcrossBlocks() {
        int n = 5000; // several 1024-sample blocks and a partial one
        double[][] xs = {noise(2, n), noise(3, n), noise(4, n)};
        double[][] expected = {reference(xs[0]), reference(xs[1]), reference(xs[2])};
        BiquadCascade.filterInPlace(xs, n, SECTIONS);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < n; i++) {
                assertThat(xs[c][i]).as("channel %d sample %d", c, i).isCloseTo(expected[c][i], within(STRUCTURE_ROUNDING));
            }
        }
    }

    @Test
    void inverseUndoesASection() {
        Biquad bell = Biquads.peak(12, 2000, 0.5, RATE);
        Biquad shelf = Biquads.lowShelf(-20, 200, 0.7071, RATE);
        double[] x = noise(5, 3000);
        double[] y = x.clone();
        BiquadCascade.filterInPlace(y, y.length, List.of(bell, shelf, BiquadCascade.inverse(shelf), BiquadCascade.inverse(bell)));
        for (int i = 0; i < x.length; i++) {
            assertThat(y[i]).isCloseTo(x[i], within(1e-12));
        }
        assertThat(BiquadCascade.inverse(bell).isStable()).isTrue();
    }
}
