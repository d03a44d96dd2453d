package org.unmixer.live.sim;

/**
 * One MIDI note of a clip, as {@code Clip.add_new_notes} takes it and {@code get_notes} returns it.
 *
 * @param pitch MIDI pitch 0..127
 * @param startBeats start in beats from the clip start
 * @param durationBeats length in beats, above 0
 * @param velocity 0..127 (a float in Live 11+)
 * @param mute whether the note is muted
 */
public record SimNote(int pitch, double startBeats, double durationBeats, double velocity, boolean mute) {
}
