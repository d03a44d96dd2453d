package org.unmixer.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.unmixer.model.OutputLayout;
import org.unmixer.model.Prediction;

/**
 * The model's uncertainty in display units, for the window's device cards: each estimated knob's
 * ±σ interval (the point estimate's mixture component, mapped through the parameter's taper), and
 * each effect's presence probability.
 *
 * @param ranges "Device/Parameter" → {low, high} in display units
 * @param presence effect name → probability that it is in the chain
 */
public record Uncertainty(Map<String, double[]> ranges, Map<String, Double> presence) {
    public static Uncertainty of(Prediction p, OutputLayout layout) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (int j = 0; j < layout.continuous().size(); j++) {
            OutputLayout.Continuous c = layout.continuous().get(j);
            if (c.spec() == null) {
                continue;
            }
            double point = p.point(j);
            double sigma = p.std()[j];
            ranges.put(c.name(), new double[] {c.spec().fromNormalized(clamp(point - sigma)),
                    c.spec().fromNormalized(clamp(point + sigma))});
        }
        Map<String, Double> presence = new LinkedHashMap<>();
        for (int e = 0; e < layout.effects().size(); e++) {
            presence.put(layout.effects().get(e), (double) p.presence()[e]);
        }
        return new Uncertainty(Map.copyOf(ranges), Map.copyOf(presence));
    }

    /** The ±σ interval of a device's parameter, when the model estimates it. */
    public Optional<double[]> range(String device, String parameter) {
        return Optional.ofNullable(ranges.get(device + "/" + parameter));
    }

    private static double clamp(double t) {
        return Math.max(0, Math.min(1, t));
    }
}
