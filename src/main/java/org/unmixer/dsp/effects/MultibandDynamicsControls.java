package org.unmixer.dsp.effects;

import java.util.List;
import org.unmixer.dsp.dyn.GainComputer;
import org.unmixer.params.DeviceSettings;

/**
 * Physical controls of {@link MultibandDynamics}, derived from the catalog's display values.
 *
 * @param lowMidHz crossover between low and mid band, Hz
 * @param midHighHz crossover between mid and high band, Hz
 * @param bands low, mid, high
 * @param lowIntoMid Low band switched off: its range is processed by the Mid band (Live manual)
 * @param highIntoMid High band switched off: its range is processed by the Mid band
 * @param peakDetector true for Peak, false for RMS detection
 * @param masterGain linear gain of Master Output
 */
public record MultibandDynamicsControls(
        double lowMidHz, double midHighHz, List<Band> bands, boolean lowIntoMid, boolean highIntoMid,
        boolean peakDetector, double masterGain) {

    /** Width of the soft knee when Soft Knee is on; Live's width is not documented [UNV]. */
    public static final double SOFT_KNEE_DB = 6;

    static final String[] BAND_NAMES = {"Low", "Mid", "High"};

    public MultibandDynamicsControls {
        bands = List.copyOf(bands);
        if (bands.size() != 3) {
            throw new IllegalArgumentException("three bands expected, got " + bands.size());
        }
    }

    /**
     * One band's dynamics.
     *
     * @param processed false when the band passes untouched (Mid band switched off, or an outer band
     *     merged into Mid)
     * @param inputGainDb band gain before detector and dynamics, dB
     * @param outputGainDb band gain after the dynamics, dB
     * @param computer static gain curve (thresholds, slopes, knee, Amount)
     * @param attackMs attack time constant after Time Scaling, ms
     * @param releaseMs release time constant after Time Scaling, ms
     */
    public record Band(boolean processed, double inputGainDb, double outputGainDb, GainComputer computer,
            double attackMs, double releaseMs) {
    }

    /** Controls from a Multiband Dynamics settings object (display units as in the catalog). */
    public static MultibandDynamicsControls from(DeviceSettings s) {
        double amount = s.get("Amount") / 100;
        double timeScale = s.get("Time Scaling");
        double knee = s.isOn("Soft Knee On/Off") ? SOFT_KNEE_DB : 0;
        boolean lowOn = s.isOn("Band Activator (Low)");
        boolean midOn = s.isOn("Band Activator (Mid)");
        boolean highOn = s.isOn("Band Activator (High)");
        Band[] bands = new Band[3];
        for (int b = 0; b < 3; b++) {
            String n = " (" + BAND_NAMES[b] + ")";
            // an inactive outer band is merged into Mid, so only the Mid band's dynamics act on it
            boolean processed = switch (b) {
                case 0 -> lowOn;
                case 1 -> midOn;
                default -> highOn;
            };
            GainComputer computer = new GainComputer(
                    s.get("Above Threshold" + n), GainComputer.aboveSlope(s.get("Above Ratio" + n)),
                    s.get("Below Threshold" + n), GainComputer.belowSlope(s.get("Below Ratio" + n)),
                    knee, amount);
            bands[b] = new Band(processed, s.get("Input Gain" + n), s.get("Output Gain" + n), computer,
                    s.get("Attack Time" + n) * timeScale, s.get("Release Time" + n) * timeScale);
        }
        return new MultibandDynamicsControls(
                s.get("Low-Mid Crossover"), s.get("Mid-High Crossover"), List.of(bands),
                !lowOn, !highOn, s.index("Peak/RMS Mode") == 1, dbToGain(s.get("Master Output")));
    }

    static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }
}
