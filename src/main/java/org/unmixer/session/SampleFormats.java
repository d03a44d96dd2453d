package org.unmixer.session;

import java.util.Locale;
import org.unmixer.audio.io.SampleFormat;
import org.unmixer.params.BadInputException;

/** The sample formats a render can be written in, by the names the command line and the HTTP API take. */
public final class SampleFormats {
    /** The names, for help texts and messages. */
    public static final String NAMES = "pcm16, pcm24, pcm32, float32";

    private SampleFormats() {
    }

    /**
     * @param option how the caller spells the setting in messages ({@code --format}, {@code format})
     * @throws BadInputException naming the option and the accepted names
     */
    public static SampleFormat parse(String text, String option) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "pcm16" -> SampleFormat.PCM_16;
            case "pcm24" -> SampleFormat.PCM_24;
            case "pcm32" -> SampleFormat.PCM_32;
            case "float32" -> SampleFormat.FLOAT_32;
            default -> throw new BadInputException(option + " \"" + text + "\" is not one of " + NAMES);
        };
    }
}
