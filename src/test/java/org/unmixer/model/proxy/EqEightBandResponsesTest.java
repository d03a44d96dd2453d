package org.unmixer.model.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unmixer.data.DatasetConfig;
import org.unmixer.data.PatchSampler;
import org.unmixer.params.Catalog;

class EqEightBandResponsesTest {
    private static final int RATE = 44_100;

    @Test
    void theDirectDftOfATwoTapAverageIsItsCosineResponse() {
        // h = [½, ½]: |H(f)| = |cos(π f / fs)|.
        float[] h = {0.5f, 0.5f};
        double[] hz = {0, 1000, 5000, 15_000};
        float[] log = EqEightBandResponses.logMagnitudes(h, hz, RATE);
        for (int j = 0; j < hz.length; j++) {
            assertThat((double) log[j]).isCloseTo(Math.log(Math.abs(Math.cos(Math.PI * hz[j] / RATE))), within(1e-5));
        }
        float[] nyquist = EqEightBandResponses.logMagnitudes(h, new double[] {RATE / 2.0}, RATE);
        assertThat((double) nyquist[0]).isCloseTo(EqEightBandResponses.LOG_FLOOR, within(1e-6));
    }

    @Test
    void aPairHoldsTheBandsConditioningValuesAndItsMeasuredResponse() {
        Catalog catalog = Catalog.standard();
        PatchSampler sampler = new PatchSampler(DatasetConfig.load(Path.of("assets/training/train-full.json"), catalog), catalog);
        ProxyConditioning conditioning = new ProxyConditioning(catalog.device("EQ Eight"));
        double[] hz = new double[64];
        for (int j = 0; j < hz.length; j++) {
            hz[j] = 20 * Math.pow(RATE / 40.0, j / 63.0);
        }
        EqEightBandResponses responses = new EqEightBandResponses(sampler, conditioning, hz, RATE, 5);
        List<List<Integer>> sections = conditioning.sections();
        int on = 0;
        int off = 0;
        for (int i = 0; i < 40; i++) {
            EqEightBandResponses.Pair p = responses.pair(i);
            assertThat(p.values()).hasSize(sections.get(0).size());
            assertThat(p.logGain()).hasSize(hz.length);
            double largest = 0;
            for (float v : p.logGain()) {
                largest = Math.max(largest, Math.abs(v));
            }
            if (largest < 1e-4) {
                off++;
            } else {
                on++;
            }
            // Deterministic per index.
            assertThat(responses.pair(i).logGain()).containsExactly(p.logGain());
        }
        // About a quarter off; an "on" band changes the response (sampled gains are rarely all ≈ 0 dB).
        assertThat(off).isBetween(3, 20);
        assertThat(on).isGreaterThan(20);
    }
}
