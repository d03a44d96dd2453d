package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {
    private static final String TYPE = "multipart/form-data; boundary=XyZ";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aFilePartIsFoundWithItsNameAndExactBytes() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\n"
                + "RIFF\r\n--X\r\n-XyZ\r\n--XyZ--\r\n";
        List<MultipartBody.Part> parts = MultipartBody.parse(bytes(body), TYPE);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("note");
        assertThat(new String(parts.get(0).content(), StandardCharsets.ISO_8859_1)).isEqualTo("hello");
        MultipartBody.Part file = MultipartBody.filePart(parts).orElseThrow();
        assertThat(file.filename()).hasValue("a.wav");
        assertThat(file.headers()).containsEntry("content-type", "audio/wav");
        // lines that only look partly like the delimiter are content
        assertThat(new String(file.content(), StandardCharsets.ISO_8859_1)).isEqualTo("RIFF\r\n--X\r\n-XyZ");
    }

    @Test
    void preambleEpilogueQuotedBoundaryAndPaddingAreAccepted() {
        String body = "a preamble\r\n--b 1  \r\nContent-Disposition: form-data; name=file\r\n\r\n\r\n--b 1--\r\nepilogue";
        List<MultipartBody.Part> parts = MultipartBody.parse(bytes(body), "multipart/form-data; charset=utf-8; boundary=\"b 1\"");
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).content()).isEmpty();
        assertThat(MultipartBody.filePart(parts)).isPresent(); // named "file", though without a filename
    }

    @Test
    void aPartWithoutHeadersHasAnEmptyName() {
        List<MultipartBody.Part> parts = MultipartBody.parse(bytes("--XyZ\r\n\r\ndata\r\n--XyZ--"), TYPE);
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.name()).isEmpty();
            assertThat(p.headers()).isEmpty();
        });
        assertThat(MultipartBody.filePart(parts)).isEmpty();
    }

    @Test
    void quotedFileNamesMayHoldSemicolonsAndEscapedQuotes() {
        assertThat(MultipartBody.dispositionParams("form-data; name=\"file\"; filename=\"a;b \\\"c\\\".wav\""))
                .containsEntry("name", "file").containsEntry("filename", "a;b \"c\".wav");
    }

    @Test
    void aTruncatedBodyIsRejected() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\nRIFF....";
        assertThatThrownBy(() -> MultipartBody.parse(bytes(body), TYPE)).isInstanceOf(HttpProblem.class)
                .hasMessageContaining("without its closing boundary");
    }

    @Test
    void missingBoundariesAndHeadersAreOneLineErrors() {
        assertThatThrownBy(() -> MultipartBody.parse(bytes("--XyZ--"), "multipart/form-data"))
                .hasMessageContaining("without a boundary");
        assertThatThrownBy(() -> MultipartBody.parse(bytes("no delimiter here"), TYPE)).hasMessageContaining("does not contain");
        assertThatThrownBy(() -> MultipartBody.parse(bytes("--XyZ\r\nContent-Disposition: x"), TYPE))
                .hasMessageContaining("no end of headers");
        assertThatThrownBy(() -> MultipartBody.parse(bytes("--XyZ\r\nnot a header\r\n\r\nx\r\n--XyZ--"), TYPE))
                .hasMessageContaining("malformed header");
        assertThatThrownBy(() -> MultipartBody.parse(bytes("--XyZjunk"), TYPE)).hasMessageContaining("line break");
        // RFC 2046: the boundary must not occur in the content; a sender that lets it is refused, not guessed at
        assertThatThrownBy(() -> MultipartBody.parse(bytes("--XyZ\r\n\r\na\r\n--XyZ-in-content\r\n--XyZ--"), TYPE))
                .hasMessageContaining("line break");
        assertThatThrownBy(() -> MultipartBody.boundary("multipart/form-data; boundary=" + "x".repeat(71)))
                .hasMessageContaining("1 to 70");
    }

    @Test
    void anEmptyFormHasNoParts() {
        assertThat(MultipartBody.parse(bytes("--XyZ--\r\n"), TYPE)).isEmpty();
    }

    @Test
    void thePartCountIsCapped() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= MultipartBody.MAX_PARTS; i++) {
            body.append("--XyZ\r\n\r\nx\r\n");
        }
        body.append("--XyZ--");
        assertThatThrownBy(() -> MultipartBody.parse(bytes(body.toString()), TYPE)).hasMessageContaining("more than");
    }
}
