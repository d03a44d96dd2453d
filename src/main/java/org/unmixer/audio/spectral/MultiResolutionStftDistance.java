package org.unmixer.audio.spectral;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.audio.AudioBuffer;

/**
 * The project's one audio distance: the mean over resolutions of {@link StftDistance}
 * (auraloss {@code MultiResolutionSTFTLoss}). Standard resolutions: FFT sizes 2048, 1024, 512, 256,
 * 128, 64, hop = fft/4, centred periodic Hann, w_sc = w_log_mag = 1. The {@code model} layer's NDArray
 * loss must agree with this class on the same input.
 */
public final class MultiResolutionStftDistance {
    /** FFT sizes of the standard distance: from 46 ms (tonal detail) to 1.5 ms (transients) at 44.1 kHz. */
    public static final int[] STANDARD_FFT_SIZES = {2048, 1024, 512, 256, 128, 64};

    /** Per-resolution terms and their means; {@code total} is the distance. */
    public record Breakdown(List<StftDistance.Terms> perResolution, double spectralConvergence,
            double logMagnitude, double total) {}

    private final List<StftDistance> resolutions;

    public MultiResolutionStftDistance(List<StftDistance> resolutions) {
        if (resolutions.isEmpty()) {
            throw new IllegalArgumentException("need at least one resolution");
        }
        this.resolutions = List.copyOf(resolutions);
    }

    /** Centred Hann resolutions at {@code fftSizes} with hop = fft/4 and the given weights. */
    public static MultiResolutionStftDistance of(int[] fftSizes, double scWeight, double logMagWeight) {
        List<StftDistance> list = new ArrayList<>();
        for (int n : fftSizes) {
            list.add(new StftDistance(Stft.hann(n, n / 4), scWeight, logMagWeight));
        }
        return new MultiResolutionStftDistance(list);
    }

    /** The standard distance. */
    public static MultiResolutionStftDistance standard() {
        return of(STANDARD_FFT_SIZES, 1.0, 1.0);
    }

    public List<StftDistance> resolutions() {
        return resolutions;
    }

    /** Distance between two mono signals of equal length. */
    public double distance(float[] estimate, float[] target) {
        return breakdown(estimate, target).total();
    }

    /** Every term of every resolution, and the means. */
    public Breakdown breakdown(float[] estimate, float[] target) {
        List<StftDistance.Terms> terms = new ArrayList<>(resolutions.size());
        double sc = 0;
        double lm = 0;
        double total = 0;
        for (StftDistance r : resolutions) {
            StftDistance.Terms t = r.terms(estimate, target);
            terms.add(t);
            sc += t.spectralConvergence();
            lm += t.logMagnitude();
            total += t.total();
        }
        int n = resolutions.size();
        return new Breakdown(List.copyOf(terms), sc / n, lm / n, total / n);
    }

    /** Distance between the channel averages ({@link AudioBuffer#mixToMono()}). */
    public double distance(AudioBuffer estimate, AudioBuffer target) {
        requireComparable(estimate, target);
        return distance(estimate.mixToMono(), target.mixToMono());
    }

    /** Mean over channels of the per-channel distance (stereo differences count). */
    public double distancePerChannel(AudioBuffer estimate, AudioBuffer target) {
        requireComparable(estimate, target);
        if (estimate.channelCount() != target.channelCount()) {
            throw new IllegalArgumentException("channel counts differ: " + estimate.channelCount() + " vs "
                    + target.channelCount());
        }
        double sum = 0;
        for (int c = 0; c < target.channelCount(); c++) {
            sum += distance(estimate.channel(c), target.channel(c));
        }
        return sum / target.channelCount();
    }

    private static void requireComparable(AudioBuffer a, AudioBuffer b) {
        if (a.sampleRate() != b.sampleRate()) {
            throw new IllegalArgumentException("sample rates differ: " + a.sampleRate() + " vs " + b.sampleRate());
        }
        if (a.frames() != b.frames()) {
            throw new IllegalArgumentException("lengths differ: " + a.frames() + " vs " + b.frames() + " frames");
        }
    }
}
