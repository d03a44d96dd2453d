package org.unmixer.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.unmixer.params.BadInputException;

class LiveXmlTest {
    @Test
    void everyDonorSurvivesAReadWriteRoundTrip() throws IOException {
        for (Path f : PresetFixtures.donorFiles()) {
            XmlElement root = LiveXml.read(Files.readAllBytes(f));
            assertThat(LiveXml.read(LiveXml.toBytes(root))).as(f.toString()).isEqualTo(root);
        }
    }

    @Test
    void writesLiveSavedFilesBackByteForByte() throws IOException {
        // Our serializer follows Live's layout (tabs, CRLF, "<X />", attribute order, trailing CRLF):
        // a file Live saved comes back as exactly the text Live wrote.
        for (String name : new String[] {"s10_c.adg", "s10_a.adv", "InstrumentVector.adg", "ebm_gen.adg"}) {
            byte[] gz = Files.readAllBytes(PresetFixtures.DONOR_DIR.resolve(name));
            String original = gunzip(gz);
            assertThat(LiveXml.toXmlText(LiveXml.read(gz))).as(name).isEqualTo(original);
        }
    }

    @Test
    void escapesWhatXmlNeedsEscaped() {
        XmlElement e = XmlElement.valued("UserName", "a<b & \"c\"\n");
        String text = LiveXml.toXmlText(e);
        assertThat(text).contains("Value=\"a&lt;b &amp; &quot;c&quot;&#10;\"");
        assertThat(LiveXml.parse(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(e);
    }

    @Test
    void refusesWhatIsNotAGzippedLiveFile() {
        assertThatThrownBy(() -> LiveXml.read("<Ableton />".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("gzip");
        byte[] brokenXml = LiveXml.toBytes(XmlElement.of("Ableton"));
        byte[] truncated = java.util.Arrays.copyOf(brokenXml, brokenXml.length - 6);
        assertThatThrownBy(() -> LiveXml.read(truncated)).isInstanceOf(BadInputException.class);
    }

    static String gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
