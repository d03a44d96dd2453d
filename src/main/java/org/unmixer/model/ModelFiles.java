package org.unmixer.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.unmixer.audio.io.AtomicFiles;
import org.unmixer.params.BadInputException;
import org.unmixer.params.Catalog;

/**
 * A saved model is a folder: {@code model.json} (format, {@link ModelConfig}, SHA-256 of the weights)
 * and {@code model.params} (DJL's parameter stream). Loading checks everything it can before the
 * weights reach the native library — the files exist, the JSON parses, the hash matches, the
 * output layout matches this catalog — so a corrupt or missing file is reported by name instead of
 * failing inside JNI.
 */
public final class ModelFiles {
    public static final String FORMAT = "unmixer-model/1";
    public static final String CONFIG_FILE = "model.json";
    public static final String WEIGHTS_FILE = "model.params";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    /** Writes the folder (each file temp-then-move; the weights first, so a config always names a complete weights file). */
    public static void save(InverseNet net, Path dir) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        }
        byte[] weights = bytes.toByteArray();
        AtomicFiles.writeFile(dir.resolve(WEIGHTS_FILE), o -> o.write(weights));
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.set("config", MAPPER.valueToTree(net.config()));
        root.put("weightsSha256", sha256(weights));
        byte[] json = MAPPER.writeValueAsBytes(root);
        AtomicFiles.writeFile(dir.resolve(CONFIG_FILE), o -> o.write(json));
    }

    /** Reads the config of a saved model without loading the weights. */
    public static ModelConfig readConfig(Path dir) {
        return parseConfig(dir.resolve(CONFIG_FILE));
    }

    /**
     * Loads a saved model into {@code manager}.
     *
     * @throws BadInputException naming the file when a file is missing, unreadable, corrupt or made
     *     for another catalog
     */
    public static InverseNet load(Path dir, Catalog catalog, NDManager manager) {
        Path configFile = dir.resolve(CONFIG_FILE);
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        ModelConfig config = parseConfig(configFile);
        byte[] weights = verifiedWeights(dir);
        OutputLayout layout = new OutputLayout(catalog, config.wavetables());
        if (!layout.signature().equals(config.layoutSignature())) {
            throw new BadInputException(dir + ": the model was trained for another device catalog (layout "
                    + config.layoutSignature() + ", this build has " + layout.signature() + "); retrain it");
        }
        InverseNet net = new InverseNet(config, layout);
        net.initialize(manager, DataType.FLOAT32, net.inputShape(1));
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
            net.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new BadInputException(weightsFile + ": cannot load model weights (" + e.getMessage() + ")");
        }
        return net;
    }

    /**
     * Overwrites the weights of an initialised network with those of a saved model made with the
     * same configuration (architecture, features, layout), and marks them trainable again.
     */
    public static void loadWeights(Path dir, InverseNet net, NDManager manager) {
        ModelConfig saved = parseConfig(dir.resolve(CONFIG_FILE));
        if (!saved.equals(net.config())) {
            throw new BadInputException(dir + ": the model's configuration differs from this training run's (architecture,"
                    + " feature statistics or catalog); it cannot be the starting point");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(verifiedWeights(dir)))) {
            net.loadParameters(manager, in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new BadInputException(dir.resolve(WEIGHTS_FILE) + ": cannot load model weights (" + e.getMessage() + ")");
        }
        // Loaded arrays replace the initialised ones and do not carry gradients yet.
        for (var p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    /** SHA-256 of a saved model's weights file, as its config records it. */
    public static String weightsSha256(Path dir) {
        return readTree(dir.resolve(CONFIG_FILE)).path("weightsSha256").asText("");
    }

    /** The weights file's bytes, checked against the SHA-256 its config records. */
    private static byte[] verifiedWeights(Path dir) {
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        byte[] weights;
        try {
            weights = Files.readAllBytes(weightsFile);
        } catch (NoSuchFileException e) {
            throw new BadInputException(weightsFile + ": model weights not found");
        } catch (IOException e) {
            throw new BadInputException(weightsFile + ": cannot read model weights (" + e.getMessage() + ")");
        }
        if (!sha256(weights).equals(weightsSha256(dir))) {
            throw new BadInputException(weightsFile + ": corrupt model weights (SHA-256 does not match " + CONFIG_FILE + ")");
        }
        return weights;
    }

    /** The configuration saved in {@code dir/model.json}. */
    public static ModelConfig config(Path dir) {
        return parseConfig(dir.resolve(CONFIG_FILE));
    }

    private static ModelConfig parseConfig(Path file) {
        JsonNode root = readTree(file);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(file + ": not a model config (format \"" + root.path("format").asText() + "\", expected " + FORMAT + ")");
        }
        try {
            return MAPPER.treeToValue(root.get("config"), ModelConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(file + ": malformed model config (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static JsonNode readTree(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": model config not found");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read model config (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
