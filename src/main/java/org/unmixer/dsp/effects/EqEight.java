package org.unmixer.dsp.effects;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.dsp.filter.BiquadCascade;
import org.unmixer.params.DeviceSettings;

/**
 * Live's EQ Eight in Stereo mode, set A (manual §26.15; dsp-reference.md §3). Eight bands in
 * series, each an RBJ cookbook design ({@link Biquads}; same magnitude as the Cytomic SVF Live uses
 * for static settings, §3.3), then Output Gain.
 *
 * <ul>
 *   <li>12 dB cuts: one second-order high/low-pass with the band's Q (0.71 = Butterworth).</li>
 *   <li>48 dB cuts: four second-order sections with the 8th-order Butterworth Qs
 *       1/(2·cos((2k−1)π/16)) = 0.5098, 0.6013, 0.9000, 2.5629, each multiplied by Q/0.7071, so Q
 *       0.71 gives the exact Butterworth response and a higher Q a resonant one [INF; how Live
 *       applies Q to these cuts is UNV].</li>
 *   <li>Bell, shelves: gain = band Gain × Scale/100. Notch: the cookbook notch with the band's Q.</li>
 *   <li>Adaptive Q (Bell bands): Q·(1 + {@value #ADAPTIVE_Q_STRENGTH}·|gain|/15) — the placeholder
 *       law of §3.3 [UNV].</li>
 * </ul>
 *
 * Not modelled: L/R and M/S modes and set B, the 2× Oversampling option (bells near Nyquist are
 * cramped, §3.3), Audition.
 */
public final class EqEight implements Effect {
    /** Adaptive Q growth per 15 dB of |gain| [UNV placeholder, dsp-reference.md §3.3]. */
    public static final double ADAPTIVE_Q_STRENGTH = 1.0;

    /** Number of bands. */
    public static final int BANDS = 8;

    @Override
    public String deviceName() {
        return "EQ Eight";
    }

    @Override
    public AudioBuffer render(AudioBuffer input, DeviceSettings settings) {
        return render(input, controls(settings, input.sampleRate()));
    }

    /** Controls from an EQ Eight setting (display units, as the catalog defines them). */
    public static EqEightControls controls(DeviceSettings s, double sampleRate) {
        double scale = s.get("Scale") / 100;
        boolean adaptive = s.isOn("Adaptive Q");
        List<EqEightControls.Band> bands = new ArrayList<>(BANDS);
        for (int n = 1; n <= BANDS; n++) {
            boolean on = s.isOn(n + " Filter On A");
            EqEightFilterType type = EqEightFilterType.ofIndex(s.index(n + " Filter Type A"));
            double hz = s.get(n + " Frequency A");
            double gainDb = type.usesGain() ? s.get(n + " Gain A") * scale : 0;
            double q = s.get(n + " Resonance A");
            if (adaptive && type == EqEightFilterType.BELL) {
                q = adaptiveQ(q, gainDb);
            }
            // A gain band at 0 dB is exactly the identity (numerator = denominator): left out.
            boolean identity = type.usesGain() && gainDb == 0;
            List<Biquad> sections = on && !identity ? sections(type, hz, gainDb, q, sampleRate) : List.of();
            bands.add(new EqEightControls.Band(on, type, hz, gainDb, q, sections));
        }
        return new EqEightControls(bands, Math.pow(10, s.get("Output Gain") / 20));
    }

    /** Renders {@code input} with the given controls into a new buffer; {@code input} is untouched. */
    public static AudioBuffer render(AudioBuffer input, EqEightControls c) {
        int n = input.frames();
        int channels = input.channelCount();
        double[][] x = new double[channels][n];
        for (int ch = 0; ch < channels; ch++) {
            float[] in = input.channel(ch);
            double[] xc = x[ch];
            for (int i = 0; i < n; i++) {
                xc[i] = in[i];
            }
        }
        BiquadCascade.filterInPlace(x, n, c.activeSections());
        double g = c.outputGain();
        float[][] out = new float[channels][n];
        for (int ch = 0; ch < channels; ch++) {
            double[] xc = x[ch];
            float[] o = out[ch];
            for (int i = 0; i < n; i++) {
                o[i] = (float) (g * xc[i]);
            }
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /** The sections of one band. */
    public static List<Biquad> sections(EqEightFilterType type, double hz, double gainDb, double q, double sampleRate) {
        return switch (type) {
            case HIGH_PASS_48 -> butterworth8(hz, q, sampleRate, true);
            case HIGH_PASS_12 -> List.of(Biquads.highPass(hz, q, sampleRate));
            case LOW_SHELF -> List.of(Biquads.lowShelf(gainDb, hz, q, sampleRate));
            case BELL -> List.of(Biquads.peak(gainDb, hz, q, sampleRate));
            case NOTCH -> List.of(Biquads.notch(hz, q, sampleRate));
            case HIGH_SHELF -> List.of(Biquads.highShelf(gainDb, hz, q, sampleRate));
            case LOW_PASS_12 -> List.of(Biquads.lowPass(hz, q, sampleRate));
            case LOW_PASS_48 -> butterworth8(hz, q, sampleRate, false);
        };
    }

    /** Q of section k (1..4) of an 8th-order Butterworth filter: 1/(2·cos((2k−1)π/16)). */
    public static double butterworth8SectionQ(int k) {
        return 1 / (2 * Math.cos((2 * k - 1) * Math.PI / 16));
    }

    /** Four sections: Butterworth 8th order at Q = 0.7071, each section's Q scaled by Q/0.7071. */
    private static List<Biquad> butterworth8(double hz, double q, double sampleRate, boolean highPass) {
        double ratio = q / Biquads.BUTTERWORTH_Q;
        List<Biquad> out = new ArrayList<>(4);
        for (int k = 1; k <= 4; k++) {
            double qk = butterworth8SectionQ(k) * ratio;
            out.add(highPass ? Biquads.highPass(hz, qk, sampleRate) : Biquads.lowPass(hz, qk, sampleRate));
        }
        return out;
    }

    /** Adaptive Q placeholder: Q·(1 + strength·|gain dB|/15). */
    public static double adaptiveQ(double q, double gainDb) {
        return q * (1 + ADAPTIVE_Q_STRENGTH * Math.abs(gainDb) / 15);
    }
}
