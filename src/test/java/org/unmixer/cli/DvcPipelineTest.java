package org.unmixer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code dvc.yaml} must not drift from the command line: every stage's command, with each of its
 * {@code foreach} items substituted, parses against the real {@code ./unmixer} options, and every
 * config file a stage names exists. (DVC itself is not needed; the file's few shapes are read
 * line by line: {@code cmd:} on one line or folded with {@code >-}, {@code foreach} as a list or a
 * map with {@code args}.)
 */
class DvcPipelineTest {
    private static final Path DVC = Path.of("dvc.yaml");

    @Test
    void everyStageCommandParsesAndNamesExistingConfigs() throws IOException {
        List<String> commands = expandedCommands(Files.readAllLines(DVC));
        assertThat(commands).hasSizeGreaterThanOrEqualTo(12);
        for (String command : commands) {
            assertThat(command).startsWith("./unmixer ");
            String[] args = command.substring("./unmixer ".length()).trim().split("\\s+");
            assertThatCode(() -> new CommandLine(new Main()).parseArgs(args)).as(command).doesNotThrowAnyException();
            Matcher config = Pattern.compile("--(?:config|test-set) (\\S+)").matcher(command);
            while (config.find()) {
                String value = config.group(1);
                Path file = value.endsWith(".json") ? Path.of(value) : Path.of("assets/datasets", value + ".json");
                assertThat(file).as(command).isRegularFile();
            }
        }
    }

    @Test
    void theReaderSeesAMisspeltOption() {
        String[] args = {"train", "--confg", "assets/training/default.json"};
        assertThatCode(() -> new CommandLine(new Main()).parseArgs(args)).isInstanceOf(CommandLine.ParameterException.class);
    }

    /** Each stage's command once per foreach item (key and item.args substituted). */
    static List<String> expandedCommands(List<String> lines) {
        List<String> out = new ArrayList<>();
        Map<String, String> items = new LinkedHashMap<>(); // key (or list item) → args
        boolean inForeach = false;
        String lastKey = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (indent == 2 && trimmed.endsWith(":")) { // a new stage
                items.clear();
                inForeach = false;
                continue;
            }
            if (trimmed.equals("foreach:")) {
                inForeach = true;
                continue;
            }
            if (trimmed.equals("do:")) {
                inForeach = false;
                continue;
            }
            if (inForeach) {
                if (trimmed.startsWith("- ")) {
                    items.put(trimmed.substring(2).trim(), "");
                } else if (trimmed.startsWith("args:")) {
                    items.put(lastKey, trimmed.substring("args:".length()).trim());
                } else if (trimmed.endsWith(":")) {
                    lastKey = trimmed.substring(0, trimmed.length() - 1);
                    items.put(lastKey, "");
                }
                continue;
            }
            if (trimmed.startsWith("cmd:")) {
                String cmd = trimmed.substring("cmd:".length()).trim();
                if (cmd.equals(">-")) {
                    StringBuilder folded = new StringBuilder();
                    int cmdIndent = indent;
                    while (i + 1 < lines.size() && indentOf(lines.get(i + 1)) > cmdIndent && !lines.get(i + 1).isBlank()) {
                        folded.append(' ').append(lines.get(++i).trim());
                    }
                    cmd = folded.toString().trim();
                }
                if (items.isEmpty()) {
                    out.add(cmd);
                } else {
                    for (Map.Entry<String, String> e : items.entrySet()) {
                        out.add(cmd.replace("${item.args}", e.getValue()).replace("${item}", e.getKey()).replace("${key}", e.getKey()));
                    }
                }
            }
        }
        return out;
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }
}
