package org.unmixer.app;

import java.util.Locale;

/** The next step to suggest with an error message (pure, so it is tested without a toolkit). */
public final class NextStep {
    private NextStep() {
    }

    /** One sentence telling the user what to try after {@code error}. */
    public static String after(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        if (e.contains("live") || e.contains("abletonosc") || e.contains("osc") || e.contains("un-mixer link")) {
            return "Start Live 12 with AbletonOSC enabled and the Un-Mixer Link device (docs/ableton.md), then press Rebuild in Ableton again.";
        }
        if (e.contains("model")) {
            return "Check that models/unmixer-default is there (./unmixer info shows what is found).";
        }
        if (e.contains("audio output") || e.contains("sound card")) {
            return "Playback is off; the estimate, rebuild and exports still work.";
        }
        if (e.contains(".wav") || e.contains(".aif") || e.contains("audio") || e.contains("file")) {
            return "Try another WAV or AIFF file (mono or stereo, PCM or float), or press Try the example.";
        }
        return "The rest of the window still works; the log lists what happened.";
    }
}
