package org.unmixer.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unmixer.audio.io.AtomicFiles;
import org.unmixer.model.InverseNet;
import org.unmixer.model.hyperbolic.RiemannianAdam;
import org.unmixer.params.BadInputException;

/**
 * A training checkpoint folder: {@code weights-STEP.params} (every parameter, batch-norm statistics
 * included), {@code optimizer-STEP.bin} (moments and step counts) and {@code state.json} (the step,
 * the bad-step count and the two file names), each written temp-then-move, {@code state.json} last, so a checkpoint is
 * either the previous one or the new one, never a mix.
 */
final class Checkpoint {
    static final String STATE = "state.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record State(int step, int badSteps, RiemannianAdam optimizer) {}

    private Checkpoint() {
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(STATE));
    }

    static void save(Path dir, InverseNet net, RiemannianAdam optimizer, int step, int badSteps) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(w)) {
            net.saveParameters(out);
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(o)) {
            optimizer.save(out);
        }
        // Step-stamped names: a crash between two moves leaves state.json naming the older complete pair.
        String weights = "weights-" + step + ".params";
        String opt = "optimizer-" + step + ".bin";
        AtomicFiles.writeFile(dir.resolve(weights), out -> out.write(w.toByteArray()));
        AtomicFiles.writeFile(dir.resolve(opt), out -> out.write(o.toByteArray()));
        String previous = exists(dir) ? Files.readString(dir.resolve(STATE)) : null;
        String json = MAPPER.createObjectNode().put("step", step).put("badSteps", badSteps)
                .put("weights", weights).put("optimizer", opt).toString();
        AtomicFiles.writeFile(dir.resolve(STATE), out -> out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (previous != null) {
            JsonNode p = MAPPER.readTree(previous);
            for (String f : new String[] {p.path("weights").asText(), p.path("optimizer").asText()}) {
                if (!f.isEmpty() && !f.equals(weights) && !f.equals(opt)) {
                    Files.deleteIfExists(dir.resolve(f));
                }
            }
        }
    }

    static State load(Path dir, InverseNet net, NDManager manager) throws IOException {
        Path stateFile = dir.resolve(STATE);
        if (!Files.isRegularFile(stateFile)) {
            throw new BadInputException(dir + ": no checkpoint (" + STATE + " missing)");
        }
        JsonNode s = MAPPER.readTree(Files.readString(stateFile));
        Path weights = dir.resolve(s.path("weights").asText());
        Path opt = dir.resolve(s.path("optimizer").asText());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(weights)))) {
            net.loadParameters(manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            throw new BadInputException(weights + ": cannot load checkpoint weights (" + e.getMessage() + ")");
        }
        RiemannianAdam optimizer;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(opt)))) {
            optimizer = RiemannianAdam.load(in, manager);
        }
        return new State(s.path("step").asInt(), s.path("badSteps").asInt(), optimizer);
    }
}
