package org.unmixer.preset;

import java.util.Locale;
import org.unmixer.params.BadInputException;

/**
 * The two rack presets we export, with the element names Live uses for each (reference §4.3): an
 * Instrument Rack holds the synth followed by the effect chain, an Audio Effect Rack only the chain.
 */
public enum RackKind {
    INSTRUMENT("instrument", "InstrumentGroupDevice", "InstrumentBranchPreset"),
    AUDIO_EFFECT("audio-effect", "AudioEffectGroupDevice", "AudioEffectBranchPreset");

    private final String cliName;
    private final String groupDevice;
    private final String branchPreset;

    RackKind(String cliName, String groupDevice, String branchPreset) {
        this.cliName = cliName;
        this.groupDevice = groupDevice;
        this.branchPreset = branchPreset;
    }

    /** The name on the command line and in {@code assets/ableton-donors/index.json}. */
    public String cliName() {
        return cliName;
    }

    /** The rack device element under {@code GroupDevicePreset/Device}. */
    public String groupDevice() {
        return groupDevice;
    }

    /** The chain element under {@code GroupDevicePreset/BranchPresets}. */
    public String branchPreset() {
        return branchPreset;
    }

    /** {@code instrument} or {@code audio-effect} (case and {@code _} / {@code -} ignored). */
    public static RackKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (RackKind k : values()) {
            if (k.cliName.equals(t)) {
                return k;
            }
        }
        throw new BadInputException("rack kind \"" + text + "\" is not one of instrument, audio-effect");
    }

    /** The kind whose group device element this is, if any. */
    static java.util.Optional<RackKind> ofGroupDevice(String elementName) {
        for (RackKind k : values()) {
            if (k.groupDevice.equals(elementName)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
