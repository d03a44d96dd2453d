package org.unmixer.train.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetaYamlTest {
    @Test
    void stringsYamlWouldReadAsSomethingElseAreSingleQuotedAsPyYamlDoes() {
        assertThat(MetaYaml.quote("0")).isEqualTo("'0'");
        assertThat(MetaYaml.quote("1e3")).isEqualTo("'1e3'");
        assertThat(MetaYaml.quote("yes")).isEqualTo("'yes'");
        assertThat(MetaYaml.quote("Null")).isEqualTo("'Null'");
        assertThat(MetaYaml.quote("")).isEqualTo("''");
        assertThat(MetaYaml.quote("it's: a #test")).isEqualTo("'it''s: a #test'");
        assertThat(MetaYaml.quote("-x")).isEqualTo("'-x'");
        assertThat(MetaYaml.quote("key:")).isEqualTo("'key:'");
        assertThat(MetaYaml.quote("a\nb\\")).isEqualTo("\"a\\nb\\\\\"");
        assertThat(MetaYaml.quote("active")).isEqualTo("active");
        assertThat(MetaYaml.quote("file:///tmp/mlruns/0")).isEqualTo("file:///tmp/mlruns/0");
    }

    @Test
    void writesSortedKeysAndReadsBackTheSameValues() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("name", "it's a \"run\"\twith tab");
        in.put("end_time", null);
        in.put("experiment_id", "0");
        in.put("tags", List.of());
        in.put("status", 3);
        in.put("start_time", 1_700_000_000_000L);
        String text = MetaYaml.write(in);
        assertThat(text).isEqualTo("end_time: null\nexperiment_id: '0'\nname: \"it's a \\\"run\\\"\\twith tab\"\n"
                + "start_time: 1700000000000\nstatus: 3\ntags: []\n");
        assertThat(MetaYaml.read(text)).containsEntry("name", "it's a \"run\"\twith tab").containsEntry("end_time", null)
                .containsEntry("experiment_id", "0").containsEntry("tags", "[]").containsEntry("status", "3");
    }

    @Test
    void readsPyYamlsFoldedLongValues() {
        String text = "name: a very long experiment name that PyYAML wrapped because it is wider than eighty\n"
                + "  columns\nstatus: 1\n";
        assertThat(MetaYaml.read(text)).containsEntry("name",
                "a very long experiment name that PyYAML wrapped because it is wider than eighty columns");
    }
}
