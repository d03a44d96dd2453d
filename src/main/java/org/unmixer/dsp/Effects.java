package org.unmixer.dsp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.dsp.effects.EqEight;
import org.unmixer.dsp.effects.MultibandDynamics;
import org.unmixer.dsp.effects.PhaserFlanger;
import org.unmixer.dsp.effects.Reverb;
import org.unmixer.dsp.effects.Saturator;
import org.unmixer.params.BadInputException;

/** The effect renderers of the reference renderer, by Live device name. */
public final class Effects {
    private static final Map<String, Effect> BY_NAME = index(List.of(
            new Saturator(), new EqEight(), new MultibandDynamics(), new PhaserFlanger(), new Reverb()));

    private Effects() {
    }

    private static Map<String, Effect> index(List<Effect> effects) {
        Map<String, Effect> map = new LinkedHashMap<>();
        for (Effect e : effects) {
            map.put(e.deviceName(), e);
        }
        return Map.copyOf(map);
    }

    /** The renderer of a device; a device the catalog knows but we cannot render yet is bad input. */
    public static Effect forDevice(String deviceName) {
        Effect e = BY_NAME.get(deviceName);
        if (e == null) {
            throw new BadInputException("the renderer cannot render \"" + deviceName + "\" yet (it renders: "
                    + String.join(", ", names()) + ")");
        }
        return e;
    }

    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
