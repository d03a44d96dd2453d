package org.unmixer.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.WavetableRef;
import org.unmixer.dsp.source.Unison;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.LomEncoding;
import org.unmixer.params.ParamSpec;
import org.unmixer.params.Taper;
import org.unmixer.params.XmlConversion;

/** The shape rules of reference §4 on what {@link AdgWriter} produces. */
class AdgWriterTest {
    @TempDir
    Path dir;

    private static final Patch SYNTH_AND_FIVE = PresetFixtures.synthPatch(PresetFixtures.FIVE_EFFECTS);

    @Test
    void instrumentRackHoldsWavetableThenTheChainInOrder() {
        AdgFile f = AdgReader.read(AdgWriter.toBytes(SYNTH_AND_FIVE, RackKind.INSTRUMENT));
        assertThat(f.rackKind()).contains(RackKind.INSTRUMENT);
        assertThat(f.deviceElements())
                .containsExactly("InstrumentVector", "Reverb", "Saturator", "PhaserNew", "Eq8", "MultibandDynamics");
        assertThat(f.chainNames()).containsExactly(
                "Un-Mixer: Wavetable > Reverb > Saturator > Phaser-Flanger > EQ Eight > Multiband Dynamics");
        assertThat(f.root().at("GroupDevicePreset/PresetRef/AbletonDefaultPresetRef/DeviceId").orElseThrow()
                .attribute("Name")).contains("InstrumentGroupDevice");
    }

    @Test
    void wavetableNamesLandInTheSpriteElements() {
        AdgDevice wt = AdgReader.read(AdgWriter.toBytes(SYNTH_AND_FIVE, RackKind.INSTRUMENT)).devices().get(0);
        assertThat(wt.value("SpriteName1")).contains("Basic Shapes");
        assertThat(wt.value("SpriteName2")).contains("Harmonics");
    }

    @Test
    void audioEffectRackHasTheChainOnly() {
        AdgFile f = AdgReader.read(AdgWriter.toBytes(SYNTH_AND_FIVE, RackKind.AUDIO_EFFECT));
        assertThat(f.rackKind()).contains(RackKind.AUDIO_EFFECT);
        assertThat(f.deviceElements()).containsExactly("Reverb", "Saturator", "PhaserNew", "Eq8", "MultibandDynamics");
        assertThat(f.root().at("GroupDevicePreset/BranchPresets/AudioEffectBranchPreset")).isPresent();
        assertThat(f.root().at("GroupDevicePreset/BranchPresets/InstrumentBranchPreset")).isEmpty();
    }

    @Test
    void gzipWithTheDeclarationExactlyOnceAndAFixedHeader() throws IOException {
        byte[] bytes = AdgWriter.toBytes(SYNTH_AND_FIVE, RackKind.INSTRUMENT);
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        assertThat(new byte[] {bytes[4], bytes[5], bytes[6], bytes[7]}).as("gzip MTIME").containsOnly(0);
        String xml = LiveXmlTest.gunzip(bytes);
        assertThat(xml).startsWith(LiveXml.DECLARATION + "\r\n");
        assertThat(xml.split("<\\?xml", -1)).hasSize(2);
        assertThat(xml).endsWith("</Ableton>\r\n");
    }

    @Test
    void rootAttributesAreThoseOfTheLive1243Donors() {
        Map<String, String> live = AdgReader.read(donorBytes(PresetFixtures.RACK_12_4_3)).rootAttributes();
        assertThat(live).containsEntry("Creator", "Ableton Live 12.4.3");
        for (RackKind kind : RackKind.values()) {
            assertThat(AdgReader.read(AdgWriter.toBytes(SYNTH_AND_FIVE, kind)).rootAttributes())
                    .containsExactlyEntriesOf(live);
        }
    }

