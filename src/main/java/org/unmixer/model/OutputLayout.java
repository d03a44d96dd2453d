package org.unmixer.model;

import java.util.ArrayList;
import java.util.List;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * What the network predicts, in a fixed order: the continuous targets (one mixture per target, in
 * normalised θ), the discrete targets (one softmax per target), and the chain vocabulary.
 *
 * <p>Targets come from the catalog's estimated parameters, instrument first, then the audio effects
 * in catalog order; each belongs to a device "slot" so that targets of absent devices can be
 * masked. Two kinds of target are not catalog parameters: {@value #SOURCE_GATE} (the note's gate as
 * a fraction of the render length, continuous, synth slot) and one wavetable choice per
 * oscillator ({@value #OSC1_TABLE}, {@value #OSC2_TABLE}, discrete over the wavetable names the
 * caller passes, since the table list lives in the forward model that this layer must not see).
 *
 * <p>Names are {@code "Device/Parameter"}, the same as the dataset's θ columns.
 */
public final class OutputLayout {
    public static final String SOURCE_GATE = "Source/Gate";
    public static final String OSC1_TABLE = "Wavetable/Osc 1 Table";
    public static final String OSC2_TABLE = "Wavetable/Osc 2 Table";
    /** Slot of the instrument; effects follow from 1 in vocabulary order. */
    public static final int SYNTH_SLOT = 0;

    /** A continuous target: its column name, slot and (null for the gate) catalog parameter. */
    public record Continuous(String name, int slot, ParamSpec spec) {}

    /** A discrete target with its class names (item names, or wavetable names). */
    public record Discrete(String name, int slot, ParamSpec spec, List<String> classes) {
        public Discrete {
            classes = List.copyOf(classes);
        }
    }

    private final List<Continuous> continuous = new ArrayList<>();
    private final List<Discrete> discrete = new ArrayList<>();
    private final List<String> effects;
    private final String instrument;
    private final List<String> wavetables;

    /**
     * @param catalog the devices
     * @param wavetables the wavetable names, as "Category/Name", in class order
     */
    public OutputLayout(Catalog catalog, List<String> wavetables) {
        this.wavetables = List.copyOf(wavetables);
        List<DeviceSpec> instruments = catalog.devices().stream().filter(d -> d.kind() == DeviceKind.INSTRUMENT).toList();
        if (instruments.size() != 1) {
            throw new IllegalArgumentException("the model expects exactly one instrument in the catalog, found " + instruments.size());
        }
        instrument = instruments.get(0).name();
        effects = catalog.devices().stream().filter(d -> d.kind() == DeviceKind.AUDIO_EFFECT).map(DeviceSpec::name).toList();
        addDevice(instruments.get(0), SYNTH_SLOT);
        continuous.add(new Continuous(SOURCE_GATE, SYNTH_SLOT, null));
        discrete.add(new Discrete(OSC1_TABLE, SYNTH_SLOT, null, wavetables));
        discrete.add(new Discrete(OSC2_TABLE, SYNTH_SLOT, null, wavetables));
        for (int i = 0; i < effects.size(); i++) {
            addDevice(catalog.device(effects.get(i)), i + 1);
        }
    }

    private void addDevice(DeviceSpec device, int slot) {
        for (ParamSpec p : device.params()) {
            if (!p.estimated()) {
                continue;
            }
            String name = device.name() + "/" + p.name();
            if (p.isQuantized()) {
                discrete.add(new Discrete(name, slot, p, p.items()));
            } else {
                continuous.add(new Continuous(name, slot, p));
            }
        }
    }

    public List<Continuous> continuous() {
        return continuous;
    }

    public List<Discrete> discrete() {
        return discrete;
    }

    /** The chain vocabulary: audio effect names; token {@code effects().size()} is end-of-chain. */
    public List<String> effects() {
        return effects;
    }

    public String instrument() {
        return instrument;
    }

    public List<String> wavetables() {
        return wavetables;
    }

    /** Number of device slots: the instrument plus one per effect. */
    public int slotCount() {
        return effects.size() + 1;
    }

    /** Total number of classes over all discrete targets (the classifier's output width). */
    public int classCount() {
        return discrete.stream().mapToInt(d -> d.classes().size()).sum();
    }

    /** Start of each discrete target's logits in the classifier output. */
    public int[] classOffsets() {
        int[] offsets = new int[discrete.size() + 1];
        for (int i = 0; i < discrete.size(); i++) {
            offsets[i + 1] = offsets[i] + discrete.get(i).classes().size();
        }
        return offsets;
    }

    /** Slot of an effect by name, or −1. */
    public int slotOf(String deviceName) {
        if (deviceName.equals(instrument)) {
            return SYNTH_SLOT;
        }
        int i = effects.indexOf(deviceName);
        return i < 0 ? -1 : i + 1;
    }

    /** A short fingerprint of the layout, stored with a model so that a mismatched catalog is caught on load. */
    public String signature() {
        StringBuilder b = new StringBuilder();
        continuous.forEach(c -> b.append(c.name()).append(';'));
        discrete.forEach(d -> b.append(d.name()).append(d.classes()).append(';'));
        b.append(effects);
        return Integer.toHexString(b.toString().hashCode());
    }
}
