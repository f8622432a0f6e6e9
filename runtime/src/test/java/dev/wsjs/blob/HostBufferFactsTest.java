package dev.wsjs.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What GraalJS does with Java byte buffers wrapped by {@code new ArrayBuffer(buffer)}, which the
 * Blob layer relies on: pinned here so an engine upgrade that changes it fails loudly.
 */
class HostBufferFactsTest {

    private Context context;

    @BeforeEach
    void setUp() {
        context = Context.newBuilder("js")
                .allowHostAccess(HostAccess.newBuilder(HostAccess.EXPLICIT).allowBufferAccess(true).allowArrayAccess(true).build())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    @AfterEach
    void tearDown() {
        context.close();
    }

    private String eval(String code, ByteBuffer buffer) {
        context.getBindings("js").putMember("buffer", buffer);
        return context.eval("js", code).toString();
    }

    @Test
    void aWrappedBufferSharesMemoryWithJava() {
        byte[] backing = {1, 2, 3, 4};
        assertEquals("1,2,3,4", eval("globalThis.ab = new ArrayBuffer(buffer); new Uint8Array(ab).join()", ByteBuffer.wrap(backing)));
        backing[0] = 9;
        assertEquals("9", eval("String(new Uint8Array(ab)[0])", ByteBuffer.wrap(backing)));
        eval("new Uint8Array(ab)[1] = 7", ByteBuffer.wrap(backing));
        assertEquals(7, backing[1]);
    }

    @Test
    void aReadOnlyBufferCanBeReadButNotWritten() {
        ByteBuffer readOnly = ByteBuffer.wrap(new byte[] {5, 6, 7}).asReadOnlyBuffer();
        assertEquals("5,6,7", eval("globalThis.ro = new ArrayBuffer(buffer); new Uint8Array(ro).join()", readOnly));
        assertEquals("TypeError", eval("try { new Uint8Array(ro)[0] = 1; 'written' } catch (e) { e.name }", readOnly));
        // Copying out of it with TypedArray.prototype.set works and gives an ordinary buffer.
        assertEquals("5,6,7,false", eval("const u = new Uint8Array(3); u.set(new Uint8Array(ro)); [...u, u.buffer.detached].join()", readOnly));
    }

    @Test
    void theWrapperSpansZeroToTheLimitIgnoringThePosition() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6});
        b.position(2).limit(4);
        assertEquals("1,2,3,4", eval("new Uint8Array(new ArrayBuffer(buffer)).join()", b));
        assertEquals("3,4", eval("new Uint8Array(new ArrayBuffer(buffer)).join()", b.slice()));
    }

    @Test
    void aWrappedBufferCannotBeDetachedOrTransferred() {
        assertEquals("TypeError", eval("try { new ArrayBuffer(buffer).transfer(); 'moved' } catch (e) { e.name }", ByteBuffer.allocate(4)));
    }

    @Test
    void javaReadsJsBuffersInBulkHonouringTheOffset() {
        Value ab = context.eval("js", "new Uint8Array([0, 1, 2, 3, 4, 5]).buffer");
        byte[] out = new byte[3];
        ab.readBuffer(2, out, 0, 3);
        assertEquals("[2, 3, 4]", java.util.Arrays.toString(out));
    }
}
