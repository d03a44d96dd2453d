package org.unmixer.infer.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.infer.itf.CandidateItf;
import org.unmixer.infer.itf.CmaesPolish;
import org.unmixer.infer.itf.EffectItf;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.PresenceCalibration;
import org.unmixer.model.Prediction;
import org.unmixer.params.ParamSpec;

/**
 * The estimate JSON of DESIGN.md §4 ({@code unmixer-estimate/1}): the best patch, the alternatives
 * with their chain probabilities, the uncertainty (σ per continuous parameter, in θ and as a display
 * range; probabilities per discrete parameter; per chain), the input preparation steps, the timing,
 * and an {@code itf} section (empty until inference-time finetuning runs).
 */
public final class EstimateJson {
    public static final String FORMAT = "unmixer-estimate/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EstimateJson() {
    }

    public static String write(Estimate e, String inputName, OutputLayout layout) {
        return write(e, inputName, layout, PresenceCalibration.identity(layout.effects().size()));
    }

    /** With the per-effect presence thresholds the chain's device set was chosen by. */
    public static String write(Estimate e, String inputName, OutputLayout layout, PresenceCalibration calibration) {
        return write(e, inputName, layout, calibration, Optional.empty(), null);
    }

    /**
     * With the ITF runs of the top candidates — the winning run's steps as {@code itf} (its best step
     * then becomes {@code best}), every run summarised in {@code itfCandidates} — or, when ITF was
     * asked for but could not run, {@code itfNote} saying why.
     */
    public static String write(Estimate e, String inputName, OutputLayout layout, PresenceCalibration calibration,
            Optional<CandidateItf.Result> runs, String itfNote) {
        return write(e, inputName, layout, calibration, runs, itfNote, Optional.empty());
    }

    /** With the CMA-ES polish after ITF, whose patch then becomes {@code best} ({@code itfPolish} section). */
    public static String write(Estimate e, String inputName, OutputLayout layout, PresenceCalibration calibration,
            Optional<CandidateItf.Result> runs, String itfNote, Optional<CmaesPolish.Result> polish) {
        Optional<EffectItf.Trajectory> itf = runs.map(r -> r.chosenRun().trajectory());
        PatchJson patches = PatchJson.standard();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode input = root.putObject("input");
        input.put("file", inputName);
        input.put("seconds", e.prepared().sourceSeconds());
        input.put("sampleRate", e.prepared().sourceRate());
        input.put("channels", e.prepared().sourceChannels());
        input.put("windowStartSeconds", e.prepared().windowStartSeconds());
        input.put("gainDb", e.prepared().gainDb());
        e.prepared().note().ifPresent(n -> input.put("detectedNote", n.noteName()));
        input.put("gateSecondsHeuristic", e.prepared().gateSeconds());
        ArrayNode steps = input.putArray("steps");
        e.prepared().steps().forEach(steps::add);
        root.set("best", patches.toTree(polish.map(CmaesPolish.Result::patch)
                .orElse(itf.map(t -> t.bestStep().patch()).orElse(e.best())), true));
        ArrayNode alternatives = root.putArray("alternatives");
        for (int i = 0; i < e.candidates().size(); i++) {
            ObjectNode a = alternatives.addObject();
            a.put("rank", i + 1);
            a.put("chainProbability", e.chainProbabilities().get(i));
            a.put("logMelDistance", e.refinement().distances().get(i));
            a.put("levelMatchDb", e.refinement().volumeChangesDb().get(i));
            a.set("patch", patches.toTree(e.candidates().get(i), true));
        }
        ObjectNode refinement = root.putObject("refinement");
        refinement.put("draws", e.refinement().draws());
        refinement.put("chosenDraw", e.refinement().chosenDraw());
        refinement.put("renders", e.refinement().renders());
        refinement.put("note", "every candidate's Wavetable Volume set to match the input's loudness (levelMatchDb);"
                + " the best chain's parameters chosen among the point estimate (chosenDraw 0) and draws from the"
                + " predicted mixtures by log-mel distance of their renders to the input");
        ObjectNode u = uncertainty(e.prediction(), layout);
        ObjectNode thresholds = u.putObject("presenceThresholds");
        for (int i = 0; i < layout.effects().size(); i++) {
            thresholds.put(layout.effects().get(i), calibration.thresholds()[i]);
        }
        root.set("uncertainty", u);
        ArrayNode itfSteps = root.putArray("itf");
        itf.ifPresent(t -> t.steps().forEach(st -> {
            ObjectNode n = itfSteps.addObject();
            n.put("step", st.step()).put("loss", st.differentiableLoss()).put("referenceDistance", st.referenceDistance())
                    .put("best", st.step() == t.best());
            ObjectNode params = n.putObject("params");
            for (var device : st.patch().chain()) {
                ObjectNode d = params.putObject(device.device().name());
                device.changedFromDefaults().forEach((k, v) -> d.putPOJO(k, v));
            }
        }));
        runs.ifPresent(r -> {
            ArrayNode candidates = root.putArray("itfCandidates");
            for (int i = 0; i < r.runs().size(); i++) {
                CandidateItf.Run run = r.runs().get(i);
                ObjectNode c = candidates.addObject();
                c.put("rank", run.candidate() + 1).put("chosen", i == r.chosen())
                        .put("startDistance", run.trajectory().steps().get(0).referenceDistance())
                        .put("bestDistance", run.bestDistance()).put("bestStep", run.trajectory().best())
                        .put("moveRenders", run.trajectory().moveRenders());
                c.put("synth", run.trajectory().synthRefined() ? "differentiable voice (Volume, oscillators, Filter 1, amp envelope)" : "fixed");
                ObjectNode kinds = c.putObject("devices");
                var chain = run.trajectory().steps().get(0).patch().chain();
                for (int k = 0; k < chain.size(); k++) {
                    kinds.put((k + 1) + " " + chain.get(k).device().name(), run.trajectory().deviceKinds().get(k));
                }
            }
        });
        if (itfNote != null) {
            root.put("itfNote", itfNote);
        }
        polish.ifPresent(p -> root.putObject("itfPolish").put("method", "cmaes").put("renders", p.renders())
                .put("referenceDistanceBefore", p.before()).put("referenceDistanceAfter", p.after()));
        ObjectNode timing = root.putObject("timing");
        timing.put("prepareMs", e.prepareNanos() / 1e6);
        timing.put("modelMs", e.modelNanos() / 1e6);
        timing.put("refineMs", e.refineNanos() / 1e6);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static ObjectNode uncertainty(Prediction p, OutputLayout layout) {
        ObjectNode u = MAPPER.createObjectNode();
        ObjectNode continuous = u.putObject("continuous");
        for (int j = 0; j < layout.continuous().size(); j++) {
            OutputLayout.Continuous c = layout.continuous().get(j);
            ObjectNode n = continuous.putObject(c.name());
            double point = p.point(j);
            double sigma = p.std()[j];
            n.put("theta", point);
            n.put("meanTheta", p.mean()[j]);
            n.put("modeTheta", p.mode()[j]);
            n.put("sigmaTheta", sigma);
            ParamSpec spec = c.spec();
            if (spec != null) {
                n.put("value", spec.fromNormalized(clamp(point)));
                n.put("low", spec.fromNormalized(clamp(point - sigma)));
                n.put("high", spec.fromNormalized(clamp(point + sigma)));
                n.put("unit", spec.unit());
            }
        }
        ObjectNode discrete = u.putObject("discrete");
        for (int j = 0; j < layout.discrete().size(); j++) {
            OutputLayout.Discrete d = layout.discrete().get(j);
            ObjectNode n = discrete.putObject(d.name());
            float[] probs = p.classProbabilities().get(j);
            for (int k = 0; k < probs.length; k++) {
                n.put(d.classes().get(k), probs[k]);
            }
        }
        ObjectNode presence = u.putObject("presence");
        for (int e = 0; e < layout.effects().size(); e++) {
            presence.put(layout.effects().get(e), p.presence()[e]);
        }
        ArrayNode chains = u.putArray("chains");
        p.chains().forEach(ch -> {
            ObjectNode n = chains.addObject();
            ArrayNode names = n.putArray("devices");
            ch.effects().forEach(i -> names.add(layout.effects().get(i)));
            n.put("probability", ch.probability());
        });
        return u;
    }

    private static double clamp(double t) {
        return Math.max(0, Math.min(1, t));
    }
}
