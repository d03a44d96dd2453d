package org.unmixer.audio.prep;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Pitch;

/**
 * A user's audio made ready for the inverse model, and what was done to it.
 *
 * @param audio mono, {@link PrepSettings#sampleRate()}, exactly {@link PrepSettings#windowFrames()}
 *     frames, the note's onset {@link PrepSettings#preRollSeconds()} after its start
 * @param gainDb gain applied to reach the loudness target, dB
 * @param peakLimited true when that gain was lowered to keep the peak at the ceiling (the loudness
 *     is then below the target)
 * @param windowStartSeconds where the window starts in the source, s
 * @param sourceSeconds length of the source, s
 * @param sourceRate sample rate of the source, Hz
 * @param sourceChannels channel count of the source
 * @param padded true when the source ended inside the window and silence was added
 * @param note the note detected in the window, if it has a single pitch
 * @param gateSeconds estimated note-off time, s from the window's start ({@link GateEstimator})
 * @param steps one human-readable line per step, in order
 */
public record PreparedInput(AudioBuffer audio, double gainDb, boolean peakLimited, double windowStartSeconds,
        double sourceSeconds, int sourceRate, int sourceChannels, boolean padded, Optional<Pitch> note,
        double gateSeconds, List<String> steps) {

    public PreparedInput {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(note, "note");
        steps = List.copyOf(steps);
    }
}
