package org.unmixer.model.proxy;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.unmixer.data.AtomicFiles;
import org.unmixer.params.BadInputException;

/**
 * A saved proxy is a folder: {@code proxy.json} (format, device, network config, SHA-256 of the
 * weights, and whatever the trainer reports, e.g. fidelity) and {@code proxy.params}. Loading checks
 * everything before the weights reach the native library, so a corrupt or missing file is a
 * {@link BadInputException} naming it.
 */
public final class ProxyFiles {
    public static final String FORMAT = "unmixer-proxy/1";
    public static final String CONFIG_FILE = "proxy.json";
    public static final String WEIGHTS_FILE = "proxy.params";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A loaded proxy and the device it imitates. */
    public record Loaded(String device, ProxyNetwork net, JsonNode report) {
    }

    private ProxyFiles() {
    }

    public static void save(String device, ProxyNetwork net, ObjectNode report, Path dir) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        }
        byte[] weights = bytes.toByteArray();
        AtomicFiles.write(dir.resolve(WEIGHTS_FILE), weights);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT).put("device", device).put("design", net.config().design());
        root.set("config", MAPPER.valueToTree(net.config()));
        root.put("weightsSha256", AtomicFiles.sha256(weights));
        root.set("report", report);
        AtomicFiles.writeString(dir.resolve(CONFIG_FILE), MAPPER.writeValueAsString(root) + "\n");
    }

    public static Loaded load(Path dir, NDManager manager) {
        Path configFile = dir.resolve(CONFIG_FILE);
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(configFile));
        } catch (NoSuchFileException e) {
            throw new BadInputException(configFile + ": proxy config not found");
        } catch (IOException e) {
            throw new BadInputException(configFile + ": cannot read proxy config (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(configFile + ": not a proxy config (expected format " + FORMAT + ")");
        }
        ProxyNetwork.ProxyConfig config;
        // Proxies saved before the frame-domain design have no "design": they are TCNs.
        String design = root.path("design").asText(ProxyTcn.Config.DESIGN);
        Class<? extends ProxyNetwork.ProxyConfig> type = ProxyDesigns.CONFIG_TYPES.get(design);
        if (type == null) {
            throw new BadInputException(configFile + ": unknown proxy design \"" + design + "\" (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(ProxyDesigns.CONFIG_TYPES.keySet())) + ")");
        }
        try {
            config = MAPPER.treeToValue(root.get("config"), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(configFile + ": malformed proxy config (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        byte[] weights;
        try {
            weights = Files.readAllBytes(weightsFile);
        } catch (IOException e) {
            throw new BadInputException(weightsFile + ": proxy weights not found or unreadable");
        }
        if (!AtomicFiles.sha256(weights).equals(root.path("weightsSha256").asText())) {
            throw new BadInputException(weightsFile + ": corrupt proxy weights (SHA-256 does not match " + CONFIG_FILE + ")");
        }
        ProxyNetwork net = config.build();
        net.initialize(manager, DataType.FLOAT32, new Shape(1, config.inputChannels(), 64), new Shape(1, config.conditionSize()));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            net.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new BadInputException(weightsFile + ": cannot load proxy weights (" + e.getMessage() + ")");
        }
        return new Loaded(root.path("device").asText(), net, root.path("report"));
    }
}
