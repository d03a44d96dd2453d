package org.unmixer.dsp.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.filter.Svf.Mode;

class SvfCascadeTest {
    private static final double FS = 48_000;

    /**
     * State-space form vs Simper's form: the same linear recursion with the operations reordered,
     * so they differ by double rounding only (~1e-16 relative per step, growing slowly with Q).
     */
    private static final double AGREEMENT = 1e-9;

    @Test
    void cascadeEqualsTheSectionsRunOneAfterAnother() {
        SplittableRandom random = new SplittableRandom(3);
        double[] input = new double[8000];
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextDouble(-1, 1);
        }
        for (int sections = 1; sections <= 3; sections++) {
            for (Mode mode : Mode.values()) {
                Svf[] svf = new Svf[sections];
                for (int s = 0; s < sections; s++) {
                    svf[s] = Svf.design(mode, 300 * (s + 1), 0.6 + 3 * s, 6, FS);
                }
                double[] expected = input.clone();
                for (Svf s : svf) {
                    new SvfFilter(s).processInPlace(expected, 0, expected.length);
                }
                // in blocks of 32, as the voice runs it: the state must carry across calls
                double[] actual = input.clone();
                SvfCascade cascade = new SvfCascade(svf);
                for (int from = 0; from < actual.length; from += 32) {
                    cascade.processInPlace(actual, from, Math.min(actual.length, from + 32));
                }
                for (int i = 0; i < input.length; i++) {
                    assertThat(actual[i]).as("%d × %s at %d", sections, mode, i).isCloseTo(expected[i], within(AGREEMENT));
                }
            }
        }
    }
}
