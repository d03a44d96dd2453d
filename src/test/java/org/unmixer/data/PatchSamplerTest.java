package org.unmixer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;

class PatchSamplerTest {
    private static final Catalog CATALOG = Catalog.standard();
    private static final int DRAWS = 40;

    private static PatchSampler sampler(String stage, int count, String extra) {
        return new PatchSampler(TestConfigs.tiny(stage, count, extra), CATALOG);
    }

    @Test
    void sameSeedGivesEqualPatchesAndExampleIDoesNotDependOnCount() {
        PatchSampler a = sampler("full", 3, "");
        PatchSampler b = sampler("full", 500, "");
        for (int i = 0; i < 10; i++) {
            assertEquals(a.sample(i), b.sample(i));
        }
        assertNotEquals(a.sample(0), a.sample(1));
        PatchSampler otherSeed = new PatchSampler(TestConfigs.tiny("full", 3, ", \"seed\": 43").withCount(3), CATALOG);
        assertNotEquals(a.sample(0), otherSeed.sample(0));
    }

    @Test
    void drawingOrderDoesNotMatter() {
        PatchSampler s = sampler("full", 3, "");
        Patch seventhFirst = s.sample(7);
        for (int i = 0; i < 7; i++) {
            s.sample(i);
        }
        assertEquals(seventhFirst, s.sample(7));
    }

