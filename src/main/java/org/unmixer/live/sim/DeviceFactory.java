package org.unmixer.live.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.unmixer.params.Catalog;
import org.unmixer.params.DeviceKind;
import org.unmixer.params.DeviceSpec;
import org.unmixer.params.ParamSpec;

/**
 * Makes the devices a user can put on a track: every catalog device by its name, with "Device On"
 * then the catalog's parameters under Live's names and LOM ranges, and our Max device. Remembers
 * parameter renames (a fault hook: a newer Live renaming a parameter) so that new devices get them
 * too.
 */
final class DeviceFactory {
    /** Our Max for Live device as Live lists it. */
    static final String LINK_NAME = "Un-Mixer Link";
    static final String LINK_CLASS = "MxDeviceAudioEffect";

    private final Catalog catalog;
    /** class_name → (catalog name → name shown by this Live). */
    private final Map<String, Map<String, String>> renames = new HashMap<>();

    DeviceFactory(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The catalog device named exactly {@code name} (as {@code Track.insert_device} takes it), or {@code null}. */
    DeviceSpec spec(String name) {
        for (DeviceSpec d : catalog.devices()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** A fresh catalog device at its defaults; {@code null} when the catalog has no such device. */
    SimDevice create(String name) {
        DeviceSpec spec = spec(name);
        if (spec == null) {
            return null;
        }
        Map<String, String> renamed = renames.getOrDefault(spec.lomClass(), Map.of());
        List<SimParameter> params = new ArrayList<>();
        params.add(SimParameter.deviceOn());
        for (ParamSpec p : spec.params()) {
            params.add(SimParameter.of(p, renamed.getOrDefault(p.name(), p.name())));
        }
        int type = spec.kind() == DeviceKind.INSTRUMENT ? SimDevice.INSTRUMENT : SimDevice.AUDIO_EFFECT;
        return new SimDevice(spec.name(), spec.lomClass(), type, spec, false, params,
                spec.kind() == DeviceKind.INSTRUMENT ? new WavetableState() : null);
    }

    /** The Un-Mixer Link Max device: an audio effect with "Device On" only. */
    static SimDevice link() {
        return new SimDevice(LINK_NAME, LINK_CLASS, SimDevice.AUDIO_EFFECT, null, true,
                List.of(SimParameter.deviceOn()), null);
    }

    /** A device the catalog does not know (a plug-in, say), "Device On" only. */
    static SimDevice foreign(String name, String className, int type) {
        return new SimDevice(name, className, type, null, false, List.of(SimParameter.deviceOn()), null);
    }

    /** Catalog devices whose {@code class_name} is {@code className}. */
    List<DeviceSpec> specsOfClass(String className) {
        return catalog.devices().stream().filter(d -> d.lomClass().equals(className)).toList();
    }

    /** The name this Live shows for a catalog parameter of {@code className}. */
    String liveName(String className, String catalogName) {
        return renames.getOrDefault(className, Map.of()).getOrDefault(catalogName, catalogName);
    }

    /** From now on devices of {@code className} show {@code catalogName} as {@code liveName}. */
    void rename(String className, String catalogName, String liveName) {
        renames.computeIfAbsent(className, k -> new HashMap<>()).put(catalogName, liveName);
    }
}
