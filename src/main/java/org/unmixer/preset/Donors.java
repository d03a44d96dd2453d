package org.unmixer.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.unmixer.params.BadInputException;
import org.unmixer.params.DeviceSpec;

/**
 * The real Live files in {@code assets/ableton-donors} (on the class path) and the elements taken
 * from them: a rack skeleton per {@link RackKind} and a device element per catalog device. Which
 * file gives which element is data ({@code index.json}); see that folder's README for provenance.
 *
 * <p>We copy rather than write device XML from scratch because Live's internal names and the
 * non-automatable settings around them cannot be guessed (reference §4.5.4).
 */
public final class Donors {
    static final String ROOT = "assets/ableton-donors/";
    private static volatile Donors standard;

    private final Map<String, String> rackFiles;
    private final Map<String, String> deviceFiles;
    private final Map<String, Map<String, String>> fixedManuals;
    private final Map<String, XmlElement> files = new ConcurrentHashMap<>();

    Donors(Map<String, String> rackFiles, Map<String, String> deviceFiles, Map<String, Map<String, String>> fixedManuals) {
        this.rackFiles = Map.copyOf(rackFiles);
        this.deviceFiles = Map.copyOf(deviceFiles);
        this.fixedManuals = Map.copyOf(fixedManuals);
    }

    /** The donors shipped in {@code assets/ableton-donors}, loaded once. */
    public static Donors standard() {
        Donors d = standard;
        if (d == null) {
            synchronized (Donors.class) {
                if (standard == null) {
                    standard = load();
                }
                d = standard;
            }
        }
        return d;
    }

    private static Donors load() {
        JsonNode index;
        try (InputStream in = resource("index.json")) {
            index = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + "index.json", e);
        }
        Map<String, Map<String, String>> fixed = new LinkedHashMap<>();
        index.path("fixedManuals").fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                fixed.put(e.getKey(), strings(e.getValue()));
            }
        });
        return new Donors(strings(index.path("racks")), strings(index.path("devices")), fixed);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Whether a device can be exported. */
    public boolean hasDevice(DeviceSpec device) {
        return deviceFiles.containsKey(device.xmlElement());
    }

    /**
     * The device's element from its donor, cleaned ({@link DonorCleanup#device(XmlElement, DeviceSpec)}),
     * with the {@code fixedManuals} of {@code index.json} applied: settings outside the catalog that
     * must match what the reference renderer assumes (e.g. Phaser-Flanger's LFO running free).
     *
     * @throws BadInputException when no donor holds this device: we refuse rather than guess XML
     */
    public XmlElement device(DeviceSpec device) {
        String file = deviceFiles.get(device.xmlElement());
        if (file == null) {
            throw new BadInputException("cannot export \"" + device.name() + "\" to a Live preset: no Live-saved "
                    + device.xmlElement() + " element to copy (donors exist for " + String.join(", ", new TreeSet<>(deviceFiles.keySet())) + ")");
        }
        XmlElement element = findDevice(file(file), device.xmlElement()).orElseThrow(() -> new IllegalStateException(
                ROOT + file + " has no <" + device.xmlElement() + "> device element"));
        XmlElement out = DonorCleanup.device(element, device);
        for (var fixed : fixedManuals.getOrDefault(device.xmlElement(), Map.of()).entrySet()) {
            out = out.withValueAt(fixed.getKey() + "/Manual", fixed.getValue());
        }
        return out;
    }

    /** The root ({@code Ableton}) of the rack skeleton file for this kind, as Live saved it. */
    public XmlElement rack(RackKind kind) {
        String file = rackFiles.get(kind.cliName());
        if (file == null) {
            throw new IllegalStateException(ROOT + "index.json names no rack donor for " + kind.cliName());
        }
        return file(file);
    }

    /** The root element of one donor file. */
    public XmlElement file(String fileName) {
        return files.computeIfAbsent(fileName, f -> {
            try (InputStream in = resource(f)) {
                return LiveXml.read(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + ROOT + f, e);
            }
        });
    }

    /** The first element with this name that stands where a device stands: under {@code Device}, a donor library or the root. */
    static Optional<XmlElement> findDevice(XmlElement root, String elementName) {
        List<XmlElement> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            XmlElement parent = stack.remove(stack.size() - 1);
            boolean holdsDevices = parent == root || parent.name().equals("Device") || parent.name().equals("DonorLibrary");
            if (holdsDevices) {
                Optional<XmlElement> hit = parent.child(elementName);
                if (hit.isPresent()) {
                    return hit;
                }
            }
            List<XmlElement> children = parent.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.add(children.get(i));
            }
        }
        return Optional.empty();
    }

    private static InputStream resource(String name) {
        InputStream in = Donors.class.getClassLoader().getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException(ROOT + name + " is not on the class path (check the pom's resources)");
        }
        return in;
    }
}
