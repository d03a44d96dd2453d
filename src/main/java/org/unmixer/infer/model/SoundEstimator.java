package org.unmixer.infer.model;

import java.util.ArrayList;
import org.unmixer.infer.LevelMatch;
import java.util.List;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.prep.InputPreparation;
import org.unmixer.audio.prep.PrepSettings;
import org.unmixer.audio.prep.PreparedInput;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.model.ChainDecoder;
import org.unmixer.model.ModelConfig;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.Prediction;

/**
 * Any user sound → {@link Estimate}: the file is prepared the way the training renders look (mono,
 * model rate, one note from its onset, the training renders' loudness), the model predicts, and the
 * source of each candidate is inferred — its note from the detected pitch less the predicted
 * oscillator transposition (so that a +12 st oscillator at C2 and a plain one at C3 are told apart by
 * the model, not by the pitch tracker), its gate from the model's gate head. The candidates are then
 * level-matched and the best chain's parameters refined with a few renders ({@link CandidateRefiner}).
 */
public final class SoundEstimator {
    /** The note used when the input has no clear pitch. */
    public static final int FALLBACK_NOTE = 60;
    public static final int VELOCITY = 100;

    private final ModelEstimator model;
    private final CandidateRefiner refiner;

    /** With the default refinement ({@link CandidateRefiner.Settings#DEFAULT}). */
    public SoundEstimator(ModelEstimator model) {
        this(model, CandidateRefiner.Settings.DEFAULT);
    }

    public SoundEstimator(ModelEstimator model, CandidateRefiner.Settings refinement) {
        this.model = model;
        this.refiner = new CandidateRefiner(model.patches(), refinement, LevelMatch.standard());
    }

    public PrepSettings prepSettings() {
        ModelConfig c = model.net().config();
        return PrepSettings.DEFAULT.withSeconds(c.seconds()).withTargetLufs(c.targetLufs());
    }

    public Estimate estimate(AudioBuffer audio, int topK) {
        long t0 = System.nanoTime();
        PreparedInput prepared = InputPreparation.prepare(audio, prepSettings());
        long t1 = System.nanoTime();
        Prediction p = model.predict(prepared.audio(), topK);
        long t2 = System.nanoTime();
        CandidateRefiner.Refined refined = refiner.refine(p, q -> source(q, prepared), prepared.audio());
        List<Double> probabilities = new ArrayList<>();
        for (ChainDecoder.Chain chain : p.chains()) {
            probabilities.add(chain.probability());
        }
        long t3 = System.nanoTime();
        return new Estimate(prepared, p, refined.patches(), probabilities, refined, t1 - t0, t2 - t1, t3 - t2);
    }

    private SourceSpec source(Prediction p, PreparedInput prepared) {
        double seconds = model.net().config().seconds();
        double gate = Math.max(0.05, Math.min(seconds, model.patches().gateFraction(p) * seconds));
        double transpose = model.patches().synth(p).settings().get("Osc 1 Transp");
        int note = prepared.note().map(n -> (int) Math.round(n.midiNote() + n.cents() / 100.0 - transpose)).orElse(FALLBACK_NOTE);
        note = Math.max(0, Math.min(127, note));
        return new SourceSpec(SourceKind.SYNTH, note, VELOCITY, gate, seconds - gate, 0);
    }

    /** The layout of the model's outputs (for reports). */
    public OutputLayout layout() {
        return model.net().layout();
    }

    public ModelEstimator model() {
        return model;
    }
}
