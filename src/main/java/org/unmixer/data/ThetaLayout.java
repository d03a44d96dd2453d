package org.unmixer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSettings;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * The fixed column layout of {@code theta.npy} and {@code theta_mask.npy}: every parameter of the
 * instrument (Wavetable), then one slot per audio effect in catalog order with every parameter of
 * that effect, each column named {@code "Device/Parameter"}. A column holds normalised θ; its mask
 * is 1 when the device is in the patch (the synth in synth-source patches, an effect when it is in
 * the chain) and 0 otherwise, with θ = 0 there. Each effect appears at most once per chain (the
 * stages never repeat one), so one slot per effect suffices; the order is in {@code chain.npy}.
 */
public final class ThetaLayout {
    /** chain.npy length: {@link Patch#MAX_CHAIN}, padded with {@link #NO_DEVICE}. */
    public static final int CHAIN_LENGTH = Patch.MAX_CHAIN;
    public static final int NO_DEVICE = -1;

    private final List<DeviceSpec> slots;
    private final int[] offsets;
    private final List<String> columns;

    public ThetaLayout(Catalog catalog) {
        List<DeviceSpec> s = new ArrayList<>();
        catalog.devices().stream().filter(d -> d.kind() == DeviceKind.INSTRUMENT).forEach(s::add);
        s.addAll(PatchSampler.effectDevices(catalog));
        slots = List.copyOf(s);
        offsets = new int[slots.size() + 1];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            offsets[i] = names.size();
            for (ParamSpec p : slots.get(i).params()) {
                names.add(slots.get(i).name() + "/" + p.name());
            }
        }
        offsets[slots.size()] = names.size();
        columns = List.copyOf(names);
    }

    /** Column names, in order. */
    public List<String> columns() {
        return columns;
    }

    public int width() {
        return columns.size();
    }

    /** Devices by slot: instruments first, then the effects (whose order is the chain.npy vocabulary). */
    public List<DeviceSpec> slots() {
        return slots;
    }

    /** Fills one row of θ and of the mask for a patch. */
    public void fill(Patch patch, float[] theta, int[] mask) {
        Arrays.fill(theta, 0f);
        Arrays.fill(mask, 0);
        patch.synth().ifPresent(s -> put(s.settings(), theta, mask));
        patch.chain().forEach(d -> put(d, theta, mask));
    }

    private void put(DeviceSettings settings, float[] theta, int[] mask) {
        int slot = slotOf(settings.device().name());
        List<ParamSpec> params = settings.device().params();
        for (int j = 0; j < params.size(); j++) {
            theta[offsets[slot] + j] = (float) settings.normalized(params.get(j).name());
            mask[offsets[slot] + j] = 1;
        }
    }

    private int slotOf(String deviceName) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(deviceName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("device \"" + deviceName + "\" has no θ slot");
    }

    /** The chain as effect indices (position in {@link PatchSampler#effectDevices}), padded with −1. */
    public int[] chainIndices(Patch patch, List<DeviceSpec> effects) {
        int[] out = new int[CHAIN_LENGTH];
        Arrays.fill(out, NO_DEVICE);
        List<String> names = effects.stream().map(DeviceSpec::name).toList();
        for (int i = 0; i < patch.chain().size(); i++) {
            out[i] = names.indexOf(patch.chain().get(i).device().name());
        }
        return out;
    }
}
