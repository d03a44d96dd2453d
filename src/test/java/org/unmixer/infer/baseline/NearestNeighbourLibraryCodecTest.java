package org.unmixer.infer.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unmixer.infer.UniformPrior;
import org.unmixer.params.BadInputException;

class NearestNeighbourLibraryCodecTest {
    private final NearestNeighbourLibraryCodec codec = new NearestNeighbourLibraryCodec();

    @Test
    void roundTripGivesIdenticalPatchesAndEmbeddings() {
        NearestNeighbourLibrary lib = NearestNeighbourLibrary.build(new UniformPrior(7), 5, Fixtures.SOURCE, 1);
        NearestNeighbourLibrary back = codec.decode(codec.encode(lib));
        assertThat(back.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(back.patch(i)).isEqualTo(lib.patch(i));
            assertThat(back.embedding(i)).containsExactly(lib.embedding(i));
        }
    }

    @Test
    void layoutIsMagicCountDimensionThenEntries() {
        NearestNeighbourLibrary lib = NearestNeighbourLibrary.of(List.of(Fixtures.priorPatch(0)),
                List.of(new float[] {1.5f, -2f}));
        ByteBuffer b = ByteBuffer.wrap(codec.encode(lib));
        byte[] magic = new byte[8];
        b.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("UNMXNNL2");
        assertThat(b.getInt()).isEqualTo(1);
        assertThat(b.getInt()).isEqualTo(2);
        assertThat(b.getFloat()).isEqualTo(1.5f);
        assertThat(b.getFloat()).isEqualTo(-2f);
        assertThat(b.getInt()).isEqualTo(b.remaining());
    }

    @Test
    void malformedBytesGetOneLineReasons() {
        byte[] good = codec.encode(NearestNeighbourLibrary.of(List.of(Fixtures.priorPatch(0)), List.of(new float[] {1, 2})));
        assertThatThrownBy(() -> codec.decode("not a library".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("UNMXNNL2");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length + 2)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unexpected bytes");
    }
}
