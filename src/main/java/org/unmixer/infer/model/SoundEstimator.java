package org.unmixer.infer.model;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.prep.InputPreparation;
import org.unmixer.audio.prep.PrepSettings;
import org.unmixer.audio.prep.PreparedInput;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SourceKind;
import org.unmixer.dsp.patch.SourceSpec;
import org.unmixer.infer.LevelMatch;
import org.unmixer.infer.LevelMatchedEstimator;
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

    /**
     * Known-source mode: the input is a known signal (noise, chirp, impulse: {@code source}) through
     * an unknown chain, so only the chain is estimated. The model's chains are built with that source
     * (no synth) and ranked by the log-mel distance of their renders to the input. The target keeps
     * its level and timing (no loudness normalisation, trimming or windowing: with the source known,
     * both carry information about the chain); only the model's features are computed from the
     * prepared copy.
     */
    public Estimate estimateKnownSource(AudioBuffer audio, SourceSpec source, int topK) {
        if (source.kind() == SourceKind.SYNTH) {
            throw new IllegalArgumentException("known-source mode needs a noise, chirp or impulse source");
        }
        long t0 = System.nanoTime();
        PrepSettings settings = prepSettings();
        int rate = settings.sampleRate();
        float[] mono = InputPreparation.monoAt(audio, rate);
        int frames = (int) Math.round(source.totalSeconds() * rate);
        AudioBuffer target = AudioBuffer.mono(java.util.Arrays.copyOf(mono, frames), rate);
        PreparedInput forModel = InputPreparation.prepare(audio, settings);
        List<String> steps = List.of("mono at " + rate + " Hz", (frames >= mono.length ? "padded" : "cut") + " to the known source's "
                + source.totalSeconds() + " s (signal + tail)", "level and timing kept (known source)");
        PreparedInput prepared = new PreparedInput(target, 0, false, 0, audio.seconds(), audio.sampleRate(), audio.channelCount(),
                frames > mono.length, java.util.Optional.empty(), source.seconds(), steps);
        long t1 = System.nanoTime();
        Prediction p = model.predict(forModel.audio(), topK);
        long t2 = System.nanoTime();
        List<Patch> patches = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        for (ChainDecoder.Chain chain : p.chains()) {
            Patch patch = model.patches().patch(p, chain, source);
            patches.add(patch);
            distances.add(LevelMatchedEstimator.logMelDistance(Renderer.render(patch, rate), target));
        }
        Integer[] order = new Integer[patches.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(distances::get));
        List<Patch> ranked = new ArrayList<>();
        List<Double> rankedDistances = new ArrayList<>();
        List<Double> probabilities = new ArrayList<>();
        for (int i : order) {
            ranked.add(patches.get(i));
            rankedDistances.add(distances.get(i));
            probabilities.add(p.chains().get(i).probability());
        }
        CandidateRefiner.Refined refined = new CandidateRefiner.Refined(ranked, rankedDistances,
                java.util.Collections.nCopies(ranked.size(), 0.0), 0, 0, ranked.size());
        long t3 = System.nanoTime();
        return new Estimate(prepared, p, ranked, probabilities, refined, t1 - t0, t2 - t1, t3 - t2);
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
