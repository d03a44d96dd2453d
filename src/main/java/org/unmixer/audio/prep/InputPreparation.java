package org.unmixer.audio.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Pitch;
import org.unmixer.audio.PitchDetector;
import org.unmixer.audio.Resampler;
import org.unmixer.audio.SilentInputException;

/**
 * Turns any audio a producer drops (stereo or mono, any rate, leading silence, a loop of several
 * notes) into what the inverse model was trained on: one mono note at the training rate, its onset
 * at the start of a window of the training length, at the training loudness.
 *
 * <p>Steps, each a pure function: mix to mono and resample ({@link #monoAt}); refuse silence
 * ({@link #requireAudible}); find the loudest note ({@link NoteFinder}); cut the window from just
 * before its onset ({@link #cut}); match the loudness ({@link LoudnessMatch}); detect the note
 * ({@link PitchDetector}); estimate the gate ({@link GateEstimator}).
 */
public final class InputPreparation {

    /**
     * A window cut from a signal.
     *
     * @param samples exactly the requested number of samples
     * @param padded true when the signal ended inside the window and zeros were added
     */
    public record Window(float[] samples, boolean padded) {}

    private InputPreparation() {}

    /**
     * {@code input} prepared for the inverse model.
     *
     * @throws SilentInputException when the input (mixed to mono) has nothing above the silence floor
     */
    public static PreparedInput prepare(AudioBuffer input, PrepSettings settings) {
        List<String> steps = new ArrayList<>();
        int rate = settings.sampleRate();
        if (input.channelCount() > 1) {
            steps.add("mixed " + input.channelCount() + " channels to mono");
        }
        if (input.sampleRate() != rate) {
            steps.add("resampled " + input.sampleRate() + " → " + rate + " Hz");
        }
        float[] mono = monoAt(input, rate);
        requireAudible(mono, settings.silenceFloorDbfs());

        NoteFinder.NoteStart note = NoteFinder.find(mono, settings);
        int start = Math.max(0, note.sample() - settings.preRollFrames());
        Window window = cut(mono, start, settings.windowFrames());
        double startSeconds = start / (double) rate;
        double sourceSeconds = input.seconds();
        steps.add(String.format(Locale.ROOT, "window %.2f–%.2f s of %.2f s (%s)", startSeconds,
                startSeconds + settings.seconds(), sourceSeconds,
                note.onsetCount() == 1 ? "onset at " + format(note.sample() / (double) rate) + " s"
                        : "loudest of " + note.onsetCount() + " notes"));
        if (window.padded()) {
            steps.add(String.format(Locale.ROOT, "padded %.2f s of silence at the end",
                    (start + settings.windowFrames() - mono.length) / (double) rate));
        }

        LoudnessMatch.Matched matched = LoudnessMatch.match(AudioBuffer.mono(window.samples(), rate),
                settings.targetLufs(), settings.peakCeilingDbfs());
        steps.add(matched.peakLimited()
                ? String.format(Locale.ROOT, "gain %+.1f dB, short of %.1f LUFS to keep the peak at %.1f dBFS",
                        matched.gainDb(), settings.targetLufs(), settings.peakCeilingDbfs())
                : String.format(Locale.ROOT, "gain %+.1f dB to %.1f LUFS", matched.gainDb(), settings.targetLufs()));

        float[] prepared = matched.audio().channel(0);
        Optional<Pitch> pitch = PitchDetector.detect(prepared, rate);
        steps.add(pitch.map(p -> "note " + p.describe()).orElse("no single pitch found"));
        double gateSeconds = GateEstimator.estimate(prepared, rate);
        steps.add("gate ≈ " + format(gateSeconds) + " s");

        return new PreparedInput(matched.audio(), matched.gainDb(), matched.peakLimited(), startSeconds, sourceSeconds,
                input.sampleRate(), input.channelCount(), window.padded(), pitch, gateSeconds, steps);
    }

    /** The average of {@code input}'s channels at {@code sampleRate} (not resampled when the rate matches). */
    public static float[] monoAt(AudioBuffer input, int sampleRate) {
        float[] mono = input.channelCount() == 1 ? input.channel(0) : input.mixToMono();
        return Resampler.resample(AudioBuffer.mono(mono, input.sampleRate()), sampleRate).channel(0);
    }

    /**
     * Refuses a signal whose peak is below {@code floorDbfs}.
     *
     * @throws SilentInputException with the peak level in its message
     */
    public static void requireAudible(float[] mono, double floorDbfs) {
        float peak = 0;
        for (float v : mono) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak == 0) {
            throw new SilentInputException("input is silent: every sample is zero");
        }
        double peakDb = 20 * Math.log10(peak);
        if (peakDb < floorDbfs) {
            throw new SilentInputException(String.format(Locale.ROOT,
                    "input is silent: its peak of %.1f dBFS is below the %.1f dBFS floor", peakDb, floorDbfs));
        }
    }

    /** {@code frames} samples of {@code mono} from {@code start}, zero-padded past its end. */
    public static Window cut(float[] mono, int start, int frames) {
        if (start < 0 || start > mono.length) {
            throw new IllegalArgumentException("window start " + start + " outside 0.." + mono.length);
        }
        float[] out = Arrays.copyOfRange(mono, start, start + frames);
        return new Window(out, start + frames > mono.length);
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
