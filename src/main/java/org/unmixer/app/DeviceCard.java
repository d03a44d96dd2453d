package org.unmixer.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.ParamSpec;
import org.unmixer.session.Uncertainty;

/**
 * One device of the predicted chain as the window shows it, like a device in Live's device view:
 * its name, how sure the model is that it is there, and the estimated knobs in display units with
 * their uncertainty (pure data; the view draws it).
 *
 * @param device Live's device name
 * @param confidence presence probability of an effect (1 for the instrument)
 * @param knobs the estimated parameters
 */
public record DeviceCard(String device, double confidence, List<Knob> knobs) {
    /**
     * One knob: its value as Live shows it, and where value and ±σ sit on the knob's travel (θ ∈ [0, 1],
     * for the uncertainty bar; low = high = value when the model gives no interval).
     */
    public record Knob(String name, String text, double theta, double lowTheta, double highTheta) {
    }

    /** The cards of a patch's instrument and effects, in signal order. */
    public static List<DeviceCard> of(List<DeviceSettings> devices, Uncertainty uncertainty, boolean firstIsInstrument) {
        List<DeviceCard> cards = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceSettings d = devices.get(i);
            String name = d.device().name();
            double confidence = i == 0 && firstIsInstrument ? 1.0 : uncertainty.presence().getOrDefault(name, Double.NaN);
            cards.add(new DeviceCard(name, confidence, knobs(d, uncertainty)));
        }
        return cards;
    }

    private static List<Knob> knobs(DeviceSettings d, Uncertainty uncertainty) {
        List<Knob> out = new ArrayList<>();
        for (ParamSpec p : d.device().params()) {
            if (!p.estimated()) {
                continue;
            }
            double value = d.get(p.name());
            double theta = p.toNormalized(value);
            Optional<double[]> range = uncertainty.range(d.device().name(), p.name());
            double low = range.map(r -> p.toNormalized(r[0])).orElse(theta);
            double high = range.map(r -> p.toNormalized(r[1])).orElse(theta);
            out.add(new Knob(p.name(), p.shortText(value), theta, Math.min(low, theta), Math.max(high, theta)));
        }
        return out;
    }
}
