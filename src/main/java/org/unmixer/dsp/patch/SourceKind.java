package org.unmixer.dsp.patch;

import java.util.Locale;
import org.unmixer.params.BadInputException;

/**
 * What feeds the chain: a synth note, or (known-source mode) a broadband signal whose spectrum is
 * known, so that the chain alone shapes what is heard.
 */
public enum SourceKind {
    SYNTH, NOISE, CHIRP, IMPULSE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind parse(String text) {
        for (SourceKind k : values()) {
            if (k.jsonName().equals(text)) {
                return k;
            }
        }
        throw new BadInputException("source.kind \"" + text + "\" is not one of synth, noise, chirp, impulse");
    }
}
