package org.unmixer.params;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of every parameter of one device, in display units (item index for quantized
 * parameters). Immutable: {@link #with} returns a copy.
 */
public final class DeviceSettings {
    private final DeviceSpec device;
    private final double[] values;

    DeviceSettings(DeviceSpec device, double[] values) {
        this.device = device;
        this.values = values;
    }

    public DeviceSpec device() {
        return device;
    }

    /** Display value (or item index) of a parameter. */
    public double get(String paramName) {
        return values[indexOrThrow(paramName)];
    }

    /** Item index of a quantized parameter. */
    public int index(String paramName) {
        return (int) Math.round(get(paramName));
    }

    /** Item name of a quantized parameter. */
    public String item(String paramName) {
        return device.param(paramName).itemName(get(paramName));
    }

    /** True when an Off/On parameter is On (any non-zero index). */
    public boolean isOn(String paramName) {
        return get(paramName) != 0;
    }

    /** Normalised θ of a parameter. */
    public double normalized(String paramName) {
        int i = indexOrThrow(paramName);
        return device.params().get(i).toNormalized(values[i]);
    }

    /** A copy with one parameter changed; the value is validated against the parameter's range. */
    public DeviceSettings with(String paramName, Object value) {
        int i = indexOrThrow(paramName);
        double[] copy = values.clone();
        copy[i] = device.params().get(i).parse(value, device.name());
        return new DeviceSettings(device, copy);
    }

    /** A copy with several parameters changed (patch-JSON form: numbers, item names, booleans). */
    public DeviceSettings with(Map<String, ?> changes) {
        double[] copy = values.clone();
        for (var e : changes.entrySet()) {
            int i = indexOrThrow(e.getKey());
            copy[i] = device.params().get(i).parse(e.getValue(), device.name());
        }
        return new DeviceSettings(device, copy);
    }

    /** A copy with parameters set from normalised θ (quantized ones round to an item). */
    public DeviceSettings withNormalized(String paramName, double theta) {
        if (!(theta >= 0 && theta <= 1)) {
            throw new IllegalArgumentException(paramName + ": θ " + theta + " outside [0, 1]");
        }
        int i = indexOrThrow(paramName);
        double[] copy = values.clone();
        copy[i] = device.params().get(i).fromNormalized(theta);
        return new DeviceSettings(device, copy);
    }

    /** Patch-JSON form: display numbers, item names for quantized parameters, in catalog order. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            ParamSpec p = device.params().get(i);
            out.put(p.name(), p.isQuantized() ? p.itemName(values[i]) : values[i]);
        }
        return out;
    }

    /** Only the parameters that differ from the device's defaults, in patch-JSON form. */
    public Map<String, Object> changedFromDefaults() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            ParamSpec p = device.params().get(i);
            if (values[i] != p.defaultValue()) {
                out.put(p.name(), p.isQuantized() ? p.itemName(values[i]) : values[i]);
            }
        }
        return out;
    }

    private int indexOrThrow(String paramName) {
        int i = device.indexOf(paramName);
        if (i < 0) {
            device.param(paramName); // throws with a suggestion
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceSettings other && other.device.name().equals(device.name())
                && java.util.Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return device.name().hashCode() * 31 + java.util.Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return device.name() + toJsonMap();
    }
}
