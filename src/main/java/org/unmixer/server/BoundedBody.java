package org.unmixer.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies without trusting their size: a fixed-length body was already checked against
 * its Content-Length, but a chunked one says nothing up front, so the limit is enforced on the bytes
 * as they arrive and reading stops one byte past it.
 */
final class BoundedBody {
    private static final int BUFFER_BYTES = 64 * 1024;

    private BoundedBody() {
    }

    /** @throws HttpProblem 413 once more than {@code limitBytes} have arrived */
    static byte[] read(InputStream in, long limitBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, limitBytes - total + 1))) > 0) {
            total += n;
            if (total > limitBytes) {
                throw HttpProblem.payloadTooLarge(limitBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Reads to the end and drops the bytes; false when more than {@code limitBytes} came (then it stops). */
    static boolean skip(InputStream in, long limitBytes) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > limitBytes) {
                return false;
            }
        }
        return true;
    }
}
