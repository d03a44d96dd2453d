package org.unmixer.live;

import java.nio.file.Path;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Resampler;
import org.unmixer.audio.spectral.MultiResolutionStftDistance;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;

/**
 * {@code rebuild --verify}: records the rebuilt track and measures, with the project's MR-STFT
 * distance on channel averages, how close Live's rebuild is to the original, and how close it is to
 * our reference renderer's render of the same patch (the renderer gap: 0 means Live sounds exactly
 * as our renderer predicts).
 *
 * @param recording where the device wrote the track
 * @param toOriginal MR-STFT distance from the recording to the original
 * @param toReference MR-STFT distance from the recording to the reference render of the patch
 */
public record RenderBack(Path recording, double toOriginal, double toReference) {
    public static RenderBack measure(LiveLink link, int track, Patch patch, AudioBuffer original, Path recording) {
        double seconds = patch.source().totalSeconds();
        AudioBuffer live = TrackRecorder.record(link, track, seconds, recording);
        AudioBuffer reference = Renderer.render(patch, live.sampleRate(), seconds);
        AudioBuffer target = original.sampleRate() == live.sampleRate() ? original : Resampler.resample(original, live.sampleRate());
        return new RenderBack(recording, distance(live, target), distance(live, reference));
    }

    /** Distance over the common length of two mono mixes. */
    static double distance(AudioBuffer a, AudioBuffer b) {
        float[] x = a.mixToMono();
        float[] y = b.mixToMono();
        int n = Math.min(x.length, y.length);
        return MultiResolutionStftDistance.standard().distance(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n));
    }
}