    @Test
    void topGroupDevicePresetHasNoIdAndSiblingIdsAreUniqueEverywhere() {
        for (RackKind kind : RackKind.values()) {
            XmlElement root = LiveXml.read(AdgWriter.toBytes(SYNTH_AND_FIVE, kind));
            XmlElement top = root.child("GroupDevicePreset").orElseThrow();
            assertThat(top.attribute("Id")).isEmpty();
            assertThat(duplicateSiblingIds(root, "Ableton")).isEmpty();
            List<String> presetIds = top.at("BranchPresets/" + kind.branchPreset() + "/DevicePresets").orElseThrow()
                    .children().stream().map(p -> p.attribute("Id").orElseThrow()).toList();
            assertThat(presetIds).doesNotHaveDuplicates().hasSize(kind == RackKind.INSTRUMENT ? 6 : 5);
        }
    }

    @Test
    void renumberingLeavesLiveSavedPresetsUnchanged() {
        for (String name : List.of("s10_c.adg", "s10_a.adv", "InstrumentVector.adg")) {
            XmlElement root = LiveXml.read(donorBytes(name));
            assertThat(DonorCleanup.renumberIds(root)).as(name).isEqualTo(root);
        }
    }

    @Test
    void theSamePatchGivesTheSameBytes() {
        assertThat(AdgWriter.toBytes(SYNTH_AND_FIVE, RackKind.INSTRUMENT))
                .isEqualTo(AdgWriter.toBytes(PresetFixtures.synthPatch(PresetFixtures.FIVE_EFFECTS), RackKind.INSTRUMENT));
    }

    @Test
    void macroMappingsOfTheDonorsAreGone() {
        XmlElement root = LiveXml.read(AdgWriter.toBytes(SYNTH_AND_FIVE, RackKind.INSTRUMENT));
        assertThat(LiveXml.toXmlText(root)).doesNotContain("<KeyMidi>", "jaime", "C:/");
        XmlElement rack = root.at("GroupDevicePreset/Device/InstrumentGroupDevice").orElseThrow();
        assertThat(rack.valueAt("MacroDisplayNames.0")).contains("Macro 1");
        assertThat(rack.valueAt("MacroControls.0/Manual")).contains("0");
    }

