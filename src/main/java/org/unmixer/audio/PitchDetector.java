package org.unmixer.audio;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.Yin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pitch of a (mostly monophonic) sound: YIN (de Cheveigné &amp; Kawahara 2002, TarsosDSP
 * {@link Yin}, threshold 0.2, parabolic interpolation) on frames of about 46 ms (a power of two
 * ≥ 0.04 × rate: 2048 at 44.1/48 kHz, so down to ~43 Hz) every half frame. Frames quieter than
 * {@value #SILENCE_DBFS} dBFS RMS are skipped; the pitch is the median over frames YIN calls pitched
 * with probability ≥ {@value #MIN_PROBABILITY}; confidence is the share of sounding frames within 50
 * cents of that median. No pitch when nothing sounds or confidence is below {@value
 * #MIN_CONFIDENCE} (noise, chords, percussion).
 */
public final class PitchDetector {
    /** Frames below this RMS level are silence and do not vote. */
    public static final double SILENCE_DBFS = -60;
    /** YIN's 1 − d'(τ) at the chosen period; below it a frame does not vote. */
    public static final double MIN_PROBABILITY = 0.85;
    /** Below this share of agreeing frames the sound has no single pitch. */
    public static final double MIN_CONFIDENCE = 0.5;
    private static final double AGREEMENT_CENTS = 50;

    private PitchDetector() {}

    /** Pitch of the channels' average. */
    public static Optional<Pitch> detect(AudioBuffer audio) {
        return detect(audio.mixToMono(), audio.sampleRate());
    }

    /** Pitch of a mono signal. */
    public static Optional<Pitch> detect(float[] mono, int sampleRate) {
        int frame = frameSize(sampleRate);
        int hop = frame / 2;
        Yin yin = new Yin(sampleRate, frame);
        double silence = Math.pow(10, SILENCE_DBFS / 10) * frame; // Σx² threshold
        float[] buf = new float[frame];
        List<Double> votes = new ArrayList<>();
        int sounding = 0;
        for (int start = 0; start + frame <= Math.max(mono.length, frame); start += hop) {
            Arrays.fill(buf, 0f);
            System.arraycopy(mono, start, buf, 0, Math.min(frame, mono.length - start));
            double energy = 0;
            for (float v : buf) {
                energy += (double) v * v;
            }
            if (energy < silence) {
                continue;
            }
            sounding++;
            PitchDetectionResult r = yin.getPitch(buf);
            if (r.isPitched() && r.getPitch() > 0 && r.getProbability() >= MIN_PROBABILITY) {
                votes.add((double) r.getPitch());
            }
        }
        if (votes.isEmpty()) {
            return Optional.empty();
        }
        double median = median(votes);
        int agreeing = 0;
        for (double v : votes) {
            if (Math.abs(1200 * Math.log(v / median) / Math.log(2)) <= AGREEMENT_CENTS) {
                agreeing++;
            }
        }
        double confidence = agreeing / (double) sounding;
        return confidence < MIN_CONFIDENCE ? Optional.empty() : Optional.of(Pitch.of(median, confidence));
    }

    /** Smallest power of two ≥ 0.04 × rate. */
    static int frameSize(int sampleRate) {
        return Integer.highestOneBit((int) Math.ceil(0.04 * sampleRate) - 1) << 1;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }
}
