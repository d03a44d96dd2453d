package org.unmixer.dsp;

import java.util.Optional;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.dsp.source.Note;
import org.unmixer.dsp.source.TestSignals;
import org.unmixer.dsp.source.WavetableVoice;
import org.unmixer.dsp.source.Wavetables;
import org.unmixer.params.BadInputException;

/**
 * The reference renderer, forward model G: a {@link Patch} to stereo audio. Pure and
 * deterministic: the same patch, rate and length always give the same samples.
 */
public final class Renderer {
    /** The project's rate; 48 kHz is the other one we support end to end. */
    public static final int DEFAULT_RATE = 44_100;
    /** Known-source levels: loud enough to drive nonlinear devices, with headroom (−6 dBFS). */
    static final double NOISE_PEAK = 0.5;
    static final double CHIRP_AMPLITUDE = 0.5;
    static final double CHIRP_START_HZ = 20;
    /** The chirp stops short of Nyquist so the sweep itself never aliases. */
    static final double CHIRP_END_FRACTION_OF_RATE = 0.45;

    private Renderer() {
    }

    /** Renders the patch for its source's gate plus tail. */
    public static AudioBuffer render(Patch patch, int sampleRate) {
        return render(patch, sampleRate, patch.source().totalSeconds());
    }

    /** Renders the patch for exactly {@code seconds} (the gate is kept; the tail is what is left). */
    public static AudioBuffer render(Patch patch, int sampleRate, double seconds) {
        checkRate(sampleRate);
        if (!(seconds > 0) || seconds > SourceSpec.MAX_SECONDS) {
            throw new BadInputException("render length " + seconds + " s is out of range (0, " + (int) SourceSpec.MAX_SECONDS + "]");
        }
        AudioBuffer source = renderSource(patch.source(), patch.synth(), sampleRate, seconds);
        return new Chain(patch.chain()).render(source);
    }

    /** The source alone (the chain's input), stereo. */
    public static AudioBuffer renderSource(SourceSpec source, Optional<SynthSpec> synth, int sampleRate, double seconds) {
        int frames = Math.max(1, (int) Math.round(seconds * sampleRate));
        int signalFrames = Math.max(1, Math.min(frames, (int) Math.round(source.seconds() * sampleRate)));
        return switch (source.kind()) {
            case SYNTH -> {
                SynthSpec s = synth.orElseThrow(() -> new BadInputException("a synth source needs a synth section"));
                yield WavetableVoice.render(s.settings(),
                        Wavetables.find(s.oscillator1().category(), s.oscillator1().name()),
                        Wavetables.find(s.oscillator2().category(), s.oscillator2().name()),
                        new Note(source.note(), source.velocity(), source.seconds()), frames / (double) sampleRate, sampleRate,
                        s.unison());
            }
            case NOISE -> TestSignals.whiteNoise(signalFrames, sampleRate, NOISE_PEAK, source.seed()).withFrames(frames);
            case CHIRP -> TestSignals.exponentialSweep(CHIRP_START_HZ, CHIRP_END_FRACTION_OF_RATE * sampleRate,
                    signalFrames / (double) sampleRate, CHIRP_AMPLITUDE, frames, sampleRate);
            case IMPULSE -> TestSignals.impulse(0, frames, sampleRate);
        };
    }

    static void checkRate(int sampleRate) {
        if (sampleRate < 22_050 || sampleRate > 192_000) {
            throw new BadInputException("sample rate " + sampleRate + " Hz is not supported by the renderer (22050..192000)");
        }
    }
}
