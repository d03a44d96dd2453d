package org.unmixer.dsp.reverb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The tail network on its own: exact broadband decay and a lossless frozen loop. */
class FeedbackDelayNetworkTest {
    private static final double RATE = 44_100;
    private static final double[] DELAYS = {1301, 1607, 1811, 2003, 2297, 2591, 2903, 3209};

    private static float[][] impulseResponse(FdnControls c, int n) {
        double[] inL = new double[n];
        double[] inR = new double[n];
        inL[0] = 1;
        inR[0] = 1;
        double[] l = new double[n];
        double[] r = new double[n];
        FeedbackDelayNetwork.render(inL, inR, c, RATE, l, r);
        float[][] out = new float[2][n];
        for (int t = 0; t < n; t++) {
            out[0][t] = (float) l[t];
            out[1][t] = (float) r[t];
        }
        return out;
    }

    @Test
    void broadbandLoopDecaysInExactlyT60() {
        double t60 = 1.3;
        FdnControls c = FdnControls.design(DELAYS, 0.3, 0.6, LoopDamping.broadband(t60), 0, 1, RATE);
        float[][] ir = impulseResponse(c, (int) (1.6 * t60 * RATE));
        // every pole sits at radius 0.001^(1/(T·fs)); what is left is the EDC fit on a finite,
        // mode-beating response: 3 %
        assertThat(DecayMeasures.rt60Seconds(RATE, ir)).isCloseTo(t60, within(0.03 * t60));
    }

    @Test
    void frozenFlatLoopKeepsItsEnergy() {
        LoopDamping frozen = new LoopDamping(2, true, true, LoopDamping.High.SHELF, 3000, 0.3, true, 200, 0.3);
        FdnControls c = FdnControls.design(DELAYS, 0.3, 0.7, frozen, 0, 1, RATE);
        float[][] ir = impulseResponse(c, (int) (3 * RATE));
        int w = (int) (0.5 * RATE);
        double early = DecayMeasures.energyDb(ir[0], w, 2 * w) + 0;
        double late = DecayMeasures.energyDb(ir[0], 4 * w, 5 * w);
        // lossless loop (orthogonal mixing, all-passes, unit gains): only the output tap's
        // fluctuation over a 0.5 s window remains, well under 1 dB
        assertThat(late - early).isCloseTo(0, within(1.0));
    }

    @Test
    void loopFiltersNeverExceedUnitGain() {
        LoopDamping d = new LoopDamping(0.8, false, false, LoopDamping.High.LOW_PASS, 2000, 1, true, 300, 0.2);
        FdnControls c = FdnControls.design(DELAYS, 1.0, 0.96, d, 3, 2, RATE);
        for (var f : c.loopFilters()) {
            assertThat(f.isStable()).isTrue();
            for (double hz = 1; hz < RATE / 2; hz *= 1.2) {
                assertThat(f.magnitude(hz, RATE)).isLessThan(1);
            }
        }
    }
}
