package org.unmixer.dsp.effects;

import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;

/**
 * Phaser-Flanger's Flanger and Doubler modes (Live 12 manual: "Flanger: time-modulated delay with
 * feedback", "Doubler: time-modulated delays, bipolar modulation"; dsp-reference.md §5.2): one
 * delay line per channel read at a fractional, LFO-modulated delay with 4-point Hermite
 * interpolation, feedback from the delayed output back into the line (inverted with FB Inv), and
 * the same Safe Bass, Warmth, Output and Dry/Wet as the phaser:
 *
 * <pre>y[n] = line(n − d(n));  line[n] = HP(x)[n] + feedback·y[n];  wet = x − HP(x) + y</pre>
 *
 * Mixed 50/50 with the dry signal a delay of D samples notches at odd multiples of fs/(2D).
 * The sweep laws ({@link PhaserFlangerControls#modulatedDelayMs}) are assumptions [UNV].
 */
final class PhaserFlangerDelay {
    /** Shortest delay read, in samples: the Hermite read needs three past samples. */
    static final double MIN_DELAY_SAMPLES = 3;

    private PhaserFlangerDelay() {
    }

    static AudioBuffer render(AudioBuffer input, PhaserFlangerControls c) {
        float[][] out = new float[input.channelCount()][];
        for (int ch = 0; ch < out.length; ch++) {
            double phase = (ch % 2 == 1) ? c.stereoPhaseCycles() : 0;
            out[ch] = renderChannel(input.channel(ch), c, input.sampleRate(), phase);
        }
        return new AudioBuffer(out, input.sampleRate());
    }

    private static float[] renderChannel(float[] x, PhaserFlangerControls c, double fs, double phaseOffset) {
        int n = x.length;
        double maxDelay = Math.max(c.modulatedDelayMs(1), c.modulatedDelayMs(-1)) * 1e-3 * fs;
        int size = Integer.highestOneBit((int) Math.ceil(maxDelay) + 8) * 2;
        int mask = size - 1;
        double[] line = new double[size];
        Biquad hp = Biquads.highPass(c.safeBassHz(), Biquads.BUTTERWORTH_Q, fs);
        double h1 = 0;
        double h2 = 0;
        double fb = c.feedback();
        double mix = c.dryWet();
        double outGain = c.outputGain();
        boolean warm = c.warmth() > 0;
        double warmKeep = PhaserFlanger.warmLowPassPole(c, fs);
        double drive = PhaserFlanger.warmDrive(c);
        double warmState = 0;

        double delay = delaySamples(0, c, fs, phaseOffset);
        float[] y = new float[n];
        for (int start = 0; start < n; start += PhaserFlanger.CONTROL_BLOCK) {
            int len = Math.min(PhaserFlanger.CONTROL_BLOCK, n - start);
            double target = delaySamples(start + len, c, fs, phaseOffset);
            double step = (target - delay) / len;
            for (int i = start; i < start + len; i++) {
                delay += step;
                double in = x[i];
                double high = hp.b0() * in + h1;
                h1 = hp.b1() * in - hp.a1() * high + h2;
                h2 = hp.b2() * in - hp.a2() * high;
                double read = i - delay;
                int k = (int) Math.floor(read);
                double delayed = hermite(line[(k - 1) & mask], line[k & mask], line[(k + 1) & mask],
                        line[(k + 2) & mask], read - k);
                line[i & mask] = high + fb * delayed;
                double wet = in - high + delayed;
                if (warm) {
                    warmState = wet + warmKeep * (warmState - wet);
                    wet = PhaserFlanger.softClip(drive * warmState) / drive;
                }
                y[i] = (float) (in + mix * (outGain * wet - in));
            }
            delay = target;
        }
        return y;
    }

    /** Modulated delay in samples at sample {@code t}, never shorter than {@link #MIN_DELAY_SAMPLES}. */
    static double delaySamples(long t, PhaserFlangerControls c, double fs, double phaseOffset) {
        double lfo = PhaserFlanger.lfoAt(t, c, fs, phaseOffset);
        return Math.max(MIN_DELAY_SAMPLES, c.modulatedDelayMs(lfo) * 1e-3 * fs);
    }

    /** 4-point, 3rd-order Hermite interpolation between {@code x0} and {@code x1} at {@code t} ∈ [0, 1). */
    static double hermite(double xm1, double x0, double x1, double x2, double t) {
        double c = 0.5 * (x1 - xm1);
        double v = x0 - x1;
        double w = c + v;
        double a = w + v + 0.5 * (x2 - x0);
        double b = w + a;
        return ((a * t - b) * t + c) * t + x0;
    }
}
