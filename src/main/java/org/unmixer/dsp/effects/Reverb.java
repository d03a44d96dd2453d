package org.unmixer.dsp.effects;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.BiquadFilter;
import org.unmixer.dsp.reverb.AllPassDiffuser;
import org.unmixer.dsp.reverb.EarlyReflections;
import org.unmixer.dsp.reverb.FeedbackDelayNetwork;
import org.unmixer.params.DeviceSettings;

/**
 * Live's Reverb (manual §26.32; dsp-reference.md §6): predelay → input band filter → early
 * reflections (tapped delay) and late tail (8-line FDN, {@link FeedbackDelayNetwork}) → Reflect /
 * Diffuse levels → Stereo Image → Dry/Wet. Decay Time is the tail's broadband RT60.
 *
 * <p>Channels: the wet signal is stereo, made from channel 0 (left) and channel 1 (right, or the
 * left again for mono input). A mono input gets the mid of the wet signal; channel c of a wider
 * input gets wet channel c % 2. The tail past the input's end is cut.
 */
public final class Reverb implements Effect {

    @Override
    public String deviceName() {
        return "Reverb";
    }

    @Override
    public AudioBuffer render(AudioBuffer input, DeviceSettings settings) {
        return render(input, ReverbControls.of(settings, input.sampleRate()));
    }

    /** Renders with derived controls. */
    public static AudioBuffer render(AudioBuffer input, ReverbControls k) {
        int channels = input.channelCount();
        int n = input.frames();
        if (k.mix() == 0) {
            return input.copy(); // 0 % wet: the dry signal, untouched
        }
        double fs = input.sampleRate();
        float[][] dry = input.channels();
        double[][] wet = wet(dry[0], channels > 1 ? dry[1] : dry[0], k, fs);

        float[][] out = new float[channels][n];
        double dryGain = 1 - k.mix();
        double wetGain = k.mix();
        for (int c = 0; c < channels; c++) {
            double[] w = channels == 1 ? null : wet[c % 2];
            float[] x = dry[c];
            float[] y = out[c];
            for (int t = 0; t < n; t++) {
                double ws = w == null ? 0.5 * (wet[0][t] + wet[1][t]) : w[t];
                y[t] = (float) (dryGain * x[t] + wetGain * ws);
            }
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /** The wet stereo signal (levels and width applied, no dry). */
    static double[][] wet(float[] left, float[] right, ReverbControls k, double fs) {
        int n = left.length;
        EarlyReflections er = k.reflections();
        // the band-filtered input sits at pre[c][pad + t]; zeros before it, one spare sample after
        int pad = Math.max(er.maxDelay(), k.tailDelaySamples());
        double[][] pre = new double[2][pad + n + 1];
        float[][] in = {left, right};
        for (int c = 0; c < 2; c++) {
            BiquadFilter band = new BiquadFilter(k.lowCut(), k.highCut());
            for (int t = 0; t + k.predelaySamples() < n; t++) {
                pre[c][pad + t + k.predelaySamples()] = band.process(in[c][t]);
            }
        }

        double[][] reflections = new double[2][n];
        er.addTo(pre, pad, n, fs, reflections);

        double[][] tailIn = new double[2][n];
        if (!k.cutInput()) {
            for (int c = 0; c < 2; c++) {
                System.arraycopy(pre[c], pad - k.tailDelaySamples(), tailIn[c], 0, n);
                for (int m : k.diffuserLengths()[c]) {
                    AllPassDiffuser.processInPlace(tailIn[c], m, k.diffuserGain());
                }
            }
        }
        double[][] tail = new double[2][n];
        FeedbackDelayNetwork.render(tailIn[0], tailIn[1], k.fdn(), fs, tail[0], tail[1]);

        double[][] wet = reflections; // reuse: wet = levels·(er + tail), then width on mid/side
        for (int t = 0; t < n; t++) {
            double l = k.reflectGain() * reflections[0][t] + k.diffuseGain() * tail[0][t];
            double r = k.reflectGain() * reflections[1][t] + k.diffuseGain() * tail[1][t];
            double mid = 0.5 * (l + r);
            double side = 0.5 * (l - r) * k.width();
            wet[0][t] = mid + side;
            wet[1][t] = mid - side;
        }
        return wet;
    }
}
