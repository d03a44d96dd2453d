package org.unmixer.dsp.effects;

import org.unmixer.dsp.mod.ControlMath;
import org.unmixer.dsp.mod.Lfo;
import org.unmixer.params.DeviceSettings;

/**
 * Physical controls of {@link PhaserFlanger}, derived from the catalog's display values
 * (dsp-reference.md §5.1–5.2).
 *
 * @param mode Phaser, Flanger or Doubler
 * @param flangeTimeMs Flanger delay without modulation, ms
 * @param doublerTimeMs Doubler delay without modulation, ms
 * @param notches number of second-order all-pass stages, 1..42
 * @param centerHz centre frequency of the stages without modulation, Hz
 * @param spread 0..1, sets the stages' Q ({@link #qForSpread})
 * @param feedback signed feedback gain (negative when FB Inv is on), |feedback| ≤ 0.99
 * @param modDepth LFO depth 0..1 (Amount)
 * @param modFreqHz rate of LFO 1, Hz
 * @param waveform shape of LFO 1
 * @param duty duty cycle of LFO 1, −1..1
 * @param stereoPhaseCycles LFO phase offset of the right channel, in cycles (0..1)
 * @param lfoBlend 0..1 crossfade from LFO 1 to LFO 2 (a triangle)
 * @param modFreq2Hz rate of LFO 2, Hz
 * @param modBlend 0..1: share of the modulation that goes to Spread instead of Center
 * @param warmth 0..1 wet-path low-pass and soft clip
 * @param safeBassHz cut-off of the Safe Bass high-pass in front of the wet path, Hz
 * @param outputGain linear gain of the wet signal
 * @param dryWet 0..1 linear crossfade
 */
public record PhaserFlangerControls(
        Mode mode, double flangeTimeMs, double doublerTimeMs, int notches, double centerHz, double spread,
        double feedback, double modDepth, double modFreqHz,
        Lfo.Waveform waveform, double duty, double stereoPhaseCycles, double lfoBlend, double modFreq2Hz,
        double modBlend, double warmth, double safeBassHz, double outputGain, double dryWet) {

    /** Half the LFO sweep at Amount 100 %, in octaves (a third-party clone's ±3 octaves [3P]). */
    public static final double MOD_OCTAVES = 3;
    /** All-pass Q at Spread 0 % (narrow, notches close together) [3P, calibrate]. */
    public static final double Q_AT_NO_SPREAD = 5;
    /** All-pass Q at Spread 100 % (wide, notches far apart) [3P, calibrate]. */
    public static final double Q_AT_FULL_SPREAD = 0.15;
    /** Modulated centres are kept between this and {@link #MAX_CENTER_RATIO}·fs so designs stay valid. */
    public static final double MIN_CENTER_HZ = 20;
    /** Highest modulated centre as a fraction of the sample rate. */
    public static final double MAX_CENTER_RATIO = 0.45;

    /** The device's three algorithms, in the order of Live's "Mode" items. */
    public enum Mode {
        PHASER, FLANGER, DOUBLER
    }

    /** Controls from Phaser-Flanger settings (display units as in the catalog). */
    public static PhaserFlangerControls from(DeviceSettings s) {
        double fb = s.get("Feedback") / 100;
        return new PhaserFlangerControls(
                Mode.values()[s.index("Mode")],
                s.get("Flange Time"),
                s.get("Doubler Time"),
                (int) Math.round(s.get("Notches")),
                s.get("Center Freq"),
                s.get("Spread") / 100,
                s.isOn("FB Inv") ? -fb : fb,
                s.get("Amount") / 100,
                s.get("Mod Freq"),
                Lfo.Waveform.values()[s.index("Mod Wave")],
                s.get("Duty Cycle") / 100,
                s.get("Mod Phase") / 360,
                s.get("Lfo Blend") / 100,
                s.get("Mod Freq 2"),
                s.get("Mod Blend") / 100,
                s.get("Warmth") / 100,
                s.get("Safe Freq"),
                Math.pow(10, s.get("Output Gain") / 20),
                s.get("Dry/Wet") / 100);
    }

    /** Q of every all-pass stage for a spread 0..1: geometric from 5 down to 0.15. */
    public static double qForSpread(double spread) {
        return Q_AT_NO_SPREAD * Math.pow(Q_AT_FULL_SPREAD / Q_AT_NO_SPREAD, spread);
    }

    /** Centre frequency for an LFO value in [−1, 1]: Center·2^(±3 octaves·Amount·(1 − Mod Blend)·lfo). */
    public double modulatedCenterHz(double lfo, double sampleRate) {
        double hz = centerHz * ControlMath.exp2(MOD_OCTAVES * modDepth * (1 - modBlend) * lfo);
        return Math.max(MIN_CENTER_HZ, Math.min(MAX_CENTER_RATIO * sampleRate, hz));
    }

    /** Flanger sweep at Amount 100 %: the delay moves ±1 octave around Flange Time [UNV, calibrate]. */
    public static final double FLANGE_OCTAVES = 1;
    /** Doubler sweep at Amount 100 %: the delay moves ±this many ms around Doubler Time [UNV]. */
    public static final double DOUBLER_DEPTH_MS = 10;

    /** Delay in ms of the Flanger/Doubler for an LFO value in [−1, 1] (not used in Phaser mode). */
    public double modulatedDelayMs(double lfo) {
        return mode == Mode.DOUBLER
                ? doublerTimeMs + DOUBLER_DEPTH_MS * modDepth * lfo
                : flangeTimeMs * Math.pow(2, FLANGE_OCTAVES * modDepth * lfo);
    }

    /** Spread for an LFO value in [−1, 1]: Spread ± 0.5·Amount·Mod Blend, kept in 0..1. */
    public double modulatedSpread(double lfo) {
        return Math.max(0, Math.min(1, spread + 0.5 * modDepth * modBlend * lfo));
    }
}
