package org.unmixer.dsp.effects;

import org.unmixer.dsp.filter.Biquad;
import org.unmixer.dsp.filter.Biquads;
import org.unmixer.dsp.reverb.EarlyReflections;
import org.unmixer.dsp.reverb.FdnControls;
import org.unmixer.dsp.reverb.LoopDamping;
import org.unmixer.params.DeviceSettings;

/**
 * Live's Reverb settings turned into physical values and coefficients (pure, inspectable). The
 * mapping follows the catalog notes in {@code assets/devices/reverb.json}; what Live does not
 * document is marked [UNV] there.
 *
 * @param predelaySamples delay before the first reflection
 * @param lowCut input high-pass (identity when off)
 * @param highCut input low-pass (identity when off)
 * @param reflections the early-reflection taps (after the predelay), Reflect Level included
 * @param tailDelaySamples extra delay of the tail's input after the predelay (ER Shape)
 * @param diffuserLengths series input all-passes of the tail per channel: [channel][stage] (Density)
 * @param diffuserGain their coefficient
 * @param fdn the late tail
 * @param cutInput whether the tail's input is muted (Freeze with Cut)
 * @param reflectGain linear level of the reflections (already in the tap gains)
 * @param diffuseGain linear level of the tail
 * @param width stereo width of the wet signal, 0 (mono) … 1 (Stereo Image 120°)
 * @param mix Dry/Wet as 0 … 1
 */
