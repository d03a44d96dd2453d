package org.unmixer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;

class DatasetConfigTest {
    private static String error(String extra) {
        BadInputException e = assertThrows(BadInputException.class, () -> TestConfigs.tiny("full", 2, extra));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void defaultsAreFilledIn() {
        DatasetConfig c = TestConfigs.tiny("nonlinear", 2, "");
        assertEquals(42, c.seed());
        assertEquals(CurriculumStage.NONLINEAR, c.stage());
        assertEquals(44_100, c.sampleRate());
        assertEquals(6.0, c.clipLimitDb());
        assertEquals(-60.0, c.silenceFloorDb());
        assertEquals(0.3, c.renderSeconds(), 1e-12); // 0.2 gate + 0.1 tail
        assertFalse(c.knownSource());
        assertEquals(List.of(), c.sourceKinds());
    }

    @Test
    void unknownFieldIsRefusedWithSuggestion() {
        assertEquals("tiny.json: config: unknown field \"shardSzie\" (did you mean \"shardSize\"?)",
                error(", \"shardSzie\": 4"));
    }

    @Test
    void badValuesNameTheField() {
        assertEquals("tiny.json: stage \"ful\" is not one of dry, nonlinear, full",
                assertThrows(BadInputException.class, () -> TestConfigs.tiny("ful", 2, "")).getMessage());
        assertEquals("tiny.json: clipLimitDb must be a number, got \"loud\"", error(", \"clipLimitDb\": \"loud\""));
        assertEquals("tiny.json: noteMin 90 is above noteMax 84", error(", \"noteMin\": 90"));
        assertEquals("tiny.json: sampleRate 8000 is out of range 32000..192000", error(", \"sampleRate\": 8000"));
        assertEquals("tiny.json: sourceKinds needs \"knownSource\": true", error(", \"sourceKinds\": [\"noise\"]"));
        BadInputException count = assertThrows(BadInputException.class, () -> TestConfigs.tiny("full", 0, ""));
        assertEquals("tiny.json: count 0 is out of range 1..10000000", count.getMessage());
    }

    @Test
    void malformedJsonIsOneLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetConfig.parse("{\"name\": ", TestConfigs.ASSETS, Catalog.standard(), "x.json"));
        assertTrue(e.getMessage().startsWith("x.json: not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void knownSourceNeedsAChain() {
        assertEquals("tiny.json: stage \"dry\" has no chain, so knownSource would have nothing to learn; use nonlinear or full",
                assertThrows(BadInputException.class, () -> TestConfigs.tiny("dry", 2, ", \"knownSource\": true")).getMessage());
        DatasetConfig c = TestConfigs.tiny("full", 2, ", \"knownSource\": true, \"sourceKinds\": [\"chirp\", \"impulse\"]");
        assertEquals(List.of(SourceKind.CHIRP, SourceKind.IMPULSE), c.sourceKinds());
    }

    @Test
    void rangeOverridesAreCheckedAgainstTheCatalog() {
        assertEquals("tiny.json: ranges: unknown device \"Saturater\" (did you mean \"Saturator\"?)",
                error(", \"ranges\": {\"Saturater\": {}}"));
        assertEquals("tiny.json: ranges.Saturator.params: Saturator: unknown parameter \"Drvie\" (did you mean \"Drive\"?)",
                error(", \"ranges\": {\"Saturator\": {\"params\": {\"Drvie\": {\"min\": 0, \"max\": 1}}}}"));
        assertEquals("tiny.json: ranges.Saturator.params.\"Drive\": -40.0..0.0 is outside the parameter's range -36..36 dB",
                error(", \"ranges\": {\"Saturator\": {\"params\": {\"Drive\": {\"min\": -40, \"max\": 0}}}}"));
        assertEquals("tiny.json: ranges.Saturator.params.\"Threshold\": not an estimated parameter; it stays at its default",
                error(", \"ranges\": {\"Saturator\": {\"params\": {\"Threshold\": {\"min\": -40, \"max\": 0}}}}"));
        assertEquals("tiny.json: ranges.Saturator.params.\"Drive\": unknown field \"mx\" (did you mean \"max\"?)",
                error(", \"ranges\": {\"Saturator\": {\"params\": {\"Drive\": {\"min\": 0, \"mx\": 3}}}}"));
    }

    @Test
    void shippedTestSetsParse() {
        for (String name : List.of("id-full", "id-full-audible", "id-dry", "known-source")) {
            DatasetConfig c = DatasetConfig.load(Path.of("assets", "datasets", name + ".json"), Catalog.standard());
            assertEquals(name, c.name());
        }
        assertEquals(500, DatasetConfig.load(Path.of("assets/datasets/id-full.json"), Catalog.standard()).count());
        assertEquals(200, DatasetConfig.load(Path.of("assets/datasets/id-dry.json"), Catalog.standard()).count());
        assertTrue(DatasetConfig.load(Path.of("assets/datasets/known-source.json"), Catalog.standard()).knownSource());
    }
}
