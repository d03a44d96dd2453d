package org.unmixer.live.sim;

import java.util.Locale;
import org.unmixer.params.ParamSpec;

/**
 * One {@code DeviceParameter} of a simulated device: Live's name, the LOM range, whether it is
 * quantized, and its value. Mutable; only the simulator's processing thread touches it (under the
 * simulator's lock).
 */
final class SimParameter {
    /** The catalog parameter behind it; {@code null} for "Device On" and devices the catalog does not know. */
    final ParamSpec spec;
    String name;
    final double min;
    final double max;
    final boolean quantized;
    double value;

    SimParameter(ParamSpec spec, String name, double min, double max, boolean quantized, double value) {
        this.spec = spec;
        this.name = name;
        this.min = min;
        this.max = max;
        this.quantized = quantized;
        this.value = value;
    }

    /** Live's "Device On" switch, parameter 0 of every device. */
    static SimParameter deviceOn() {
        return new SimParameter(null, "Device On", 0, 1, true, 1);
    }

    /** A catalog parameter at its default, LOM range {@code [lomMin, lomMax]}. */
    static SimParameter of(ParamSpec spec, String liveName) {
        return new SimParameter(spec, liveName, spec.lomMin(), spec.lomMax(), spec.isQuantized(),
                spec.toLom(spec.defaultValue()));
    }

    /**
     * Sets the value as {@code DeviceParameter.value = v} does: outside {@code [min, max]} throws and
     * changes nothing; a quantized parameter rounds to the nearest step (halves up) [I].
     */
    void set(double v) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw LiveError.invalidValue();
        }
        value = quantized ? Math.floor(v + 0.5) : v;
    }

    /** {@code str_for_value(value)}: the catalog's display value and unit ("2500 Hz", "On"). */
    String valueString() {
        if (spec != null) {
            return spec.displayText(spec.fromLom(value));
        }
        if (name.equals("Device On") || (quantized && min == 0 && max == 1)) {
            return value != 0 ? "On" : "Off";
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    SimParameter copy() {
        return new SimParameter(spec, name, min, max, quantized, value);
    }
}
