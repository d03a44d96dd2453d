package org.unmixer.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unmixer.model.HybridLoss;
import org.unmixer.params.BadInputException;

/**
 * A training run's settings ({@code unmixer-train/1} JSON, e.g. {@code assets/training/default.json}).
 * Dataset configs are paths relative to the training config's folder; the data are generated on
 * first use.
 *
 * @param name run name
 * @param seed batch order and initialisation
 * @param data the dataset config of each curriculum stage and of the validation set
 * @param curriculum the steps at which the stages switch
 * @param steps total optimiser steps
 * @param batchSize examples per step
 * @param learningRate peak learning rate (after warm-up; cosine decay to a tenth by the end)
 * @param warmupSteps linear warm-up
 * @param weightDecay decoupled weight decay (Euclidean parameters)
 * @param clipNorm global gradient-norm limit
 * @param loss the hybrid loss weights
 * @param model the architecture
 * @param evalEvery steps between validation passes
 * @param checkpointEvery steps between checkpoints
 * @param evalExamples validation examples used per pass
 * @param spectral the spectral self-supervision term (off when absent from the file)
 */
public record TrainingConfig(
        String name,
        long seed,
        Data data,
        Curriculum curriculum,
        int steps,
        int batchSize,
        double learningRate,
        int warmupSteps,
        double weightDecay,
        double clipNorm,
        HybridLoss.Weights loss,
        Architecture model,
        int evalEvery,
        int checkpointEvery,
        int evalExamples,
        Spectral spectral) {
    public static final String FORMAT = "unmixer-train/1";

    /** Dataset configs per stage (paths relative to the training config). */
    public record Data(String dry, String nonlinear, String full, String validation) {}

    /** Stage switch points: dry before {@code nonlinearFrom}, nonlinear before {@code fullFrom}, then full. */
    public record Curriculum(int nonlinearFrom, int fullFrom) {}

    /** The network's size. */
    public record Architecture(boolean hyperbolic, double curvature, int stemFilters, int channels, int embedding, int headHidden,
                               int mdnComponents, int decoderHidden, int tokenDim) {}

    /**
     * The λ_spec·MR-STFT term: from step {@code fromStep} on (its own curriculum switch), the first
     * {@code examples} examples of each batch are rendered with the predicted parameters through
     * the differentiable chain (straight-through: the reference renderer's audio, the stand-ins'
     * gradients) and their distance to the true render joins the loss with weight {@code lambda}.
     * {@code validationExamples} validation examples are scored the same way at each validation pass.
     * With {@code headOnly} the term's gradient stops at the embedding: it trains the mixture head,
     * and leaves the encoder that the chain decoder shares as the other terms shape it.
     */
    public record Spectral(double lambda, int fromStep, int examples, int validationExamples, boolean headOnly) {
        public static final Spectral OFF = new Spectral(0, 0, 0, 0, false);

        public Spectral {
            if (!(lambda >= 0) || fromStep < 0 || examples < 0 || validationExamples < 0) {
                throw new BadInputException("training config: spectral lambda, fromStep, examples and validationExamples must not be negative");
            }
        }

        /** Whether the term is part of the loss at {@code step}. */
        public boolean activeAt(int step) {
            return lambda > 0 && examples > 0 && step >= fromStep;
        }
    }

    public TrainingConfig {
        if (steps < 1 || batchSize < 1 || !(learningRate > 0) || warmupSteps < 0 || weightDecay < 0 || !(clipNorm > 0)
                || evalEvery < 1 || checkpointEvery < 1 || evalExamples < 1) {
            throw new BadInputException("training config: steps, batchSize, learningRate, clipNorm, evalEvery,"
                    + " checkpointEvery and evalExamples must be positive; warmupSteps and weightDecay not negative");
        }
        if (curriculum.nonlinearFrom() < 0 || curriculum.fullFrom() < curriculum.nonlinearFrom()) {
            throw new BadInputException("training config: curriculum needs 0 ≤ nonlinearFrom ≤ fullFrom");
        }
    }

    /** The stage at a step. */
    public String stageAt(int step) {
        return step < curriculum.nonlinearFrom() ? "dry" : step < curriculum.fullFrom() ? "nonlinear" : "full";
    }

    /** Learning rate at a step: linear warm-up, then cosine decay from the peak to a tenth of it. */
    public double learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = (step - warmupSteps) / (double) Math.max(1, steps - warmupSteps);
        return learningRate * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress))));
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    public static TrainingConfig load(Path file) {
        try {
            JsonNode root = STRICT.readTree(Files.readString(file));
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new BadInputException(file + ": format \"" + root.path("format").asText() + "\" is not " + FORMAT);
            }
            com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) root;
            object.remove(java.util.List.of("format", "note"));
            if (!object.has("spectral")) {
                object.set("spectral", STRICT.valueToTree(Spectral.OFF));
            }
            java.util.List<String> known = java.util.Arrays.stream(TrainingConfig.class.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName).toList();
            for (var it = root.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    throw new BadInputException(file + ": unknown field \"" + field + "\""
                            + org.unmixer.params.Suggest.didYouMean(field, known));
                }
            }
            return STRICT.treeToValue(root, TrainingConfig.class);
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new BadInputException(file + ": malformed training config (" + msg + ")");
        }
    }
}