public record ReverbControls(
        int predelaySamples, Biquad lowCut, Biquad highCut,
        EarlyReflections reflections, int tailDelaySamples,
        int[][] diffuserLengths, double diffuserGain,
        FdnControls fdn, boolean cutInput,
        double reflectGain, double diffuseGain, double width, double mix) {

    /** Room Size at which the base delay lengths below apply. */
    static final double REFERENCE_SIZE = 100;
    /** Loop delays at the reference size (s): 31–74 ms, a spread like zita-rev1's, incommensurate. */
    static final double[] LINE_SECONDS = {0.0310, 0.0373, 0.0419, 0.0467, 0.0531, 0.0593, 0.0671, 0.0739};
    /** In-loop all-pass length at Scale 100 % as a fraction of its line. */
    static final double ALL_PASS_FRACTION = 0.3;
    /** Span of the early reflections at the reference size (s). */
    static final double ER_SPAN_SECONDS = 0.060;
    /** Relative tap times within the ER span (first tap at 0 = exactly at the predelay). */
    static final double[] ER_POSITIONS = {0, 0.071, 0.128, 0.207, 0.268, 0.359, 0.437, 0.531, 0.617, 0.733, 0.851, 1.0};
    /** Fixed tap signs (a seeded pattern, written out so the render never depends on a RNG). */
    static final double[] ER_SIGNS = {1, 1, -1, 1, -1, -1, 1, -1, 1, 1, -1, 1};
    /** Energy of each channel's reflections for a unit impulse at Reflect Level 0 dB. */
    static final double ER_ENERGY = 0.5;
    /** Input diffusers at the reference size (s), Dattorro's 142/107/379/277 samples at 29.761 kHz. */
    static final double[] DIFFUSER_SECONDS = {0.00477, 0.00360, 0.01273, 0.00931};
    /** Right-channel diffusers are this much longer, to decorrelate the channels. */
    static final double DIFFUSER_RIGHT_STRETCH = 1.07;
    /** Input diffuser coefficient (Dattorro's second input pair) [UNV]. */
    static final double DIFFUSER_GAIN = 0.625;
    /** Number of input diffusers per Density item: Sparse, Low, Mid, High [UNV]. */
    static final int[] DIFFUSERS_PER_DENSITY = {0, 1, 2, 4};
    /** Modulation depths are given as samples at this rate and scaled to the render rate [UNV]. */
    static final double DEPTH_RATE = 44_100;

    /** Derives the controls for a render at {@code sampleRate}. */
    public static ReverbControls of(DeviceSettings s, double sampleRate) {
        double size = sizeFactor(s.get("Room Size"));
        int predelay = (int) Math.round(s.get("Predelay") * 1e-3 * sampleRate);

        double centre = s.get("In Filter Freq");
        double halfWidth = Math.pow(2, s.get("In Filter Width") / 2);
        Biquad lowCut = s.isOn("In LowCut On")
                ? Biquads.highPass(centre / halfWidth, Biquads.BUTTERWORTH_Q, sampleRate) : Biquad.IDENTITY;
        Biquad highCut = s.isOn("In HighCut On")
                ? Biquads.lowPass(Math.min(centre * halfWidth, 0.45 * sampleRate), Biquads.BUTTERWORTH_Q, sampleRate)
                : Biquad.IDENTITY;

        double shape = s.get("ER Shape");
        double erSpan = ER_SPAN_SECONDS * size * sampleRate;
        double dropDb = 3 + 27 * shape;
        int taps = ER_POSITIONS.length;
        int[] erDelays = new int[taps];
        double[] erGains = new double[taps];
        double[] energy = new double[2];
        for (int k = 0; k < taps; k++) {
            erDelays[k] = (int) Math.round(ER_POSITIONS[k] * erSpan);
            erGains[k] = ER_SIGNS[k] * Math.pow(10, -dropDb * ER_POSITIONS[k] / 20);
            energy[k % 2] += erGains[k] * erGains[k];
        }
        double reflectGain = dbToGain(s.get("Reflect Level"));
        for (int k = 0; k < taps; k++) {
            erGains[k] *= Math.sqrt(ER_ENERGY / energy[k % 2]) * reflectGain;
        }
        double depthScale = sampleRate / DEPTH_RATE;
        EarlyReflections er = new EarlyReflections(erDelays, erGains,
                s.isOn("ER Spin On") ? s.get("ER Spin Amount") * depthScale : 0, s.get("ER Spin Rate"));
        int tailDelay = (int) Math.round(shape * erSpan / 2);

        int stages = DIFFUSERS_PER_DENSITY[s.index("Density")];
        int[][] diffusers = new int[2][stages];
        for (int j = 0; j < stages; j++) {
            diffusers[0][j] = Math.max(1, (int) Math.round(DIFFUSER_SECONDS[j] * size * sampleRate));
            diffusers[1][j] = Math.max(1, (int) Math.round(DIFFUSER_SECONDS[j] * DIFFUSER_RIGHT_STRETCH * size * sampleRate));
        }

        boolean freeze = s.isOn("Freeze On");
        LoopDamping.High high = !s.isOn("HiFilter On") ? LoopDamping.High.OFF
                : s.index("HiFilter Type") == 0 ? LoopDamping.High.SHELF : LoopDamping.High.LOW_PASS;
        LoopDamping damping = new LoopDamping(s.get("Decay Time") * 1e-3, freeze, s.isOn("Flat On"),
                high, s.get("HiFilter Freq"), s.get("HiShelf Gain"),
                s.isOn("LowShelf On"), s.get("LowShelf Freq"), s.get("LowShelf Gain"));
        double[] lineTargets = new double[FdnControls.LINES];
        for (int i = 0; i < lineTargets.length; i++) {
            lineTargets[i] = LINE_SECONDS[i] * size * sampleRate;
        }
        FdnControls fdn = FdnControls.design(lineTargets, ALL_PASS_FRACTION * s.get("Scale") / 100,
                s.get("Diffusion") / 100, damping,
                s.isOn("Chorus On") ? s.get("Chorus Amount") * depthScale : 0, s.get("Chorus Rate"), sampleRate);

        return new ReverbControls(predelay, lowCut, highCut, er, tailDelay, diffusers, DIFFUSER_GAIN, fdn,
                freeze && s.isOn("Cut On"),
                reflectGain, dbToGain(s.get("Diffuse Level")),
                s.get("Stereo Image") / 120, s.get("Dry/Wet") / 100);
    }

    /**
     * Linear scale of every delay length for a Room Size: the cube root of the volume ratio to
     * {@link #REFERENCE_SIZE} (Size is a room volume; lengths go with its linear dimension) [UNV].
     */
    public static double sizeFactor(double roomSize) {
        return Math.cbrt(roomSize / REFERENCE_SIZE);
    }

    public static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }
}
