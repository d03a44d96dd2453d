package org.unmixer.preset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/** Patches and donor files shared by the preset tests. */
final class PresetFixtures {
    static final Path DONOR_DIR = Path.of("assets/ableton-donors");
    /** The 12.4.3 rack whose root attributes every rack we write carries. */
    static final String RACK_12_4_3 = "InstrumentVector.adg";
    /** Which donor file each device element of the catalog comes from (mirrors index.json on purpose). */
    static final Map<String, String> DONOR_FILE = Map.of(
            "InstrumentVector", "InstrumentVector.adg", "Saturator", "s10_c.adg", "Eq8", "Eq8.adg",
            "MultibandDynamics", "MultibandDynamics.adg", "PhaserNew", "PhaserNew.adg", "Reverb", "ebm_gen.adg");
    static final List<String> FIVE_EFFECTS = List.of("Reverb", "Saturator", "Phaser-Flanger", "EQ Eight", "Multiband Dynamics");

    private PresetFixtures() {
    }

    static List<Path> donorFiles() throws IOException {
        try (Stream<Path> files = Files.list(DONOR_DIR)) {
            return files.filter(p -> p.toString().endsWith(".adg") || p.toString().endsWith(".adv")).sorted().toList();
        }
    }

    /**
     * Every parameter moved away from its default and from the donor's value: continuous ones to θ
     * (different per parameter so a swapped element would show), quantized ones to another item.
     */
    static DeviceSettings unusual(DeviceSpec device, double theta) {
        DeviceSettings s = device.defaults();
        List<ParamSpec> params = device.params();
        for (int i = 0; i < params.size(); i++) {
            ParamSpec p = params.get(i);
            if (p.isQuantized()) {
                int n = p.items().size();
                s = s.with(p.name(), p.items().get(((int) p.defaultValue() + 1 + i) % n));
            } else {
                s = s.withNormalized(p.name(), (theta + 0.013 * i) % 1.0);
            }
        }
        return s;
    }

    static Patch synthPatch(List<String> effects, WavetableRef osc1, WavetableRef osc2) {
        Catalog c = Catalog.standard();
        List<DeviceSettings> chain = new ArrayList<>();
        for (int i = 0; i < effects.size(); i++) {
            chain.add(unusual(c.device(effects.get(i)), 0.21 + 0.1 * i));
        }
        SynthSpec synth = new SynthSpec(unusual(c.device("Wavetable"), 0.33), osc1, osc2);
        return new Patch(SourceSpec.synth(60, 100, 1.0), Optional.of(synth), chain);
    }

    static Patch synthPatch(List<String> effects) {
        return synthPatch(effects, new WavetableRef("Basics", "Basic Shapes"), new WavetableRef("Collection", "Harmonics"));
    }
}
