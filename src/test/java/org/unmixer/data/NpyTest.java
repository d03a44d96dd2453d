package org.unmixer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unmixer.params.BadInputException;

class NpyTest {
    /**
     * The file numpy.save writes for np.array([[1, 2, 3], [4, 5, 6]], dtype='<f4'): the dict is 59
     * characters; 10 preamble bytes + 59 + the newline = 70, padded with 58 spaces to 128 (a multiple
     * of 64), so the header length field is 118 = 0x76; then six little-endian IEEE floats.
     */
    @Test
    void floatArrayIsByteExact() {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        byte[] expectedHeader = concat(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0x76, 0x00},
                (dict + " ".repeat(58) + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] expectedData = {
            0x00, 0x00, (byte) 0x80, 0x3F, // 1.0f = 0x3F800000
            0x00, 0x00, 0x00, 0x40, // 2.0f = 0x40000000
            0x00, 0x00, 0x40, 0x40, // 3.0f = 0x40400000
            0x00, 0x00, (byte) 0x80, 0x40, // 4.0f = 0x40800000
            0x00, 0x00, (byte) 0xA0, 0x40, // 5.0f = 0x40A00000
            0x00, 0x00, (byte) 0xC0, 0x40, // 6.0f = 0x40C00000
        };
        byte[] actual = Npy.bytes(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
        assertEquals(152, actual.length);
        assertArrayEquals(concat(expectedHeader, expectedData), actual);
    }

    /** A 1-D shape is written as numpy writes a 1-tuple, "(3,)"; int32 -1 is ff ff ff ff. */
    @Test
    void intVectorHeaderUsesOneTupleAndLittleEndian() {
        byte[] actual = Npy.bytes(new int[] {3}, new int[] {-1, 2, 256});
        String header = new String(actual, 10, 118, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }" + " ".repeat(60) + "\n", header);
        byte[] data = java.util.Arrays.copyOfRange(actual, 128, actual.length);
        assertArrayEquals(new byte[] {-1, -1, -1, -1, 2, 0, 0, 0, 0, 1, 0, 0}, data);
    }

    @Test
    void readGivesBackWhatWasWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.npy");
        Npy.write(f, new int[] {2, 1, 2}, new float[] {0.5f, -1.25f, Float.MAX_VALUE, 3});
        Npy.Array a = Npy.read(f);
        assertEquals("<f4", a.descr());
        assertArrayEquals(new int[] {2, 1, 2}, a.shape());
        assertArrayEquals(new float[] {0.5f, -1.25f, Float.MAX_VALUE, 3}, a.floats());
        Path g = dir.resolve("b.npy");
        Npy.write(g, new int[] {2, 2}, new int[] {7, -1, 0, Integer.MIN_VALUE});
        assertArrayEquals(new int[] {7, -1, 0, Integer.MIN_VALUE}, Npy.read(g).ints());
    }

    @Test
    void shapeMustMatchData() {
        assertThrows(IllegalArgumentException.class, () -> Npy.bytes(new int[] {2, 2}, new float[3]));
    }

    @Test
    void readerRefusesWhatIsNotNpy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.npy");
        Files.writeString(f, "hello, not numpy");
        BadInputException e = assertThrows(BadInputException.class, () -> Npy.read(f));
        assertEquals(f + ": not a .npy file", e.getMessage());
        byte[] truncated = java.util.Arrays.copyOf(Npy.bytes(new int[] {2}, new float[] {1, 2}), 130);
        assertThrows(BadInputException.class, () -> Npy.parse(truncated, "t.npy"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
