package org.unmixer.infer.itf;

import java.util.List;
import java.util.Map;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceSettings;

/** The ITF tests' chain: Saturator (Medium Curve, fully wet) into one EQ Eight bell at 1.5 kHz. */
final class SaturatorBellChain {
    private SaturatorBellChain() {
    }

    static List<DeviceSettings> of(double drive, double bellGain) {
        DeviceSettings sat = Catalog.standard().device("Saturator").defaults()
                .with(Map.of("Type", "Medium Curve", "Drive", drive, "Dry/Wet", 100.0));
        DeviceSettings eq = Catalog.standard().device("EQ Eight").defaults().with(Map.of("3 Filter On A", "On",
                "3 Filter Type A", "Bell", "3 Frequency A", 1500.0, "3 Gain A", bellGain, "3 Resonance A", 1.0));
        return List.of(sat, eq);
    }
}
