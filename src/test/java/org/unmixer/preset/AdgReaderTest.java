package org.unmixer.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unmixer.params.BadInputException;

/** The reader understands Live's own files: both 12.4.3 racks, the 12.2.5 rack, the .adv and the harvested elements. */
class AdgReaderTest {
    private static AdgFile donor(String name) {
        return AdgReader.read(PresetFixtures.DONOR_DIR.resolve(name));
    }

    @Test
    void parsesEveryRealFileInTheDonorSet() throws IOException {
        List<Path> files = PresetFixtures.donorFiles();
        assertThat(files).hasSize(11);
        for (Path f : files) {
            AdgFile file = AdgReader.read(f);
            assertThat(file.rootAttributes()).as(f.toString()).containsEntry("MajorVersion", "5").containsKey("MinorVersion");
            assertThat(file.devices()).as(f.toString()).isNotEmpty();
            for (AdgDevice d : file.devices()) {
                assertThat(d.manuals()).as(f + " " + d.element()).containsKey("On");
            }
        }
    }

    @Test
    void readsTheLive1243AudioEffectRack() {
        AdgFile f = donor("s10_c.adg");
        assertThat(f.rootAttributes()).containsExactly(
                java.util.Map.entry("MajorVersion", "5"), java.util.Map.entry("MinorVersion", "12.0_12402"),
                java.util.Map.entry("SchemaChangeCount", "5"), java.util.Map.entry("Creator", "Ableton Live 12.4.3"),
                java.util.Map.entry("Revision", "e3d8be4d07c71dbd4de9e4183bf90652f680375b"));
        assertThat(f.rackKind()).contains(RackKind.AUDIO_EFFECT);
        assertThat(f.deviceElements()).containsExactly("Saturator");
        AdgDevice sat = f.devices().get(0);
        assertThat(sat.manual("PreDrive")).contains("-3.68503976");
        assertThat(sat.manual("ColorOn")).contains("true");
        assertThat(sat.manual("Type")).contains("0");
    }

    @Test
    void readsTheLive1243InstrumentRack() {
        AdgFile f = donor("InstrumentVector.adg");
        assertThat(f.rackKind()).contains(RackKind.INSTRUMENT);
        assertThat(f.deviceElements()).containsExactly("InstrumentVector");
        AdgDevice wt = f.devices().get(0);
        assertThat(wt.value("SpriteName1")).contains("Basic Shapes");
        assertThat(wt.manual("Voice_Filter1_Frequency")).contains("20479.998");
    }

    @Test
    void readsTheLive1225RackWithSixDevicesInOrder() {
        AdgFile f = donor("ebm_gen.adg");
        assertThat(f.rootAttributes()).containsEntry("Creator", "Ableton Live 12.2.5");
        assertThat(f.rackKind()).contains(RackKind.INSTRUMENT);
        assertThat(f.deviceElements())
                .containsExactly("MxDeviceMidiEffect", "InstrumentVector", "Roar", "Echo", "Reverb", "DrumBuss");
        assertThat(f.devices().get(4).manual("DecayTime")).contains("851.412842");
    }

    @Test
    void readsSingleDevicePresetsAndHarvestedElements() {
        AdgFile adv = donor("s10_a.adv");
        assertThat(adv.rackKind()).isEmpty();
        assertThat(adv.deviceElements()).containsExactly("Saturator");
        AdgFile eq = donor("Eq8.adg");
        assertThat(eq.deviceElements()).containsExactly("Eq8");
        assertThat(eq.devices().get(0).manual("Bands.0/ParameterA/Freq")).contains("50");
        assertThat(eq.devices().get(0).manual("Bands.7/ParameterB/Q")).isPresent();
    }

    @Test
    void missingOrForeignFilesAreBadInput() {
        assertThatThrownBy(() -> AdgReader.read(Path.of("no/such/file.adg")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> AdgReader.read(LiveXml.toBytes(XmlElement.of("NotLive"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("<Ableton>");
    }
}
