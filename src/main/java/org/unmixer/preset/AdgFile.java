package org.unmixer.preset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Live file as {@link AdgReader} sees it.
 *
 * @param rootAttributes the {@code Ableton} root's attributes in order ({@code MajorVersion},
 *     {@code MinorVersion}, {@code SchemaChangeCount}, {@code Creator}, {@code Revision})
 * @param rackKind the kind of rack for a rack preset; empty for a single-device preset or a donor library
 * @param chainNames the {@code Name} of each chain of a rack, in order
 * @param devices the devices in order: of every chain of a rack, the root's device of an
 *     {@code .adv}, or the elements of a {@code DonorLibrary}
 * @param root the whole tree
 */
public record AdgFile(Map<String, String> rootAttributes, Optional<RackKind> rackKind, List<String> chainNames,
        List<AdgDevice> devices, XmlElement root) {
    public AdgFile {
        rootAttributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rootAttributes));
        chainNames = List.copyOf(chainNames);
        devices = List.copyOf(devices);
    }

    /** The element names of the devices, in order. */
    public List<String> deviceElements() {
        return devices.stream().map(AdgDevice::element).toList();
    }
}
