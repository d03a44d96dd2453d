package org.unmixer.infer.model;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.audio.Resampler;
import java.util.Optional;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.infer.Candidate;
import org.unmixer.infer.LevelMatch;
import org.unmixer.infer.Estimation;
import org.unmixer.infer.EstimationInput;
import org.unmixer.infer.Estimator;
import org.unmixer.model.ChainDecoder;
import org.unmixer.model.Features;
import org.unmixer.model.InverseNet;
import org.unmixer.model.ModelFiles;
import org.unmixer.model.Prediction;
import org.unmixer.model.Predictor;
import org.unmixer.model.PresenceCalibration;
import org.unmixer.params.Catalog;

/**
 * The trained inverse model as an {@link Estimator}: one forward pass and the chain ranking, no renders.
 * Candidates are the top-K chains (K = {@code topK}), each with the parameters' point estimates, ranked by chain
 * probability (score −log p). The source facts come from the input, as for every method of the
 * benchmark.
 * {@link #refined} adds the renders of a {@link CandidateRefiner} (level match, parameter draws).
 */
public final class ModelEstimator implements Estimator, AutoCloseable {
    private final String name;
    private final NDManager manager;
    private final Predictor predictor;
    private final PredictedPatches patches;
    private final int topK;
    private final Optional<CandidateRefiner> refiner;

    private ModelEstimator(String name, NDManager manager, Predictor predictor, int topK, Optional<CandidateRefiner.Settings> refine) {
        this.name = name;
        this.manager = manager;
        this.predictor = predictor;
        this.patches = new PredictedPatches(Catalog.standard(), predictor.net().layout(), predictor.net().config());
        this.topK = topK;
        this.refiner = refine.map(s -> new CandidateRefiner(patches, s, LevelMatch.standard()));
    }

    /**
     * The same model (shared, not copied) under another name, its candidates refined with a few
     * renders by a {@link CandidateRefiner} with these settings.
     */
    public ModelEstimator refined(String newName, CandidateRefiner.Settings settings) {
        return new ModelEstimator(newName, manager, predictor, topK, Optional.of(settings));
    }

    /**
     * Loads a saved model, with its {@code calibration.json} when there is one.
     *
     * @param name the method name in reports ("model", "model-euclid")
     * @throws org.unmixer.params.BadInputException naming the file when the model is missing or corrupt
     */
    public static ModelEstimator load(String name, Path modelDir, int topK) {
        NDManager manager = NDManager.newBaseManager();
        try {
            InverseNet net = ModelFiles.load(modelDir, Catalog.standard(), manager);
            PresenceCalibration calibration = PresenceCalibration.read(modelDir, net.layout().effects())
                    .orElse(PresenceCalibration.identity(net.layout().effects().size()));
            return new ModelEstimator(name, manager, new Predictor(net, manager, calibration), topK, Optional.empty());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    public InverseNet net() {
        return predictor.net();
    }

    /** The network's output for audio (resampled to the model rate when needed). */
    public Prediction predict(AudioBuffer audio, int k) {
        int rate = predictor.net().config().sampleRate();
        AudioBuffer a = audio.sampleRate() == rate ? audio : Resampler.resample(audio, rate);
        return predictor.predict(Features.logMel(a, predictor.net().config()), k);
    }

    /** The per-effect presence thresholds the chain ranking uses. */
    public PresenceCalibration calibration() {
        return predictor.calibration();
    }

    public PredictedPatches patches() {
        return patches;
    }

    @Override
    public Estimation estimate(EstimationInput input) {
        long start = System.nanoTime();
        Prediction p = predict(input.target(), topK);
        List<Patch> chosen = new ArrayList<>();
        int renders = 0;
        if (refiner.isPresent()) {
            CandidateRefiner.Refined r = refiner.get().refine(p, q -> input.source(), input.target());
            chosen.addAll(r.patches());
            renders = r.renders();
        } else {
            p.chains().forEach(chain -> chosen.add(patches.patch(p, chain, input.source())));
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            double probability = p.chains().get(i).probability();
            candidates.add(new Candidate(chosen.get(i), -Math.log(Math.max(probability, 1e-300))));
        }
        return new Estimation(candidates, renders, System.nanoTime() - start);
    }

    @Override
    public void close() {
        manager.close();
    }
}
