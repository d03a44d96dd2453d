package org.unmixer.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.unmixer.audio.io.AtomicFiles;
import org.unmixer.params.BadInputException;

/** {@code OUT/run.json}: the tracking run a training folder belongs to, so a resume logs into the same run. */
final class RunInfo {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunInfo() {
    }

    static void write(Path file, String runId) throws IOException {
        byte[] json = MAPPER.createObjectNode().put("mlflowRunId", runId).toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeFile(file, out -> out.write(json));
    }

    static String read(Path file) throws IOException {
        String id = MAPPER.readTree(Files.readString(file)).path("mlflowRunId").asText("");
        if (id.isEmpty()) {
            throw new BadInputException(file + ": no mlflowRunId");
        }
        return id;
    }
}
