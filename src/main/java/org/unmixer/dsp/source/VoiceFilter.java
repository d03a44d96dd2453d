package org.unmixer.dsp.source;

import org.unmixer.dsp.filter.Svf;
import org.unmixer.dsp.source.WavetableControls.Filter;
import org.unmixer.dsp.source.WavetableControls.FilterType;

/**
 * Filter 1 of the voice with the Clean circuit: Cytomic SVF sections (dsp-reference §1.3). 12 dB is
 * one section, 24 dB two in cascade. Laws here are ours, Live does not document them [UNV]:
 *
 * <ul>
 *   <li>Resonance: a section whose Q at Res 0 is q0 gets Q = q0·(Q_MAX/q0)^r, r = Res/125 %, so
 *       12 dB goes from Butterworth (0.7071) to {@link #MAX_Q}; 24 dB keeps its first section at
 *       0.5412 and raises the second from 1.3066 to {@link #MAX_Q} (a 4th-order Butterworth at Res 0).</li>
 *   <li>Morph: the SVF mix vector (m0, m1, m2) is interpolated linearly along Lowpass (0,0,1) →
 *       Bandpass (0,1,0) → Highpass (1,−k,−1) → Notch (1,−k,0) → Lowpass over Morph 0 → 1, in the
 *       manual's order.</li>
 * </ul>
 */
public final class VoiceFilter {
    /** Q at full resonance (125 %): strongly resonant but, as Clean, not self-oscillating. */
    public static final double MAX_Q = 25;
    /** Q of a single 12 dB section at Res 0: Butterworth. */
    public static final double Q_12DB = Math.sqrt(0.5);
    /** Lower Q of the 4th-order Butterworth pair, 1/(2·cos(π/8)) ≈ 0.5412; fixed. */
    public static final double Q_24DB_LOW = 1 / (2 * Math.cos(Math.PI / 8));
    /** Higher Q of the 4th-order Butterworth pair, 1/(2·cos(3π/8)) ≈ 1.3066; raised by Res. */
    public static final double Q_24DB_HIGH = 1 / (2 * Math.cos(3 * Math.PI / 8));

    private VoiceFilter() {
    }

    /** Q of a section with Q {@code q0} at Res 0, for resonance fraction r ∈ [0, 1]. */
    public static double resonanceQ(double q0, double r) {
        return q0 * Math.pow(MAX_Q / q0, r);
    }

    /** The SVF sections (one or two) realising the filter at {@code sampleRate}. */
    public static Svf[] sections(Filter f, double sampleRate) {
        if (f.poles() == 2) {
            return new Svf[] {section(f, resonanceQ(Q_12DB, f.resonance()), sampleRate)};
        }
        return new Svf[] {
            section(f, Q_24DB_LOW, sampleRate),
            section(f, resonanceQ(Q_24DB_HIGH, f.resonance()), sampleRate)};
    }

    private static Svf section(Filter f, double q, double sampleRate) {
        double k = 1 / q;
        double[] m = switch (f.type()) {
            case LOWPASS -> new double[] {0, 0, 1};
            case HIGHPASS -> new double[] {1, -k, -1};
            case BANDPASS -> new double[] {0, 1, 0};
            case NOTCH -> new double[] {1, -k, 0};
            case MORPH -> morphMix(f.morph(), k);
        };
        return Svf.withMix(f.cutoffHz(), q, m[0], m[1], m[2], sampleRate);
    }

    /** Mix vector (m0, m1, m2) of the Morph type at morph ∈ [0, 1] for damping k. */
    public static double[] morphMix(double morph, double k) {
        double[][] corners = {{0, 0, 1}, {0, 1, 0}, {1, -k, -1}, {1, -k, 0}, {0, 0, 1}};
        if (!(morph >= 0 && morph <= 1)) {
            throw new IllegalArgumentException("morph " + morph + " outside [0, 1]");
        }
        double x = morph * 4;
        int i = Math.min((int) Math.floor(x), 3);
        double w = x - i;
        double[] m = new double[3];
        for (int j = 0; j < 3; j++) {
            m[j] = (1 - w) * corners[i][j] + w * corners[i + 1][j];
        }
        return m;
    }

    /** Analytic magnitude of the whole filter (product of its sections) at {@code hz}, in dB. */
    public static double magnitudeDb(Filter f, double hz, double sampleRate) {
        double db = 0;
        for (Svf s : sections(f, sampleRate)) {
            db += s.magnitudeDb(hz, sampleRate);
        }
        return db;
    }
}
