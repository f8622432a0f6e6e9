package dev.wsjs.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** BlobData: the immutable byte sequence behind Blob, sliced and concatenated without copies. */
class BlobDataTest {

    private static byte[] bytes(int from, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) b[i] = (byte) (from + i);
        return b;
    }

    private static byte[] all(BlobData data) {
        ByteBuffer out = ByteBuffer.allocate((int) data.size());
        data.writeTo(out);
        return out.array();
    }

    /** Three parts: 0..9, 10..14, 15..29. */
    private static BlobData threeParts() {
        return BlobData.concat(List.of(
                BlobData.of(bytes(0, 10)), BlobData.of(bytes(10, 5)), BlobData.of(bytes(15, 15))));
    }

    @Test
    void ofTakesTheRemainingBytesWithoutCopying() {
        byte[] backing = bytes(0, 8);
        ByteBuffer buffer = ByteBuffer.wrap(backing, 2, 4);
        BlobData data = BlobData.of(buffer);
        assertEquals(4, data.size());
        assertArrayEquals(bytes(2, 4), all(data));
        // Breaking the contract on purpose shows the bytes are shared, not copied.
        backing[3] = 99;
        assertEquals(99, all(data)[1]);
        assertEquals(2, buffer.position(), "the caller's buffer is left as it was");
        assertSame(BlobData.EMPTY, BlobData.of(ByteBuffer.allocate(0)));
    }

    @Test
    void concatenationKeepsOrderAndSharesParts() {
        BlobData data = threeParts();
        assertEquals(30, data.size());
        assertArrayEquals(bytes(0, 30), all(data));
        assertEquals(3, data.buffers().size());
        BlobData one = BlobData.of(bytes(0, 3));
        assertSame(one, BlobData.concat(List.of(BlobData.EMPTY, one, BlobData.EMPTY)), "a single non-empty blob is reused");
        assertSame(BlobData.EMPTY, BlobData.concat(List.of()));
        // Concatenating concatenations flattens their parts.
        BlobData twice = BlobData.concat(List.of(data, data));
        assertEquals(6, twice.buffers().size());
        byte[] expected = new byte[60];
        System.arraycopy(bytes(0, 30), 0, expected, 0, 30);
        System.arraycopy(bytes(0, 30), 0, expected, 30, 30);
        assertArrayEquals(expected, all(twice));
    }

    @Test
    void slicesAcrossPartBoundariesMatchACopiedReference() {
        BlobData data = threeParts();
        byte[] reference = bytes(0, 30);
        for (int start = 0; start <= 30; start++) {
            for (int end = start; end <= 30; end++) {
                BlobData slice = data.slice(start, end);
                assertEquals(end - start, slice.size());
                assertArrayEquals(Arrays.copyOfRange(reference, start, end), all(slice), start + ".." + end);
            }
        }
        assertSame(data, data.slice(0, 30));
        assertSame(BlobData.EMPTY, data.slice(7, 7));
        // A slice of a slice.
        assertArrayEquals(bytes(12, 6), all(data.slice(5, 25).slice(7, 13)));
        assertThrows(IndexOutOfBoundsException.class, () -> data.slice(-1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> data.slice(3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> data.slice(0, 31));
    }

    @Test
    void slicingSharesMemoryInsteadOfCopying() {
        byte[] backing = bytes(0, 1 << 20);
        BlobData data = BlobData.of(backing);
        BlobData slice = data.slice(1000, 2000);
        backing[1000] = 42; // contract broken on purpose, to observe sharing
        assertEquals(42, all(slice)[0]);
        // The slice's single part is a view of the same array, not a copy.
        assertEquals(1, slice.buffers().size());
        assertEquals(1000, slice.buffers().get(0).capacity());
    }

    @Test
    void everyViewHandedOutIsReadOnly() {
        BlobData data = threeParts();
        for (ByteBuffer b : data.buffers()) {
            assertTrue(b.isReadOnly());
            assertThrows(ReadOnlyBufferException.class, () -> b.put(0, (byte) 1));
        }
        assertTrue(data.asReadOnlyBuffer().isReadOnly());
        assertTrue(BlobData.of(bytes(0, 4)).asReadOnlyBuffer().isReadOnly());
        // Moving a view's position does not disturb the blob.
        data.buffers().get(0).position(5);
        assertArrayEquals(bytes(0, 30), all(data));
    }

    @Test
    void asReadOnlyBufferHoldsAllBytes() {
        ByteBuffer b = threeParts().asReadOnlyBuffer();
        assertEquals(0, b.position());
        assertEquals(30, b.limit());
        byte[] out = new byte[30];
        b.get(out);
        assertArrayEquals(bytes(0, 30), out);
    }

    @Test
    void writeToOutputStreamHandlesHeapAndDirectParts() throws IOException {
        ByteBuffer direct = ByteBuffer.allocateDirect(40_000);
        byte[] random = new byte[40_000];
        new Random(7).nextBytes(random);
        direct.put(random).flip();
        BlobData data = BlobData.concat(List.of(BlobData.of(bytes(0, 10)), BlobData.of(direct), BlobData.of(bytes(10, 5))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        data.writeTo(out);
        byte[] written = out.toByteArray();
        assertEquals(40_015, written.length);
        assertArrayEquals(bytes(0, 10), Arrays.copyOfRange(written, 0, 10));
        assertArrayEquals(random, Arrays.copyOfRange(written, 10, 40_010));
        assertArrayEquals(bytes(10, 5), Arrays.copyOfRange(written, 40_010, 40_015));
        assertThrows(java.nio.BufferOverflowException.class, () -> data.writeTo(ByteBuffer.allocate(10)));
    }

    @Test
    void readAllLendsTheOwnArrayOfASinglePart() {
        byte[] backing = bytes(0, 16);
        BlobData data = BlobData.of(ByteBuffer.wrap(backing, 4, 8));
        data.slice(1, 5).readAll((array, offset, length) -> {
            assertSame(backing, array);
            assertEquals(5, offset);
            assertEquals(4, length);
            return null;
        });
        byte[] joined = threeParts().readAll((array, offset, length) -> Arrays.copyOfRange(array, offset, offset + length));
        assertArrayEquals(bytes(0, 30), joined);
    }
}