    @Test
    void writeIsAtomicAndLeavesNothingBehindOnFailure() throws IOException {
        Path out = dir.resolve("Sound.adg");
        AdgWriter.write(SYNTH_AND_FIVE, RackKind.INSTRUMENT, out);
        assertThat(AdgReader.read(out).devices()).hasSize(6);
        Patch noSynth = new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 1.0, 1.0, 0), Optional.empty(), List.of());
        Path bad = dir.resolve("Bad.adg");
        assertThatThrownBy(() -> AdgWriter.write(noSynth, RackKind.INSTRUMENT, bad))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs a synth");
        assertThatThrownBy(() -> AdgWriter.write(noSynth, RackKind.AUDIO_EFFECT, bad))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no effects");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("Sound.adg");
        }
    }

    @Test
    void theFileGetsTheUsualPermissionsNotOwnerOnly() throws IOException {
        Path out = dir.resolve("Shared.adg");
        AdgWriter.write(SYNTH_AND_FIVE, RackKind.AUDIO_EFFECT, out);
        Path plain = Files.write(dir.resolve("plain.txt"), new byte[] {1});
        if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
        AdgWriter.write(PresetFixtures.synthPatch(List.of("Saturator")), RackKind.AUDIO_EFFECT, out);
        assertThat(AdgReader.read(out).deviceElements()).as("replaced").containsExactly("Saturator");
    }

    @Test
    void aDeviceWithoutDonorIsAClearErrorNotABrokenFile() {
        ParamSpec mix = new ParamSpec("Dry/Wet", "%", 0, 100, Taper.LIN, 0, 50, List.of(), LomEncoding.NORMALIZED, 0, 1,
                "DryWet", XmlConversion.SCALE, 0.01, true, "");
        DeviceSpec chorus = new DeviceSpec("Chorus-Ensemble", "Chorus2", "Chorus2", DeviceKind.AUDIO_EFFECT, List.of(mix), Map.of());
        Patch patch = new Patch(new SourceSpec(SourceKind.NOISE, 60, 100, 1.0, 1.0, 0), Optional.empty(),
                List.of(Catalog.standard().device("Saturator").defaults(), chorus.defaults()));
        Path out = dir.resolve("Chorus.adg");
        assertThatThrownBy(() -> AdgWriter.write(patch, RackKind.AUDIO_EFFECT, out))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot export \"Chorus-Ensemble\"").hasMessageNotContaining("\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void defaultWavetableChoiceIsBasicShapes() {
        Patch p = PresetFixtures.synthPatch(List.of(), WavetableRef.DEFAULT, WavetableRef.DEFAULT);
        AdgFile f = AdgReader.read(AdgWriter.toBytes(p, RackKind.INSTRUMENT));
        assertThat(f.deviceElements()).containsExactly("InstrumentVector");
        assertThat(f.devices().get(0).value("SpriteName2")).contains("Basic Shapes");
    }

    @Test
    void unisonModeAndVoicesGoToTheirSettings() {
        Patch base = PresetFixtures.synthPatch(List.of());
        var synth = base.synth().orElseThrow();
        Patch classic = new Patch(base.source(), Optional.of(new org.unmixer.dsp.patch.SynthSpec(synth.settings(),
                synth.oscillator1(), synth.oscillator2(), new Unison(Unison.Mode.CLASSIC, 5))), List.of());
        AdgDevice on = AdgReader.read(AdgWriter.toBytes(classic, RackKind.INSTRUMENT)).devices().get(0);
        assertThat(on.value("Voice_Unison_Mode")).contains("1");
        assertThat(on.value("Voice_Unison_VoiceCount")).contains("5");
        AdgDevice off = AdgReader.read(AdgWriter.toBytes(base, RackKind.INSTRUMENT)).devices().get(0);
        assertThat(off.value("Voice_Unison_Mode")).contains("0");
        assertThat(off.value("Voice_Unison_VoiceCount")).as("the donor's count stays").contains("3");
    }

    @Test
    void everyCatalogDeviceHasADonorAndMappedRangesAreFullAgain() {
        for (DeviceSpec d : Catalog.standard().devices()) {
            assertThat(Donors.standard().hasDevice(d)).as(d.name()).isTrue();
        }
        // The EQ Eight donor mapped band 1's gain to a macro over -9..9 dB.
        XmlElement eq = Donors.standard().device(Catalog.standard().device("EQ Eight"));
        assertThat(eq.valueAt("Bands.0/ParameterA/Gain/MidiControllerRange/Min")).contains("-15");
        assertThat(eq.valueAt("Bands.0/ParameterA/Gain/MidiControllerRange/Max")).contains("15");
        assertThat(eq.valueAt("Bands.1/ParameterA/Freq/MidiControllerRange/Max")).as("unmapped: untouched").contains("22000");
    }

    @Test
    void phaserLfosRunFreeAsTheRendererAssumes() {
        AdgDevice phaser = AdgReader.read(AdgWriter.toBytes(SYNTH_AND_FIVE, RackKind.INSTRUMENT)).devices().stream()
                .filter(d -> d.element().equals("PhaserNew")).findFirst().orElseThrow();
        assertThat(phaser.manual("Modulation_Sync")).contains("false");
        assertThat(phaser.manual("Modulation_Sync2")).contains("false");
        assertThat(phaser.manual("Modulation_EnvelopeEnabled")).contains("false");
        // The donor had them the other way round, so the test would notice a lost override.
        AdgDevice donor = AdgReader.read(donorBytes("PhaserNew.adg")).devices().get(0);
        assertThat(donor.manual("Modulation_Sync")).contains("true");
    }

    /** "path: Id" for every pair of same-named siblings sharing an Id (Live's own lists are 0…n−1). */
    static List<String> duplicateSiblingIds(XmlElement e, String path) {
        List<String> found = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (XmlElement c : e.children()) {
            c.attribute("Id").ifPresent(id -> {
                if (seen.put(c.name() + "#" + id, id) != null) {
                    found.add(path + "/" + c.name() + ": Id " + id);
                }
            });
            found.addAll(duplicateSiblingIds(c, path + "/" + c.name()));
        }
        return found;
    }

    static byte[] donorBytes(String name) {
        try {
            return Files.readAllBytes(PresetFixtures.DONOR_DIR.resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
