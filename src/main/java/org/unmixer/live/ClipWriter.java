package org.unmixer.live;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.live.osc.OscMessage;

/**
 * Writes the note of a synth patch as a clip in the track's first clip slot (replacing what was
 * there), at Live's tempo, and reads the notes back.
 */
final class ClipWriter {
    private final AbletonOscClient osc;
    private final int track;
    private final double tempo;
    private final Consumer<String> problems;
    private final Consumer<String> done;

    ClipWriter(AbletonOscClient osc, int track, double tempo, Consumer<String> problems, Consumer<String> done) {
        this.osc = osc;
        this.track = track;
        this.tempo = tempo;
        this.problems = problems;
        this.done = done;
    }

    /** Note length and clip length in beats: the note, then room for its release and tail. */
    static double[] beats(SourceSpec source, double tempo) {
        double note = source.seconds() * tempo / 60.0;
        double clip = Math.max(1, Math.ceil(source.totalSeconds() * tempo / 60.0));
        return new double[] {note, clip};
    }

    void write(SourceSpec source) {
        double[] b = beats(source, tempo);
        osc.drainErrors();
        OscMessage has = osc.query(OscMessage.of("/live/clip_slot/get/has_clip", track, 0));
        boolean hasClip = has.size() > 2 && has.doubleArg(2) != 0;
        List<OscMessage> writes = new java.util.ArrayList<>();
        if (hasClip) {
            writes.add(OscMessage.of("/live/clip_slot/delete_clip", track, 0));
        }
        writes.add(OscMessage.of("/live/clip_slot/create_clip", track, 0, (float) b[1]));
        writes.add(OscMessage.of("/live/clip/add/notes", track, 0, source.note(), 0f, (float) b[0], source.velocity(), 0));
        osc.sendAll(writes);
        OscMessage notes = osc.query(OscMessage.of("/live/clip/get/notes", track, 0));
        boolean ok = notes.size() == 7 && notes.intArg(2) == source.note()
                && Math.abs(notes.doubleArg(4) - b[0]) < 1e-3 && notes.intArg(5) == source.velocity();
        if (ok) {
            done.accept(String.format(Locale.ROOT, "clip in slot 1: note %d, %.2f beats, velocity %d (clip %.0f beats at %.1f BPM)",
                    source.note(), b[0], source.velocity(), b[1], tempo));
        } else {
            problems.accept("the clip's notes read back as " + notes + ", not note " + source.note()
                    + List.of(osc.drainErrors()));
        }
    }
}