    @Test
    void stageRulesHold() {
        for (int i = 0; i < DRAWS; i++) {
            assertTrue(sampler("dry", 1, "").sample(i).chain().isEmpty());
            List<String> nonlinear = sampler("nonlinear", 1, "").sample(i).chainNames();
            assertTrue(nonlinear.size() >= 1 && nonlinear.size() <= 2, nonlinear.toString());
            assertTrue(Set.of("Saturator", "Multiband Dynamics").containsAll(nonlinear), nonlinear.toString());
            assertEquals(nonlinear.size(), new HashSet<>(nonlinear).size());
        }
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            List<String> full = sampler("full", 1, "").sample(i).chainNames();
            assertTrue(full.size() <= 5);
            assertEquals(full.size(), new HashSet<>(full).size(), "no repeats: " + full);
            lengths.add(full.size());
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), lengths);
    }

    @Test
    void knownSourceModeHasNoSynthAndAtLeastOneEffect() {
        PatchSampler s = sampler("full", 1, ", \"knownSource\": true, \"sourceKinds\": [\"chirp\"]");
        for (int i = 0; i < DRAWS; i++) {
            Patch p = s.sample(i);
            assertEquals(SourceKind.CHIRP, p.source().kind());
            assertTrue(p.synth().isEmpty());
            assertTrue(p.chain().size() >= 1);
        }
    }

    @Test
    void everyPatchIsInRangeRendersAndRoundTripsThroughPatchJson() {
        PatchSampler s = sampler("full", 1, "");
        for (int i = 0; i < 12; i++) {
            Patch p = s.sample(i);
            List<DeviceSettings> all = new java.util.ArrayList<>(p.chain());
            all.add(p.synth().orElseThrow().settings());
            for (DeviceSettings d : all) {
                for (ParamSpec spec : d.device().params()) {
                    double v = d.get(spec.name());
                    assertTrue(v >= spec.min() && v <= spec.max(), d.device().name() + "/" + spec.name() + " = " + v);
                    if (!spec.estimated()) {
                        assertEquals(startValue(d, spec), v, d.device().name() + "/" + spec.name() + " is not estimated");
                    }
                }
            }
            assertTrue(p.source().note() >= 36 && p.source().note() <= 84);
            assertTrue(p.source().seconds() >= 0.1 && p.source().seconds() <= 0.2);
            assertEquals(0.3, p.source().totalSeconds(), 1e-12);
            AudioBuffer audio = Renderer.render(p, 44_100, 0.3);
            assertTrue(audio.isFinite());
            assertEquals(p, PatchJson.standard().parse(PatchJson.standard().write(p)));
        }
    }

    private static double startValue(DeviceSettings d, ParamSpec spec) {
        DeviceSettings start = d.device().name().equals("Multiband Dynamics") ? d.device().preset("OTT") : d.device().defaults();
        return start.get(spec.name());
    }

    /** The shipped table's musical ranges (assets/datasets/sampling-ranges.json) are what gets drawn. */
    @Test
    void musicalRangesFromTheTableAreRespected() {
        PatchSampler s = sampler("full", 1, "");
        DeviceSettings ott = CATALOG.device("Multiband Dynamics").preset("OTT");
        int seen = 0;
        for (int i = 0; i < 200; i++) {
            for (DeviceSettings d : s.sample(i).chain()) {
                switch (d.device().name()) {
                    case "Saturator" -> {
                        assertTrue(d.get("Drive") >= 0 && d.get("Drive") <= 24);
                        assertTrue(d.get("Dry/Wet") >= 20 && d.get("Dry/Wet") <= 100);
                    }
                    case "Reverb" -> {
                        assertTrue(d.get("Dry/Wet") >= 10 && d.get("Dry/Wet") <= 60);
                        assertTrue(d.get("Decay Time") >= 400 && d.get("Decay Time") <= 8000);
                    }
                    case "Multiband Dynamics" -> {
                        // "unlisted": "keep": everything but Amount and Time Scaling stays at OTT
                        assertEquals(ott.get("Above Threshold (Low)"), d.get("Above Threshold (Low)"));
                        assertEquals(ott.get("Below Ratio (Mid)"), d.get("Below Ratio (Mid)"));
                        assertTrue(d.get("Amount") >= 10 && d.get("Amount") <= 100);
                        assertTrue(d.get("Master Output") >= -12 && d.get("Master Output") <= 3);
                    }
                    default -> {
                    }
                }
                seen++;
            }
        }
        assertTrue(seen > 300, "200 full-stage chains hold about 500 devices, saw " + seen);
    }

    @Test
    void overridesReplaceTheTableAndUniformFallbackCoversTheRange() {
        PatchSampler s = sampler("nonlinear", 1,
                ", \"ranges\": {\"Saturator\": {\"params\": {\"Drive\": {\"choices\": [3]}, \"Type\": {\"choices\": [\"Soft Sine\"]}}}}");
        for (int i = 0; i < DRAWS; i++) {
            for (DeviceSettings d : s.sample(i).chain()) {
                if (d.device().name().equals("Saturator")) {
                    assertEquals(3.0, d.get("Drive"));
                    assertEquals("Soft Sine", d.item("Type"));
                }
            }
        }
        // "samplingRanges": "none": unlisted estimated parameters uniform in θ; over 40 draws
        // Osc 1 Pos (0..100 %) reaches both the lowest and highest fifth of its range.
        PatchSampler uniform = sampler("dry", 1, ", \"samplingRanges\": \"none\"");
        boolean low = false;
        boolean high = false;
        for (int i = 0; i < DRAWS; i++) {
            double pos = uniform.sample(i).synth().orElseThrow().settings().get("Osc 1 Pos");
            low |= pos < 20;
            high |= pos > 80;
        }
        assertTrue(low && high);
    }

    @Test
    void eqBandFrequenciesFollowTheirFilterType() {
        PatchSampler s = sampler("full", 1, "");
        int bands = 0;
        for (int i = 0; i < 300; i++) {
            for (DeviceSettings d : s.sample(i).chain()) {
                if (!d.device().name().equals("EQ Eight")) {
                    continue;
                }
                for (int b = 1; b <= 8; b++) {
                    String type = d.item(b + " Filter Type A");
                    double f = d.get(b + " Frequency A");
                    switch (type) {
                        case "High Pass 48dB" -> assertTrue(f >= 20 && f <= 300, type + " at " + f);
                        case "High Shelf" -> assertTrue(f >= 1500 && f <= 12000, type + " at " + f);
                        case "Low Pass 48dB" -> assertTrue(f >= 2500 && f <= 18000, type + " at " + f);
                        default -> {
                        }
                    }
                    bands++;
                }
            }
        }
        assertTrue(bands > 400, "300 full-stage chains hold about 100 EQ Eights, saw " + bands / 8);
    }

    @Test
    void conditionalRangesAreCheckedWhenLoaded() {
        String bad = ", \"ranges\": {\"EQ Eight\": {\"params\": {\"1 Frequency A\": {\"by\": \"1 Filter Type A\","
                + " \"cases\": {\"Bel\": {\"min\": 100, \"max\": 200}}}}}}";
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.unmixer.params.BadInputException.class,
                () -> TestConfigs.tiny("full", 1, bad));
        assertTrue(e.getMessage().contains("\"Bel\" is not an item of 1 Filter Type A") && e.getMessage().contains("Bell"),
                e.getMessage());
        String notQuantized = ", \"ranges\": {\"EQ Eight\": {\"params\": {\"1 Frequency A\": {\"by\": \"1 Gain A\","
                + " \"cases\": {\"x\": {\"min\": 100, \"max\": 200}}}}}}";
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(org.unmixer.params.BadInputException.class,
                () -> TestConfigs.tiny("full", 1, notQuantized)).getMessage().contains("must be another estimated parameter with items"));
    }
}
