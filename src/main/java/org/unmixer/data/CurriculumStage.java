package org.unmixer.data;

import java.util.Locale;
import org.unmixer.params.BadInputException;

/**
 * What the chain may hold (issue 3): {@code dry} = the synth alone; {@code nonlinear} = Saturator
 * and/or Multiband Dynamics (from the OTT preset); {@code full} = 0..5 of the five effects in random
 * order without repeats.
 */
public enum CurriculumStage {
    DRY, NONLINEAR, FULL;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CurriculumStage parse(String text) {
        for (CurriculumStage s : values()) {
            if (s.jsonName().equals(text)) {
                return s;
            }
        }
        throw new BadInputException("stage \"" + text + "\" is not one of dry, nonlinear, full");
    }
}
