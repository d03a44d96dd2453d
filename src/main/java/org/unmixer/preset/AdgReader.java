package org.unmixer.preset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unmixer.params.BadInputException;

/**
 * Reads Live preset files — ours and Live's own alike — into an {@link AdgFile}: root attributes,
 * the rack kind, the chains' devices in order with every parameter's {@code Manual} value by path.
 * Used by tests to check what we write against real files, and by anyone who wants to look inside
 * a preset without Live.
 */
public final class AdgReader {
    private AdgReader() {
    }

    public static AdgFile read(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    public static AdgFile read(byte[] gzipped) {
        return of(LiveXml.read(gzipped));
    }

    /** The view of an already parsed tree. */
    public static AdgFile of(XmlElement root) {
        if (!root.name().equals("Ableton")) {
            throw new BadInputException("not a Live preset: the root element is <" + root.name() + ">, not <Ableton>");
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        root.attributes().forEach(a -> attrs.put(a.name(), a.value()));
        Optional<XmlElement> group = root.child("GroupDevicePreset");
        if (group.isPresent()) {
            return rack(attrs, group.get(), root);
        }
        List<XmlElement> deviceElements = root.child("DonorLibrary").map(XmlElement::children).orElse(root.children());
        return new AdgFile(attrs, Optional.empty(), List.of(), deviceElements.stream().map(AdgReader::device).toList(), root);
    }

    private static AdgFile rack(Map<String, String> attrs, XmlElement group, XmlElement root) {
        Optional<RackKind> kind = group.child("Device").flatMap(d -> d.children().stream().findFirst())
                .flatMap(g -> RackKind.ofGroupDevice(g.name()));
        List<String> chainNames = new ArrayList<>();
        List<AdgDevice> devices = new ArrayList<>();
        for (XmlElement branch : group.child("BranchPresets").map(XmlElement::children).orElse(List.of())) {
            chainNames.add(branch.valueAt("Name").orElse(""));
            for (XmlElement preset : branch.child("DevicePresets").map(XmlElement::children).orElse(List.of())) {
                // AbletonDevicePreset and nested GroupDevicePreset hold Device/<element>; a Vst3Preset holds no element.
                preset.child("Device").flatMap(d -> d.children().stream().findFirst())
                        .ifPresent(d -> devices.add(device(d)));
            }
        }
        return new AdgFile(attrs, kind, chainNames, devices, root);
    }

    static AdgDevice device(XmlElement element) {
        Map<String, String> manuals = new LinkedHashMap<>();
        collectManuals(element, "", manuals);
        return new AdgDevice(element.name(), manuals, element);
    }

    /** Every descendant with a {@code Manual Value=…} child, by path relative to the device. */
    private static void collectManuals(XmlElement parent, String prefix, Map<String, String> out) {
        Map<String, Integer> seen = new HashMap<>();
        for (XmlElement c : parent.children()) {
            int k = seen.merge(c.name(), 1, Integer::sum) - 1;
            String path = prefix + c.name() + (k == 0 ? "" : "[" + k + "]");
            c.child("Manual").flatMap(m -> m.attribute("Value")).ifPresent(v -> out.put(path, v));
            collectManuals(c, path + "/", out);
        }
    }
}
