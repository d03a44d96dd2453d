package org.unmixer.dsp.effects;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Effect;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.reverb.AllPassDiffuser;
import org.unmixer.dsp.reverb.EarlyReflections;
import org.unmixer.dsp.reverb.FeedbackDelayNetwork;
import org.unmixer.params.DeviceSettings;

/**
 * Live's Reverb (manual §26.32; dsp-reference.md §6): predelay → input band filter → early
 * reflections (tapped delay) and late tail (8-line FDN, {@link FeedbackDelayNetwork}) → Reflect /
 * Diffuse levels → Stereo Image → Dry/Wet. Decay Time is the tail's RT60 exactly (all loop
 * poles at radius 0.001^(1/(T·fs))) when the loop filters are off, and its mid-band RT60 when
 * they are on: HiShelf/LowShelf Gain scale the decay time beyond their corners
 * ({@link org.unmixer.dsp.reverb.FdnControls}).
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

    /** Renders with controls derived (by {@link ReverbControls#of}) for the input's sample rate. */
    public static AudioBuffer render(AudioBuffer input, ReverbControls k) {
        int channels = input.channelCount();
        int n = input.frames();
        if (k.mix() == 0) {
            return input.copy(); // 0 % wet: the dry signal, untouched
        }
        float[][] dry = input.channels();
        double[][] wet = wet(dry[0], channels > 1 ? dry[1] : dry[0], k, input.sampleRate());

        // Stereo Image on mid/side, then the linear Dry/Wet crossfade
        float[][] out = new float[channels][n];
        double dryGain = 1 - k.mix();
        double midGain = 0.5 * k.mix();
        double sideGain = 0.5 * k.mix() * k.width();
        double[] wl = wet[0];
        double[] wr = wet[1];
        if (channels == 1) {
            float[] x = dry[0];
            float[] y = out[0];
            for (int t = 0; t < n; t++) {
                y[t] = (float) (dryGain * x[t] + midGain * (wl[t] + wr[t]));
            }
        } else {
            for (int c = 0; c < channels; c++) {
                float[] x = dry[c];
                float[] y = out[c];
                double side = c % 2 == 0 ? sideGain : -sideGain;
                for (int t = 0; t < n; t++) {
                    double l = wl[t];
                    double r = wr[t];
                    y[t] = (float) (dryGain * x[t] + (midGain * (l + r) + side * (l - r)));
                }
            }
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    /** The wet stereo signal before Stereo Image and Dry/Wet: reflect·ER + diffuse·tail. */
    static double[][] wet(float[] left, float[] right, ReverbControls k, double fs) {
        int n = left.length;
        EarlyReflections er = k.reflections();
        // the band-filtered input sits at pre[c][pad + t]; zeros before it, one spare sample after
        int pad = Math.max(er.maxDelay(), k.tailDelaySamples());
        double[][] pre = new double[2][pad + n + 1];
        bandFilter(left, right, k.lowCut(), k.highCut(), pre[0], pre[1], pad + k.predelaySamples());

        double[][] wet = new double[2][n];
        er.addTo(pre, pad, n, fs, wet); // Reflect Level is in the tap gains
        if (k.cutInput()) {
            return wet; // frozen with Cut: nothing enters the tail, and the tail starts empty
        }
        // the reflections are done with pre: the tail's input is diffused in place
        int from = pad - k.tailDelaySamples();
        for (int c = 0; c < 2; c++) {
            for (int m : k.diffuserLengths()[c]) {
                AllPassDiffuser.processInPlace(pre[c], from, n, m, k.diffuserGain());
            }
        }
        FeedbackDelayNetwork.render(pre[0], pre[1], from, n, k.fdn(), fs, k.diffuseGain(), wet[0], wet[1]);
        return wet;
    }

    /**
     * The input band filter (low cut then high cut, each a biquad, identity when off), both
     * channels in one pass: the input is copied to {@code outL/outR} from index {@code at} (until
     * one sample before their end, or the input's end) and filtered there in place.
     */
    static void bandFilter(float[] left, float[] right, Biquad lowCut, Biquad highCut,
            double[] outL, double[] outR, int at) {
        int n = Math.min(left.length, outL.length - 1 - at);
        for (int t = 0; t < n; t++) {
            outL[at + t] = left[t];
            outR[at + t] = right[t];
        }
        for (Biquad b : new Biquad[] {lowCut, highCut}) {
            if (!b.equals(Biquad.IDENTITY)) {
                biquadPair(outL, outR, at, n, b);
            }
        }
    }

    /** One biquad (direct form I) over two signals in place, the two recursions interleaved. */
    private static void biquadPair(double[] l, double[] r, int from, int count, Biquad b) {
        final double b0 = b.b0(), b1 = b.b1(), b2 = b.b2(), a1 = b.a1(), a2 = b.a2();
        double lx1 = 0, lx2 = 0, ly1 = 0, ly2 = 0, rx1 = 0, rx2 = 0, ry1 = 0, ry2 = 0;
        for (int t = from; t < from + count; t++) {
            double lx = l[t];
            double rx = r[t];
            double ly = b0 * lx + b1 * lx1 + b2 * lx2 - a2 * ly2 - a1 * ly1;
            double ry = b0 * rx + b1 * rx1 + b2 * rx2 - a2 * ry2 - a1 * ry1;
            lx2 = lx1;
            lx1 = lx;
            ly2 = ly1;
            ly1 = ly;
            rx2 = rx1;
            rx1 = rx;
            ry2 = ry1;
            ry1 = ry;
            l[t] = ly;
            r[t] = ry;
        }
    }
}
