package org.unmixer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.data.RenderCheck.Reason;

class RenderCheckTest {
    private static final int RATE = 44_100;
    /** Floor −60 dBFS (peak 0.001), limit +6 dBFS (peak 1.995), effect threshold 0.05. */
    private static final RenderCheck CHECK = new RenderCheck(-60, 6, 0.05, 0);

    /** A 441 Hz sine (100 samples per period) of the given peak, 0.25 s. */
    private static AudioBuffer sine(double peak) {
        float[] s = new float[RATE / 4];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (peak * Math.sin(2 * Math.PI * i / 100.0));
        }
        return AudioBuffer.mono(s, RATE).withChannels(2);
    }

    @Test
    void nanIsRejectedFirst() {
        AudioBuffer a = sine(0.5);
        a.channel(1)[10] = Float.NaN;
        assertEquals(Optional.of(Reason.NOT_FINITE), CHECK.check(a, a, false));
        a.channel(1)[10] = Float.POSITIVE_INFINITY;
        assertEquals(Optional.of(Reason.NOT_FINITE), CHECK.check(a, a, false));
    }

    @Test
    void silenceAndNearSilenceAreRejected() {
        assertEquals(Optional.of(Reason.SILENT), CHECK.check(AudioBuffer.silence(2, 1000, RATE), null, false));
        // peak 0.0005 = −66.0 dBFS < −60
        assertEquals(Optional.of(Reason.SILENT), CHECK.check(sine(0.0005), null, false));
        // peak 0.002 = −54.0 dBFS ≥ −60
        assertEquals(Optional.empty(), CHECK.check(sine(0.002), null, false));
    }

    @Test
    void peaksAboveTheLimitAreRejected() {
        // 20·log10(2.5) = +7.96 dBFS > +6; 20·log10(1.9) = +5.58 dBFS passes (float output may exceed 0 dBFS)
        assertEquals(Optional.of(Reason.CLIPPED), CHECK.check(sine(2.5), null, false));
        assertEquals(Optional.empty(), CHECK.check(sine(1.9), null, false));
    }

    @Test
    void anEffectThatDidNothingIsRejected() {
        AudioBuffer dry = sine(0.5);
        assertEquals(Optional.of(Reason.NO_AUDIBLE_EFFECT), CHECK.check(dry.copy(), dry, true));
        // Without effects the same audio is fine: there is nothing to compare.
        assertEquals(Optional.empty(), CHECK.check(dry.copy(), dry, false));
    }

    @Test
    void anAudibleEffectPasses() {
        AudioBuffer dry = sine(0.5);
        AudioBuffer wet = dry.copy();
        for (float[] c : wet.channels()) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) Math.tanh(4 * c[i]); // strong saturation: harmonics the dry sine lacks
            }
        }
        assertEquals(Optional.empty(), CHECK.check(wet, dry, true));
    }

    @Test
    void anEffectThatChangesNothingInItsChainIsRejectedOnlyWhenEachEffectIsChecked() {
        var catalog = org.unmixer.params.Catalog.standard();
        var hot = catalog.device("Saturator").defaults().with(java.util.Map.of("Type", "Hard Curve", "Drive", 18.0));
        var flatEq = catalog.device("EQ Eight").defaults().with(java.util.Map.of("1 Filter On A", "Off", "2 Filter On A", "Off",
                "3 Filter On A", "Off", "4 Filter On A", "Off", "5 Filter On A", "Off", "6 Filter On A", "Off", "7 Filter On A", "Off",
                "8 Filter On A", "Off", "Output Gain", 0.0));
        AudioBuffer dry = sine(0.3);
        java.util.List<org.unmixer.params.DeviceSettings> chain = java.util.List.of(hot, flatEq);
        AudioBuffer wet = new org.unmixer.dsp.Chain(chain).render(dry);
        RenderCheck each = new RenderCheck(-60, 6, 0.05, 0.1);

        assertEquals(Optional.empty(), CHECK.checkEachEffect(chain, wet, dry)); // off: nothing checked
        assertEquals(Optional.of(Reason.INAUDIBLE_EFFECT), each.checkEachEffect(chain, wet, dry));
        java.util.List<org.unmixer.params.DeviceSettings> audible = java.util.List.of(hot);
        assertEquals(Optional.empty(), each.checkEachEffect(audible, new org.unmixer.dsp.Chain(audible).render(dry), dry));
    }
}
