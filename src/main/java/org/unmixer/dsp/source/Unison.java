package org.unmixer.dsp.source;

/**
 * Wavetable's unison, a device property rather than a parameter (LOM {@code unison_mode},
 * {@code unison_voice_count}; XML {@code Voice_Unison_Mode}, {@code Voice_Unison_VoiceCount}), so it
 * travels beside the wavetable choice, not in the settings. The amount is the "Unison Amount"
 * parameter.
 *
 * <p>Rendered modes (dsp-reference §1.2 item 4, laws [UNV]): each wavetable oscillator becomes
 * {@code voices} copies detuned evenly over ±Amount·{@link #MAX_DETUNE_CENTS}, panned alternately
 * left and right by ±{@link #PAN}, summed with gain 1/√voices. {@link Mode#CLASSIC} starts each copy
 * at a pseudo-random phase drawn from a seed fixed by the MIDI note (deterministic);
 * {@link Mode#PHASE_SYNC} starts them all at phase 0. The sub oscillator is not multiplied. Live's
 * Shimmer, Noise, Position Spread and Random Note are not rendered.
 *
 * @param mode the unison mode
 * @param voices copies per oscillator, 2 … 8 (ignored for {@link Mode#NONE})
 */
public record Unison(Mode mode, int voices) {
    /** Detune of the outermost copy at Amount 100 %, in cents [UNV]. */
    public static final double MAX_DETUNE_CENTS = 50;
    /** Balance position of the copies, alternating −PAN, +PAN [UNV]. */
    public static final double PAN = 0.5;

    /** Unison modes rendered here, with Live's mode index in {@code unison_mode}. */
    public enum Mode {
        NONE(0), CLASSIC(1), PHASE_SYNC(4);

        private final int liveIndex;

        Mode(int liveIndex) {
            this.liveIndex = liveIndex;
        }

        /** Index of the mode in Live's {@code unison_mode} property [3P order: None, Classic, Shimmer, Noise, Phase Sync, Position Spread, Random Note]. */
        public int liveIndex() {
            return liveIndex;
        }
    }

    /** No unison: one copy per oscillator. */
    public static final Unison NONE = new Unison(Mode.NONE, 1);

    public Unison {
        if (mode == null) {
            throw new IllegalArgumentException("unison mode missing");
        }
        if (mode != Mode.NONE && (voices < 2 || voices > 8)) {
            throw new IllegalArgumentException("unison voices must be 2..8, got " + voices);
        }
        if (mode == Mode.NONE) {
            voices = 1;
        }
    }

    /** Detune of copy j of n in cents: amount·MAX_DETUNE_CENTS·(2j/(n−1) − 1). */
    public static double detuneCents(int j, int n, double amount) {
        return n < 2 ? 0 : amount * MAX_DETUNE_CENTS * (2.0 * j / (n - 1) - 1);
    }
}
