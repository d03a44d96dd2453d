package org.unmixer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.params.Catalog;

class ThetaLayoutTest {
    private static final Catalog CATALOG = Catalog.standard();
    private final ThetaLayout layout = new ThetaLayout(CATALOG);

    /** Wavetable 32 + Saturator 18 + EQ Eight 43 + Multiband Dynamics 34 + Phaser-Flanger 20 + Reverb 31 = 178. */
    @Test
    void columnsAreSynthThenOneSlotPerEffect() {
        assertEquals(178, layout.width());
        assertEquals("Wavetable/Osc 1 On", layout.columns().get(0));
        assertEquals("Wavetable/Volume", layout.columns().get(31));
        assertEquals("Saturator/Drive", layout.columns().get(32));
        assertEquals("EQ Eight/Output Gain", layout.columns().get(50));
        assertEquals("Multiband Dynamics/Low-Mid Crossover", layout.columns().get(93));
        assertEquals("Phaser-Flanger/Mode", layout.columns().get(127));
        assertEquals("Reverb/Predelay", layout.columns().get(147));
        assertEquals("Reverb/Dry/Wet", layout.columns().get(177));
    }

    @Test
    void knownSourceThroughReverbThenSaturatorFillsOnlyThoseSlots() {
        var reverb = CATALOG.device("Reverb").defaults().with("Dry/Wet", 25.0); // θ 0.25 (linear 0..100 %)
        var sat = CATALOG.device("Saturator").defaults().with("Drive", 18.0); // θ (18 + 36) / 72 = 0.75
        Patch p = new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 0.1, 0.1, 1), Optional.empty(), List.of(reverb, sat));
        float[] theta = new float[178];
        int[] mask = new int[178];
        layout.fill(p, theta, mask);
        int ones = 0;
        for (int m : mask) {
            ones += m;
        }
        assertEquals(31 + 18, ones);
        assertEquals(0, mask[0]);
        assertEquals(1, mask[32]);
        assertEquals(0, mask[50]);
        assertEquals(1, mask[147]);
        assertEquals(0.75f, theta[32], 1e-6f);
        assertEquals(0.25f, theta[177], 1e-6f);
        assertEquals(0f, theta[0]);
        // effects vocabulary: Saturator 0, EQ Eight 1, Multiband Dynamics 2, Phaser-Flanger 3, Reverb 4
        assertArrayEquals(new int[] {4, 0, -1, -1, -1, -1, -1, -1},
                layout.chainIndices(p, PatchSampler.effectDevices(CATALOG)));
    }
}
