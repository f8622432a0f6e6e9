package dev.wsjs.blob;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The byte sequence of a {@code Blob}: immutable, held as a list of byte buffer slices so that
 * concatenating and slicing blobs never copies bytes. Several blobs (and the slices of one blob)
 * share the same underlying memory.
 *
 * <p>The parts are slices whose position is 0 and whose limit equals their capacity; no part is
 * empty. They are never handed out writable (every accessor returns read-only views), so instances
 * are immutable and safe to share between threads.
 */
public final class BlobData {

    /** Chunk size for copying direct (off-heap) parts to a stream. */
    private static final int STREAM_CHUNK = 16 * 1024;

    private static final ByteBuffer[] NO_PARTS = new ByteBuffer[0];

    /** The empty byte sequence. */
    public static final BlobData EMPTY = new BlobData(NO_PARTS, new long[0], 0);

    private final ByteBuffer[] parts;
    /** ends[i] is the offset just past part i within this sequence; searched by {@link #slice}. */
    private final long[] ends;
    private final long size;

    private BlobData(ByteBuffer[] parts, long[] ends, long size) {
        this.parts = parts;
        this.ends = ends;
        this.size = size;
    }

    /**
     * A byte sequence of the bytes between {@code bytes}' position and limit, without copying them.
     * The caller hands the bytes over: it must not change them afterwards (the blob would change).
     */
    public static BlobData of(ByteBuffer bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (!bytes.hasRemaining()) return EMPTY;
        ByteBuffer part = bytes.slice();
        return new BlobData(new ByteBuffer[] {part}, new long[] {part.capacity()}, part.capacity());
    }

    /** A byte sequence made of all of {@code bytes}, without copying them; the caller must not change them afterwards. */
    public static BlobData of(byte[] bytes) {
        return of(ByteBuffer.wrap(bytes));
    }

    /** The concatenation of {@code blobs}, in order, sharing their parts (no byte is copied). */
    public static BlobData concat(List<BlobData> blobs) {
        int count = 0;
        BlobData only = EMPTY;
        for (BlobData b : blobs) {
            if (b.size == 0) continue;
            count += b.parts.length;
            only = b;
        }
        if (count == 0) return EMPTY;
        if (count == only.parts.length) return only;
        ByteBuffer[] parts = new ByteBuffer[count];
        long[] ends = new long[count];
        int i = 0;
        long size = 0;
        for (BlobData b : blobs) {
            for (ByteBuffer part : b.parts) {
                parts[i] = part;
                size += part.capacity();
                ends[i] = size;
                i++;
            }
        }
        return new BlobData(parts, ends, size);
    }

    /** The number of bytes. */
    public long size() {
        return size;
    }

    /**
     * The bytes from {@code start} (inclusive) to {@code end} (exclusive), sharing this sequence's
     * memory.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= start <= end <= size()}
     */
    public BlobData slice(long start, long end) {
        Objects.checkFromToIndex(start, end, size);
        if (start == 0 && end == size) return this;
        if (start == end) return EMPTY;
        int first = partContaining(start);
        int last = partContaining(end - 1);
        int count = last - first + 1;
        ByteBuffer[] sliced = new ByteBuffer[count];
        long[] slicedEnds = new long[count];
        long partStart = first == 0 ? 0 : ends[first - 1];
        long length = 0;
        for (int i = 0; i < count; i++) {
            ByteBuffer part = parts[first + i];
            int from = i == 0 ? (int) (start - partStart) : 0;
            int to = i == count - 1 ? (int) (end - (ends[first + i] - part.capacity())) : part.capacity();
            sliced[i] = from == 0 && to == part.capacity() ? part : part.slice(from, to - from);
            length += to - from;
            slicedEnds[i] = length;
        }
        return new BlobData(sliced, slicedEnds, end - start);
    }

    /** The index of the part holding byte {@code offset} (which is within bounds). */
    private int partContaining(long offset) {
        // ends is sorted and strictly increasing (no part is empty): the first end > offset.
        int i = Arrays.binarySearch(ends, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * Puts every byte into {@code destination} at its position, advancing it; no intermediate copy.
     *
     * @throws java.nio.BufferOverflowException if {@code destination} has less room than {@link #size()}
     */
    public void writeTo(ByteBuffer destination) {
        if (destination.remaining() < size) throw new java.nio.BufferOverflowException();
        for (ByteBuffer part : parts) {
            destination.put(part.asReadOnlyBuffer());
        }
    }

    /**
     * Writes every byte to {@code out}. Heap parts are written straight from their arrays; direct
     * parts go through a small bounded chunk, as an {@link OutputStream} only takes arrays.
     */
    public void writeTo(OutputStream out) throws IOException {
        byte[] chunk = null;
        for (ByteBuffer part : parts) {
            ByteBuffer src = part.duplicate();
            // A heap part is written from its array; the stream only reads the range.
            if (src.hasArray()) {
                out.write(src.array(), src.arrayOffset(), src.remaining());
                continue;
            }
            if (chunk == null) chunk = new byte[(int) Math.min(STREAM_CHUNK, size)];
            while (src.hasRemaining()) {
                int n = Math.min(chunk.length, src.remaining());
                src.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
    }

    /**
     * All bytes as one read-only buffer (position 0, limit {@link #size()}): the part itself when
     * there is one, else a copy of all parts.
     *
     * @throws IllegalStateException if the sequence is larger than a buffer can be (2 GiB)
     */
    public ByteBuffer asReadOnlyBuffer() {
        if (parts.length == 1) return parts[0].asReadOnlyBuffer();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a blob of " + size + " bytes does not fit in one buffer");
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        writeTo(all);
        return all.flip().asReadOnlyBuffer();
    }

    /**
     * The parts as read-only buffers, each positioned at its first byte, in order: for gathering
     * writes ({@link java.nio.channels.GatheringByteChannel}) and for framing without a copy.
     */
    public List<ByteBuffer> buffers() {
        List<ByteBuffer> list = new ArrayList<>(parts.length);
        for (ByteBuffer part : parts) list.add(part.asReadOnlyBuffer());
        return list;
    }

    /** Reads bytes from an array range it must neither change nor keep. */
    @FunctionalInterface
    public interface ArrayReader<T> {
        T read(byte[] array, int offset, int length);
    }

    /**
     * Calls {@code reader} with all bytes as one array range: the part's own array when the
     * sequence is one heap part (no copy), else a copy.
     *
     * @throws IllegalStateException if the sequence is larger than an array can be (2 GiB)
     */
    public <T> T readAll(ArrayReader<T> reader) {
        if (parts.length == 1 && parts[0].hasArray()) {
            ByteBuffer part = parts[0];
            return reader.read(part.array(), part.arrayOffset(), part.capacity());
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a blob of " + size + " bytes does not fit in one array");
        }
        byte[] copy = new byte[(int) size];
        writeTo(ByteBuffer.wrap(copy));
        return reader.read(copy, 0, copy.length);
    }

    @Override
    public String toString() {
        return "BlobData[size=" + size + ", parts=" + parts.length + "]";
    }
}
