package org.unmixer.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.unmixer.params.BadInputException;

/**
 * NumPy {@code .npy} files, format version 1.0 (numpy.lib.format): the magic {@code \x93NUMPY},
 * version bytes 1 0, a little-endian uint16 header length, an ASCII dict header padded with spaces
 * and a final newline so that the data starts on a 64-byte boundary, then the data in C order.
 * Only the two dtypes the datasets use: {@code '<f4'} (float32) and {@code '<i4'} (int32), little
 * endian. Files are written to a temporary file in the same directory and moved into place.
 */
public final class Npy {
    public static final String FLOAT32 = "<f4";
    public static final String INT32 = "<i4";
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data to 64 bytes since 1.14 (older readers accept any multiple of 16). */
    private static final int ALIGN = 64;
    private static final int PREAMBLE = MAGIC.length + 2 + 2;

    /** An array read back: dtype, shape, and the data in C order (floats or ints by dtype). */
    public record Array(String descr, int[] shape, float[] floats, int[] ints) {
        public int size() {
            return Npy.size(shape);
        }
    }

    private Npy() {
    }

    /** The complete header (magic, version, length, padded dict) for a C-order array. */
    public static byte[] header(String descr, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                dict.append(shape.length == 1 ? "," : ", ");
            }
        }
        dict.append("), }");
        int unpadded = PREAMBLE + dict.length() + 1;
        int total = (unpadded + ALIGN - 1) / ALIGN * ALIGN;
        dict.append(" ".repeat(total - unpadded)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(PREAMBLE + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    /** The bytes of a float32 file. */
    public static byte[] bytes(int[] shape, float[] data) {
        checkSize(shape, data.length);
        byte[] h = header(FLOAT32, shape);
        ByteBuffer b = ByteBuffer.allocate(h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(h);
        b.asFloatBuffer().put(data);
        return b.array();
    }

    /** The bytes of an int32 file. */
    public static byte[] bytes(int[] shape, int[] data) {
        checkSize(shape, data.length);
        byte[] h = header(INT32, shape);
        ByteBuffer b = ByteBuffer.allocate(h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(h);
        b.asIntBuffer().put(data);
        return b.array();
    }

    public static void write(Path file, int[] shape, float[] data) throws IOException {
        AtomicFiles.write(file, bytes(shape, data));
    }

    public static void write(Path file, int[] shape, int[] data) throws IOException {
        AtomicFiles.write(file, bytes(shape, data));
    }

    /** Reads a file this class writes (version 1.0, '<f4' or '<i4', C order). */
    public static Array read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** A float32 array mapped from its file (read-only; the page cache holds it, not the heap). */
    public record MappedFloats(int[] shape, java.nio.FloatBuffer data) {}

    /**
     * Maps a {@code <f4} file without reading it into the heap: training sets are gigabytes of
     * log-mel frames, read a batch at a time.
     */
    public static MappedFloats mapFloats(Path file) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            long length = ch.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(length, 4096));
            ch.read(head, 0);
            byte[] h = Arrays.copyOf(head.array(), head.position());
            int headerLength = h.length < PREAMBLE ? 0 : Short.toUnsignedInt(ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).getShort(8));
            if (h.length < PREAMBLE + headerLength) {
                throw new BadInputException(file + ": truncated .npy header");
            }
            String dict = new String(h, PREAMBLE, headerLength, StandardCharsets.US_ASCII).trim();
            if (!Arrays.equals(Arrays.copyOf(h, MAGIC.length), MAGIC) || h[6] != 1) {
                throw new BadInputException(file + ": not a version 1.0 .npy file");
            }
            if (!field(dict, "'descr': '", "'", file.toString()).equals(FLOAT32)) {
                throw new BadInputException(file + ": expected float32 (<f4) data");
            }
            String shapeText = field(dict, "'shape': (", ")", file.toString()).trim();
            int[] shape = Arrays.stream(shapeText.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            long bytes = 4L * size(shape);
            if (PREAMBLE + headerLength + bytes != length) {
                throw new BadInputException(file + ": " + (length - PREAMBLE - headerLength) + " data bytes for shape " + Arrays.toString(shape));
            }
            var map = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, PREAMBLE + headerLength, bytes);
            return new MappedFloats(shape, map.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
        }
    }

    static Array parse(byte[] bytes, String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < PREAMBLE || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new BadInputException(name + ": not a .npy file");
        }
        if (bytes[6] != 1 || bytes[7] != 0) {
            throw new BadInputException(name + ": .npy version " + bytes[6] + "." + bytes[7] + " is not supported (1.0 only)");
        }
        int headerLength = Short.toUnsignedInt(b.getShort(8));
        if (PREAMBLE + headerLength > bytes.length) {
            throw new BadInputException(name + ": truncated .npy header");
        }
        String dict = new String(bytes, PREAMBLE, headerLength, StandardCharsets.US_ASCII).trim();
        String descr = field(dict, "'descr': '", "'", name);
        if (!field(dict, "'fortran_order': ", ",", name).equals("False")) {
            throw new BadInputException(name + ": Fortran-order .npy is not supported");
        }
        String shapeText = field(dict, "'shape': (", ")", name).trim();
        int[] shape = shapeText.isEmpty() ? new int[0]
                : Arrays.stream(shapeText.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .mapToInt(Integer::parseInt).toArray();
        int n = size(shape);
        ByteBuffer data = ByteBuffer.wrap(bytes, PREAMBLE + headerLength, bytes.length - PREAMBLE - headerLength)
                .slice().order(ByteOrder.LITTLE_ENDIAN);
        if (data.remaining() != 4 * n) {
            throw new BadInputException(name + ": " + data.remaining() + " data bytes for shape " + Arrays.toString(shape));
        }
        return switch (descr) {
            case FLOAT32 -> {
                float[] f = new float[n];
                data.asFloatBuffer().get(f);
                yield new Array(descr, shape, f, null);
            }
            case INT32 -> {
                int[] v = new int[n];
                data.asIntBuffer().get(v);
                yield new Array(descr, shape, null, v);
            }
            default -> throw new BadInputException(name + ": dtype " + descr + " is not supported (<f4, <i4)");
        };
    }

    private static String field(String dict, String start, String end, String name) {
        int i = dict.indexOf(start);
        int j = i < 0 ? -1 : dict.indexOf(end, i + start.length());
        if (j < 0) {
            throw new BadInputException(name + ": .npy header lacks " + start.trim());
        }
        return dict.substring(i + start.length(), j);
    }

    static int size(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("array too large: " + Arrays.toString(shape));
        }
        return (int) n;
    }

    private static void checkSize(int[] shape, int length) {
        if (size(shape) != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + Arrays.toString(shape));
        }
    }
}
