package org.unmixer.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.unmixer.audio.AudioBuffer;
import org.unmixer.dsp.Renderer;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.SynthSpec;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.diff.DiffDevices;
import org.unmixer.model.diff.PatchGradient;
import org.unmixer.params.DeviceSettings;

/**
 * The estimator's spectral self-supervision: how far the render of the predicted continuous
 * parameters is from the true render, and the gradient of that distance with respect to the
 * predicted values.
 *
 * <p>For each example the true patch keeps its source, chain and discrete switches, and every
 * continuous target of the layout that belongs to a device of the patch takes the predicted value;
 * the result is rendered by the reference renderer and compared with the true patch's render
 * (multi-resolution STFT). The gradient comes from {@link PatchGradient}: exact through the synth's
 * level, oscillators, filter and envelope and through the analytic devices, through a proxy or a one-parameter
 * exact path elsewhere; the predicted values of parameters with no gradient path (the oscillators'
 * settings, a frozen device's) still shape the distance but receive no gradient.
 *
 * <p>The trainer turns the gradient G into a loss term ⟨point, stopgrad(G)⟩, whose gradient with
 * respect to the network is that of the distance: the render never enters the autograd graph of
 * the network, so a batch's renders cost one reference render and one backward pass per example.
 */
public final class SpectralTerm {
    /** Per-example distances and the gradient [n · P] over the layout's continuous targets. */
    public record Batch(double[] distances, float[] gradients) {
        public double meanDistance() {
            double sum = 0;
            for (double d : distances) {
                sum += d;
            }
            return distances.length == 0 ? 0 : sum / distances.length;
        }
    }

    private final OutputLayout layout;
    private final DiffDevices diff;
    private final Map<String, Integer> column = new HashMap<>();

    public SpectralTerm(OutputLayout layout, DiffDevices diff) {
        this.layout = layout;
        this.diff = diff;
        for (int j = 0; j < layout.continuous().size(); j++) {
            column.put(layout.continuous().get(j).name(), j);
        }
    }

    /**
     * @param truths the examples' true patches
     * @param points [n · P] the predicted point of every continuous target, row by row
     * @param sampleRate the rate the examples were rendered at
     * @param withGradient false for validation: distances only
     */
    public Batch evaluate(List<Patch> truths, float[] points, int sampleRate, boolean withGradient) {
        int n = truths.size();
        int p = layout.continuous().size();
        if (points.length != n * p) {
            throw new IllegalArgumentException(points.length + " predicted values for " + n + " examples of " + p);
        }
        // Renders and set-up in parallel; the gradients one at a time (DJL allows one collector at once).
        List<PatchGradient> objectives = IntStream.range(0, n).parallel()
                .mapToObj(b -> new PatchGradient(predicted(truths.get(b), points, b * p),
                        Renderer.render(truths.get(b), sampleRate), diff, true))
                .toList();
        double[] distances = new double[n];
        float[] gradients = new float[n * p];
        for (int b = 0; b < n; b++) {
            PatchGradient objective = objectives.get(b);
            PatchGradient.ValueAndGradient v = objective.evaluate(objective.theta0(), withGradient);
            distances[b] = v.value();
            if (withGradient) {
                List<String> names = objective.names();
                for (int i = 0; i < names.size(); i++) {
                    Integer j = column.get(names.get(i));
                    if (j != null && Double.isFinite(v.gradient()[i])) {
                        gradients[b * p + j] += (float) v.gradient()[i];
                    }
                }
            }
        }
        return new Batch(distances, gradients);
    }

    /** The true patch with the predicted continuous values of its own devices (source and gate kept). */
    Patch predicted(Patch truth, float[] points, int offset) {
        Optional<SynthSpec> synth = truth.synth().map(s -> new SynthSpec(withPoints(s.settings(), points, offset),
                s.oscillator1(), s.oscillator2(), s.unison()));
        List<DeviceSettings> chain = new ArrayList<>();
        for (DeviceSettings d : truth.chain()) {
            chain.add(withPoints(d, points, offset));
        }
        return new Patch(truth.source(), synth, chain);
    }

    private DeviceSettings withPoints(DeviceSettings settings, float[] points, int offset) {
        DeviceSettings s = settings;
        int slot = layout.slotOf(settings.device().name());
        for (int j = 0; j < layout.continuous().size(); j++) {
            OutputLayout.Continuous c = layout.continuous().get(j);
            if (c.slot() == slot && c.spec() != null) {
                s = s.withNormalized(c.spec().name(), Math.max(0, Math.min(1, points[offset + j])));
            }
        }
        return s;
    }
}
