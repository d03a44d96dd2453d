package org.unmixer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
    @Test
    void aBodyExactlyAtTheLimitIsRead() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[1000]), 1000)).hasSize(1000);
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[0]), 1000)).isEmpty();
    }

    @Test
    void oneByteOverIs413AndReadingStopsThere() {
        CountingStream in = new CountingStream(10_000_000);
        assertThatThrownBy(() -> BoundedBody.read(in, 1000)).isInstanceOf(HttpProblem.class)
                .satisfies(e -> assertThat(((HttpProblem) e).status()).isEqualTo(413));
        assertThat(in.served).isEqualTo(1001);
    }

    @Test
    void skippingStopsPastTheLimit() throws Exception {
        assertThat(BoundedBody.skip(new ByteArrayInputStream(new byte[500]), 1000)).isTrue();
        CountingStream in = new CountingStream(10_000_000);
        assertThat(BoundedBody.skip(in, 100_000)).isFalse();
        assertThat(in.served).isLessThan(200_000);
    }

    /** An endless-looking stream of zeros that counts what it handed out. */
    private static final class CountingStream extends InputStream {
        private final long length;
        long served;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            return served < length ? (int) (0 * served++) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - served);
            served += n;
            return n;
        }
    }
}
