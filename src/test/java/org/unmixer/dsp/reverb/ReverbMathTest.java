package org.unmixer.dsp.reverb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.unmixer.dsp.filter.Biquad;

/** Closed-form checks of the small maths the reverb is built from. */
class ReverbMathTest {
    private static final double RATE = 48_000;
    /** Double rounding over a handful of operations. */
    private static final double EXACT = 1e-12;
    /** Magnitudes from Biquad.magnitude go through cos/sin/sqrt: a little more than EXACT. */
    private static final double NEAR = 1e-9;

    @Test
    void loopGainReachesMinus60DbAfterT60() {
        // a loop as long as T60 loses exactly 60 dB per pass
        assertThat(DecayMath.loopGain(2.0 * RATE, 2.0, RATE)).isCloseTo(0.001, within(EXACT));
        // per-sample gain to the power of T·fs is the same thing
        assertThat(Math.pow(DecayMath.loopGain(1, 2.0, RATE), 2.0 * RATE)).isCloseTo(0.001, within(1e-9));
        assertThat(DecayMath.loopGain(1000, Double.POSITIVE_INFINITY, RATE)).isEqualTo(1);
        assertThat(DecayMath.t60Seconds(1000, DecayMath.loopGain(1000, 3.3, RATE), RATE)).isCloseTo(3.3, within(NEAR));
    }

    @Test
    void bandGainTurnsTheBroadbandGainIntoTheBandsGain() {
        double d = 2345;
        double t = 1.7;
        double ratio = 0.4;
        double product = DecayMath.loopGain(d, t, RATE) * DecayMath.bandGain(d, t, ratio, RATE);
        assertThat(product).isCloseTo(DecayMath.loopGain(d, ratio * t, RATE), within(EXACT));
        assertThat(DecayMath.bandGain(d, t, 1, RATE)).isEqualTo(1);
    }

    @Test
    void firstOrderShelvesHaveTheirPlateausAndTheirCornerGain() {
        double g = 0.3;
        Biquad low = LoopFilters.lowShelf(g, 500, RATE);
        Biquad high = LoopFilters.highShelf(g, 5000, RATE);
        assertThat(low.magnitude(0, RATE)).isCloseTo(g, within(NEAR));
        assertThat(low.magnitude(RATE / 2, RATE)).isCloseTo(1, within(NEAR));
        assertThat(low.magnitude(500, RATE)).isCloseTo(Math.sqrt((1 + g * g) / 2), within(NEAR));
        assertThat(high.magnitude(0, RATE)).isCloseTo(1, within(NEAR));
        assertThat(high.magnitude(RATE / 2, RATE)).isCloseTo(g, within(NEAR));
        assertThat(high.magnitude(5000, RATE)).isCloseTo(Math.sqrt((1 + g * g) / 2), within(NEAR));
        assertThat(low.isStable()).isTrue();
        assertThat(high.isStable()).isTrue();
    }

    @Test
    void shelvesNeverBoostAnywhere() {
        Biquad low = LoopFilters.lowShelf(0.5, 200, RATE);
        Biquad high = LoopFilters.highShelf(0.5, 3000, RATE);
        for (double hz = 1; hz < RATE / 2; hz *= 1.1) {
            assertThat(low.magnitude(hz, RATE)).isLessThanOrEqualTo(1 + NEAR);
            assertThat(high.magnitude(hz, RATE)).isLessThanOrEqualTo(1 + NEAR);
        }
    }

    @Test
    void productOfSectionsMultipliesTheirResponses() {
        Biquad p = LoopFilters.scaled(LoopFilters.highShelf(0.6, 4000, RATE), 0.9);
        Biquad q = LoopFilters.lowShelf(0.25, 150, RATE);
        Biquad pq = LoopFilters.product(p, q);
        for (double hz : new double[] {20, 150, 1000, 4000, 15000}) {
            assertThat(pq.magnitude(hz, RATE)).isCloseTo(p.magnitude(hz, RATE) * q.magnitude(hz, RATE), within(NEAR));
        }
        assertThat(pq.isStable()).isTrue();
    }

    @Test
    void distinctPrimesAreDistinctPrimesAtOrAboveTheTargets() {
        int[] p = Primes.distinct(new double[] {100, 100, 101, 7.2, 1});
        assertThat(p).containsExactly(101, 103, 107, 7, 2);
        assertThat(Primes.isPrime(7919)).isTrue();
        assertThat(Primes.isPrime(7917)).isFalse();
    }

    @Test
    void allPassDiffuserHasTheSchroederImpulseResponseAndKeepsEnergy() {
        int m = 5;
        double g = 0.6;
        double[] x = new double[4000];
        x[0] = 1;
        AllPassDiffuser.processInPlace(x, m, g);
        // h[0] = −g, h[m] = 1 − g², h[2m] = g(1 − g²), zero elsewhere before 3m
        assertThat(x[0]).isCloseTo(-g, within(EXACT));
        assertThat(x[m]).isCloseTo(1 - g * g, within(EXACT));
        assertThat(x[2 * m]).isCloseTo(g * (1 - g * g), within(EXACT));
        assertThat(x[1]).isZero();
        double energy = 0;
        for (double v : x) {
            energy += v * v;
        }
        // all-pass: the impulse response has unit energy (g^(2·800) of it is cut off here)
        assertThat(energy).isCloseTo(1, within(1e-9));
    }

    @Test
    void allPassDiffuserInBlocksEqualsTheSampleBySampleRecursion() {
        int m = 210; // long enough for the blocked path
        double g = 0.625;
        int from = 7;
        int count = 2990;
        double[] x = new double[from + count + 3];
        java.util.Random rnd = new java.util.Random(7);
        for (int t = 0; t < x.length; t++) {
            x[t] = rnd.nextGaussian();
        }
        double[] expected = x.clone();
        double[] w = new double[count + m];
        for (int t = 0; t < count; t++) { // w[t] = x[t] + g·w[t−m], y[t] = w[t−m] − g·w[t]
            double delayed = w[t];
            double wt = expected[from + t] + g * delayed;
            w[t + m] = wt;
            expected[from + t] = delayed - g * wt;
        }
        AllPassDiffuser.processInPlace(x, from, count, m, g);
        // the same operations in the same order: equal to the last bit, outside the range untouched
        assertThat(x).containsExactly(expected);
    }
}
