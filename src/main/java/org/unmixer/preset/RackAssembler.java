package org.unmixer.preset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.params.BadInputException;
import org.unmixer.params.DeviceSettings;

/**
 * Builds the XML tree of a rack preset (reference §4.3) from a Live-saved rack skeleton and the
 * donor device elements. Only what must differ from the skeleton changes: the single chain's
 * devices and name, the rack's macros (back to Live's untouched state) and the preset references.
 */
final class RackAssembler {
    static final String NAME_PREFIX = "Un-Mixer: ";
    private static final int MACROS = 16;

    private final Donors donors;

    RackAssembler(Donors donors) {
        this.donors = donors;
    }

    /** The whole document ({@code Ableton} root) for the patch as a rack of this kind. */
    XmlElement document(Patch patch, RackKind kind) {
        List<XmlElement> devices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (kind == RackKind.INSTRUMENT) {
            SynthSpec synth = patch.synth().orElseThrow(() -> new BadInputException(
                    "an Instrument Rack needs a synth, and this patch has none (its source is "
                            + patch.source().kind().jsonName() + "); export it as an Audio Effect Rack instead"));
            devices.add(DeviceElements.withSynth(donors.device(synth.settings().device()), synth));
            names.add(synth.settings().device().name());
        }
        for (DeviceSettings d : patch.chain()) {
            devices.add(DeviceElements.withSettings(donors.device(d.device()), d));
            names.add(d.device().name());
        }
        if (devices.isEmpty()) {
            throw new BadInputException("the patch has no effects: an empty Audio Effect Rack would do nothing");
        }
        XmlElement root = donors.rack(kind);
        XmlElement preset = root.child("GroupDevicePreset").orElseThrow();
        XmlElement branch = preset.at("BranchPresets/" + kind.branchPreset()).orElseThrow();
        XmlElement defaultRef = branch.at("MixerPreset/AbletonDevicePreset/PresetRef").orElseThrow();
        XmlElement deviceTemplate = branch.at("DevicePresets/AbletonDevicePreset").orElseThrow();

        List<XmlElement> devicePresets = new ArrayList<>();
        for (XmlElement device : devices) {
            XmlElement withId = device.attribute("Id").isPresent() ? device : withLeadingId(device);
            devicePresets.add(deviceTemplate
                    .replaceAt("Device", d -> d.withChildren(List.of(withId)))
                    .replaceAt("PresetRef", r -> presetRef(defaultRef, device.name())));
        }
        XmlElement newBranch = branch
                .withValueAt("Name", rackName(names))
                .replaceAt("DevicePresets", d -> d.withChildren(devicePresets));
        XmlElement newPreset = preset.withoutAttribute("Id")
                .replaceAt("Device/" + kind.groupDevice(), RackAssembler::untouchedRack)
                .replaceAt("PresetRef", r -> presetRef(defaultRef, kind.groupDevice()))
                .replaceAt("BranchPresets", b -> b.withChildren(List.of(newBranch)));
        XmlElement doc = root.replaceAt("GroupDevicePreset", p -> newPreset);
        // The top-level GroupDevicePreset must stay without Id: renumbering only touches existing ids.
        return DonorCleanup.renumberIds(doc);
    }

    /** {@code Un-Mixer: Wavetable > Saturator > Reverb}: says where the rack came from and what it holds. */
    static String rackName(List<String> deviceNames) {
        return NAME_PREFIX + String.join(" > ", deviceNames);
    }

    /**
     * The rack device with its macros as in a fresh rack (the 12.4.3 Instrument Rack donor): value 0,
     * names "Macro n", no default, not excluded from randomisation; and no reference to the file the
     * skeleton was once loaded from. The Audio Effect Rack donor had a renamed, preset macro.
     */
    static XmlElement untouchedRack(XmlElement group) {
        XmlElement out = DonorCleanup.emptyLastPresetRef(group);
        for (int i = 0; i < MACROS; i++) {
            out = setIfPresent(out, "MacroControls." + i + "/Manual", "0");
            out = setIfPresent(out, "MacroDisplayNames." + i, String.format(Locale.ROOT, "Macro %d", i + 1));
            out = setIfPresent(out, "MacroDefaults." + i, "-1");
            out = setIfPresent(out, "ExcludeMacroFromRandomization." + i, "false");
        }
        return out;
    }

    private static XmlElement setIfPresent(XmlElement e, String path, String value) {
        return e.at(path).isPresent() ? e.withValueAt(path, value) : e;
    }

    /**
     * A reference to the device's built-in default, in the shape Live writes for the branch mixer
     * ({@code AbletonDefaultPresetRef} with empty paths and {@code DeviceId Name=…}).
     */
    static XmlElement presetRef(XmlElement mixerPresetRef, String deviceElement) {
        return mixerPresetRef.replaceAt("AbletonDefaultPresetRef/DeviceId", d -> d.withAttribute("Name", deviceElement));
    }

    /** Live's device elements in presets carry {@code Id="0"} first; set-harvested donors lack it. */
    private static XmlElement withLeadingId(XmlElement device) {
        List<XmlElement.Attribute> attrs = new ArrayList<>();
        attrs.add(new XmlElement.Attribute("Id", "0"));
        attrs.addAll(device.attributes());
        return new XmlElement(device.name(), attrs, device.text(), device.children());
    }
}
