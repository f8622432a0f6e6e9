package dev.wsjs.ops;

import dev.wsjs.blob.BlobData;
import dev.wsjs.blob.Utf8;
import dev.wsjs.internal.RuntimeServices;
import dev.wsjs.loop.TaskSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The bytes behind {@code Blob}, {@code File} and {@code FileReader}: the JS layer holds a
 * {@link BlobData} per blob and asks these operations to build, slice and read it. Bytes enter from
 * JS with one bulk copy ({@link Value#readBuffer}) and leave as read-only {@link ByteBuffer}s that
 * JS wraps with {@code new ArrayBuffer(buffer)} without a copy. Invoked only by the loop thread.
 */
public final class BlobOps {

    private final RuntimeServices services;

    BlobOps(RuntimeServices services) {
        this.services = services;
    }

    @HostAccess.Export
    public BlobData empty() {
        return BlobData.EMPTY;
    }

    /** The UTF-8 encoding of {@code text}, which the layer has already made a USVString (no lone surrogates). */
    @HostAccess.Export
    public BlobData fromString(String text) {
        return BlobData.of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The platform's newline convention, for the {@code endings: "native"} Blob option. */
    @HostAccess.Export
    public String nativeLineEnding() {
        return System.lineSeparator();
    }

    /**
     * A copy of {@code length} bytes of {@code arrayBuffer} from {@code offset}: "get a copy of the
     * bytes held by the buffer source", in one bulk read.
     */
    @HostAccess.Export
    public BlobData fromBuffer(Value arrayBuffer, double offset, double length) {
        int n = (int) length;
        if (n == 0) return BlobData.EMPTY;
        byte[] copy = new byte[n];
        arrayBuffer.readBuffer((long) offset, copy, 0, n);
        return BlobData.of(copy);
    }

    /** The concatenation of a JS array of {@link BlobData}, sharing their bytes. */
    @HostAccess.Export
    public BlobData concat(Value blobs) {
        long n = blobs.getArraySize();
        if (n == 0) return BlobData.EMPTY;
        if (n == 1) return blobs.getArrayElement(0).asHostObject();
        List<BlobData> list = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) list.add(blobs.getArrayElement(i).asHostObject());
        return BlobData.concat(list);
    }

    @HostAccess.Export
    public double size(BlobData data) {
        return data.size();
    }

    /** The bytes from {@code start} to {@code end} (already clamped by the layer), without a copy. */
    @HostAccess.Export
    public BlobData slice(BlobData data, double start, double end) {
        return data.slice((long) start, (long) end);
    }

    /** The parts as read-only buffers that JS wraps as ArrayBuffers (no copy) and copies once into its result. */
    @HostAccess.Export
    public ByteBuffer[] buffers(BlobData data) {
        return data.buffers().toArray(ByteBuffer[]::new);
    }

    /** https://encoding.spec.whatwg.org/#utf-8-decode of all bytes (what {@code Blob.text()} returns). */
    @HostAccess.Export
    public String utf8Decode(BlobData data) {
        return data.readAll(Utf8::decode);
    }

    /** Every byte as the code unit of equal value (FileReader's binary string). */
    @HostAccess.Export
    public String binaryString(BlobData data) {
        return data.readAll((array, offset, length) -> new String(array, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** The forgiving-base64 encoding of all bytes (RFC 4648 section 4, with padding). */
    @HostAccess.Export
    public String base64(BlobData data) {
        return data.readAll((array, offset, length) -> {
            ByteBuffer encoded = Base64.getEncoder().encode(ByteBuffer.wrap(array, offset, length));
            return new String(encoded.array(), encoded.arrayOffset(), encoded.remaining(), StandardCharsets.ISO_8859_1);
        });
    }

    /**
     * Queues {@code task} on the file reading task source (this runtime runs it as a networking
     * task): FileReader events and blob read results arrive in a later task, as the File API asks.
     */
    @HostAccess.Export
    public void queueTask(Value task) {
        services.loop().post(TaskSource.NETWORKING, () -> task.executeVoid());
    }

    /**
     * Queues ONE task on the file reading task source that calls {@code first}, then {@code second},
     * each as an outermost call into JavaScript, so a microtask checkpoint runs between them. That is
     * what HTML's "clean up after running a callback" does when a task fires an event and goes on:
     * once the event's listeners have returned, the JavaScript stack is empty and microtasks run
     * before the task's next step (FileReader's load, then loadend).
     */
    @HostAccess.Export
    public void queueTaskInTwoSteps(Value first, Value second) {
        services.loop().post(TaskSource.NETWORKING, () -> {
            if (first.execute().asBoolean()) second.executeVoid();
        });
    }
}
