package org.unmixer.dsp.source;

import org.unmixer.params.DeviceSettings;

/**
 * Physical controls of one Wavetable voice, derived from the device's settings in display units
 * ({@code assets/devices/wavetable.json}). Pure data: the render reads nothing else.
 *
 * @param osc1 oscillator 1
 * @param osc2 oscillator 2
 * @param sub the sub oscillator
 * @param filter Filter 1
 * @param envelope the amp envelope
 * @param transposeSemitones global Transpose
 * @param volumeGain output Volume as linear gain
 * @param unisonAmount Unison Amount, 0 … 1 (read only when a unison mode is requested)
 */
public record WavetableControls(Oscillator osc1, Oscillator osc2, Sub sub, Filter filter, AmpEnvelope envelope,
        double transposeSemitones, double volumeGain, double unisonAmount) {

    /**
     * @param on switch
     * @param position wave position 0 … 1
     * @param semitones pitch offset from the note: Transp + Detune/100
     * @param leftGain gain into the left channel (Gain × balance law)
     * @param rightGain gain into the right channel
     */
    public record Oscillator(boolean on, double position, double semitones, double leftGain, double rightGain) {
    }

    /**
     * @param on switch
     * @param gain linear gain
     * @param tone 0 … 1 (0 = pure sine)
     * @param octave 0, −1 or −2
     */
    public record Sub(boolean on, double gain, double tone, int octave) {
    }

    /** Filter shapes of Filter 1, in Live's item order. */
    public enum FilterType {
        LOWPASS, HIGHPASS, BANDPASS, NOTCH, MORPH
    }

    /**
     * @param on switch
     * @param type shape
     * @param poles 2 (12 dB/oct) or 4 (24 dB/oct)
     * @param cutoffHz 20 … 20480 Hz
     * @param resonance Res as a fraction of its range, 0 … 1 (display 0 … 125 %)
     * @param morph 0 … 1, read by {@link FilterType#MORPH}
     */
    public record Filter(boolean on, FilterType type, int poles, double cutoffHz, double resonance, double morph) {
    }

    /** Maps display-unit settings of the "Wavetable" device to controls. */
    public static WavetableControls from(DeviceSettings s) {
        return new WavetableControls(
                oscillator(s, 1), oscillator(s, 2),
                new Sub(s.isOn("Sub On"), dbToGain(s.get("Sub Gain")), s.get("Sub Tone") / 100,
                        -s.index("Sub Transpose")),
                new Filter(s.isOn("Filter 1 On"), FilterType.values()[s.index("Filter 1 Type")],
                        s.index("Filter 1 Slope") == 0 ? 2 : 4,
                        s.get("Filter 1 Freq"), s.get("Filter 1 Res") / 125, s.get("Filter 1 Morph") / 100),
                new AmpEnvelope(s.get("Amp Attack") / 1000, s.get("Amp Decay") / 1000,
                        dbToGain(s.get("Amp Sustain")), s.get("Amp Release") / 1000,
                        s.get("Amp A Slope") / 100, s.get("Amp D Slope") / 100, s.get("Amp R Slope") / 100),
                s.get("Transpose"),
                dbToGain(s.get("Volume")),
                s.get("Unison Amount") / 100);
    }

    private static Oscillator oscillator(DeviceSettings s, int n) {
        String p = "Osc " + n + " ";
        double gain = dbToGain(s.get(p + "Gain"));
        double pan = s.get(p + "Pan") / 100;
        return new Oscillator(s.isOn(p + "On"), s.get(p + "Pos") / 100,
                s.get(p + "Transp") + s.get(p + "Detune") / 100,
                gain * balanceLeft(pan), gain * balanceRight(pan));
    }

    /** Balance law of the oscillator pan [UNV]: left gain min(1, 1 − pan), unity at centre. */
    public static double balanceLeft(double pan) {
        return Math.min(1, 1 - pan);
    }

    /** Balance law of the oscillator pan [UNV]: right gain min(1, 1 + pan), unity at centre. */
    public static double balanceRight(double pan) {
        return Math.min(1, 1 + pan);
    }

    /** 10^(dB/20). */
    public static double dbToGain(double db) {
        return Math.pow(10, db / 20);
    }
}
