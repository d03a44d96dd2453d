package org.unmixer.preset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

/**
 * Every device we write keeps its donor's element structure, and every catalog parameter reads
 * back to the patch's value.
 */
class AdgConformanceTest {
    private static final Patch PATCH = PresetFixtures.synthPatch(PresetFixtures.FIVE_EFFECTS);

    /** The patch's settings in rack order: Wavetable, then the chain. */
    private static List<DeviceSettings> settingsInOrder() {
        List<DeviceSettings> all = new ArrayList<>();
        all.add(PATCH.synth().orElseThrow().settings());
        all.addAll(PATCH.chain());
        return all;
    }

    @Test
    void everyDeviceHasItsDonorsElementStructure() {
        AdgFile written = AdgReader.read(AdgWriter.toBytes(PATCH, RackKind.INSTRUMENT));
        assertThat(written.devices()).hasSize(6);
        for (AdgDevice d : written.devices()) {
            XmlElement donor = Donors.findDevice(Donors.standard().file(PresetFixtures.DONOR_FILE.get(d.element())), d.element())
                    .orElseThrow();
            // The documented clean-ups: mappings removed, the preset reference emptied (its content is
            // the donor's file path); Id values and the presence of the device's own Id are not structure.
            assertThat(structure(d.xml(), "")).as(d.element())
                    .isEqualTo(structure(DonorCleanup.withoutMappings(donor), ""));
        }
    }

    @Test
    void everyCatalogParameterReadsBackToThePatchValue() {
        AdgFile written = AdgReader.read(AdgWriter.toBytes(PATCH, RackKind.INSTRUMENT));
        List<DeviceSettings> settings = settingsInOrder();
        int checked = 0;
        for (int i = 0; i < settings.size(); i++) {
            DeviceSettings s = settings.get(i);
            AdgDevice d = written.devices().get(i);
            assertThat(d.element()).isEqualTo(s.device().xmlElement());
            for (ParamSpec p : s.device().params()) {
                String text = d.manual(p.xmlElement()).orElseThrow(() -> new AssertionError(p.xmlElement()));
                double expected = s.get(p.name());
                String where = s.device().name() + " \"" + p.name() + "\" = " + text;
                if (p.isQuantized()) {
                    double read = text.equals("true") ? 1 : text.equals("false") ? 0 : Double.parseDouble(text);
                    assertThat(read).as(where).isEqualTo(expected);
                } else {
                    double read = p.fromXml(Double.parseDouble(text));
                    assertThat(Math.abs(read - expected)).as(where + " vs " + expected)
                            .isLessThanOrEqualTo(1e-6 * Math.max(1e-9, Math.abs(expected)));
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(32 + 31 + 18 + 20 + 43 + 34);
    }

    @Test
    void parametersAtTheirDefaultsAreWrittenTooNotLeftAtTheDonorsValue() {
        // The Saturator donor was saved with Color On; the catalog default is Off.
        Patch defaults = PATCH.withChain(List.of(PATCH.chain().get(1).device().defaults()));
        AdgDevice sat = AdgReader.read(AdgWriter.toBytes(defaults, RackKind.AUDIO_EFFECT)).devices().get(0);
        assertThat(sat.element()).isEqualTo("Saturator");
        assertThat(sat.manual("ColorOn")).contains("false");
        assertThat(sat.manual("PreDrive")).contains("0");
    }

    /** Names, order, nesting and attribute names (without Id) of a tree, one line per element. */
    static String structure(XmlElement e, String indent) {
        StringBuilder b = new StringBuilder(indent).append(e.name());
        for (XmlElement.Attribute a : e.attributes()) {
            if (!a.name().equals("Id")) {
                b.append(' ').append(a.name());
            }
        }
        b.append('\n');
        if (!e.name().equals("LastPresetRef")) {
            for (XmlElement c : e.children()) {
                b.append(structure(c, indent + " "));
            }
        }
        return b.toString();
    }

    @Test
    void structureIgnoresOnlyIdsAndTheLastPresetRefContent() {
        XmlElement a = new XmlElement("X", List.of(new XmlElement.Attribute("Id", "3"), new XmlElement.Attribute("Value", "1")), "",
                List.of(XmlElement.of("LastPresetRef").withChild(XmlElement.of("Value"))));
        XmlElement b = new XmlElement("X", List.of(new XmlElement.Attribute("Value", "2")), "", List.of(XmlElement.of("LastPresetRef")));
        assertThat(structure(a, "")).isEqualTo(structure(b, ""));
        assertThat(structure(a, "")).isNotEqualTo(structure(XmlElement.valued("X", "1"), ""));
    }
}
