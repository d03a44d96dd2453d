package org.unmixer.live.sim;

/**
 * Wavetable's device properties that are not parameters (ableton-integration.md §2.4): the
 * category and table index of each oscillator and the unison mode and voice count. Live's defaults:
 * Basics / first table for both oscillators, unison off with 2 voices [I].
 */
final class WavetableState {
    final int[] category = {0, 0};
    final int[] index = {0, 0};
    /** {@code unison_mode}, 0..6 (None, Classic, Shimmer, Noise, Phase Sync, Position Spread, Random Note). */
    int unisonMode;
    /** {@code unison_voice_count}, 2..8. */
    int unisonVoices = 2;

    WavetableState copy() {
        WavetableState c = new WavetableState();
        System.arraycopy(category, 0, c.category, 0, 2);
        System.arraycopy(index, 0, c.index, 0, 2);
        c.unisonMode = unisonMode;
        c.unisonVoices = unisonVoices;
        return c;
    }
}
