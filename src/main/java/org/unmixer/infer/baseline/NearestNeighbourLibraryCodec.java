package org.unmixer.infer.baseline;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.unmixer.dsp.patch.Patch;
import org.unmixer.dsp.patch.PatchJson;
import org.unmixer.params.BadInputException;

/**
 * A {@link NearestNeighbourLibrary} as bytes, so a 20 000-entry library is rendered once and
 * reused. Pure: bytes in, bytes out; writing the file (temp then move) is the caller's business.
 *
 * <p>Layout, big-endian ({@link DataOutputStream}): the 8 ASCII bytes {@code UNMXNNL2} (2: the 544-value embedding); entry
 * count N and embedding length D (int32 each); then per entry D float32 values, the length in
 * bytes of the entry's patch JSON (int32) and that JSON in UTF-8 ({@code unmixer-patch/1}, changed
 * parameters only, so it reads back to the identical patch).
 */
public final class NearestNeighbourLibraryCodec {
    private static final byte[] MAGIC = "UNMXNNL2".getBytes(StandardCharsets.US_ASCII);
    /** Far above any real patch JSON; guards against reading a corrupt length as a huge allocation. */
    private static final int MAX_PATCH_BYTES = 1 << 20;

    private final PatchJson json = PatchJson.standard();

    public byte[] encode(NearestNeighbourLibrary library) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            int dim = library.embedding(0).length;
            out.writeInt(library.size());
            out.writeInt(dim);
            for (int i = 0; i < library.size(); i++) {
                for (float v : library.embedding(i)) {
                    out.writeFloat(v);
                }
                byte[] patch = json.write(library.patch(i), true).getBytes(StandardCharsets.UTF_8);
                out.writeInt(patch.length);
                out.write(patch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return bytes.toByteArray();
    }

    /** Reads a library; anything malformed is a {@link BadInputException} with a one-line reason. */
    public NearestNeighbourLibrary decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new BadInputException("not a nearest-neighbour library (expected the header UNMXNNL2)");
            }
            int n = in.readInt();
            int dim = in.readInt();
            if (n < 1 || dim < 1 || (long) n * dim * Float.BYTES > data.length) {
                throw new BadInputException("nearest-neighbour library: implausible size " + n + " × " + dim);
            }
            List<Patch> patches = new ArrayList<>(n);
            List<float[]> embeddings = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] e = new float[dim];
                for (int k = 0; k < dim; k++) {
                    e[k] = in.readFloat();
                }
                int length = in.readInt();
                if (length < 0 || length > MAX_PATCH_BYTES) {
                    throw new BadInputException("nearest-neighbour library: entry " + i + " has a bad patch length " + length);
                }
                byte[] patch = new byte[length];
                in.readFully(patch);
                embeddings.add(e);
                try {
                    patches.add(json.parse(new String(patch, StandardCharsets.UTF_8)));
                } catch (BadInputException ex) {
                    throw new BadInputException("nearest-neighbour library: entry " + i + ": " + ex.getMessage());
                }
            }
            if (in.available() > 0) {
                throw new BadInputException("nearest-neighbour library: " + in.available() + " unexpected bytes at the end");
            }
            return NearestNeighbourLibrary.of(patches, embeddings);
        } catch (java.io.EOFException e) {
            throw new BadInputException("nearest-neighbour library is truncated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
