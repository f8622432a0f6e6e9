package dev.wsjs.websocket;

import static dev.wsjs.websocket.RawFrames.*;
import static dev.wsjs.websocket.WebSocketProtocol.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The frame codec on in-memory buffers: writer-to-reader round trips and every decoding rule. */
class FrameCodecTest {

    private static final PerMessageDeflate DEFLATE = new PerMessageDeflate(false, false, 15, 15);

    /** Decodes everything in {@code bytes} (a client reading a server's frames unless role says otherwise). */
    private static List<String> decode(byte[] bytes, Role readerRole, PerMessageDeflate deflate, long max) throws Exception {
        Buffer in = new Buffer().write(bytes);
        RecordingFrameHandler h = new RecordingFrameHandler();
        FrameReader reader = new FrameReader(in, readerRole, max, deflate, h);
        while (!in.exhausted()) {
            reader.readFrame();
        }
        return h.events;
    }

    private static ProtocolViolation violation(byte[] bytes, Role readerRole, PerMessageDeflate deflate, long max) {
        return assertThrows(ProtocolViolation.class, () -> decode(bytes, readerRole, deflate, max));
    }

    private static void assertViolation(FailureCause cause, int code, byte[] bytes) {
        ProtocolViolation v = violation(bytes, Role.CLIENT, null, 1 << 20);
        assertEquals(cause, v.failureCause(), v.getMessage());
        assertEquals(code, v.closeCode(), v.getMessage());
    }

    @Test
    void writerToReaderRoundTripsEverySizeBothRoles() throws Exception {
        Random random = new Random(7);
        for (Role writerRole : Role.values()) {
            Role readerRole = writerRole == Role.CLIENT ? Role.SERVER : Role.CLIENT;
            for (PerMessageDeflate deflate : new PerMessageDeflate[] {null, DEFLATE, new PerMessageDeflate(true, true, 15, 15)}) {
                for (int size : new int[] {0, 1, 125, 126, 127, 65535, 65536, 70000, 1 << 20}) {
                    Buffer wire = new Buffer();
                    FrameWriter writer = new FrameWriter(wire, writerRole, deflate, new SecureRandom());
                    byte[] binary = new byte[size];
                    random.nextBytes(binary);
                    String text = "é".repeat(size / 2) + "x".repeat(size % 2);
                    writer.writeMessage(OPCODE_BINARY, ByteBuffer.wrap(binary));
                    writer.writeMessage(OPCODE_TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                    writer.writeControl(OPCODE_PING, "p".getBytes(StandardCharsets.UTF_8));
                    writer.writeClose(1000, "bye");
                    writer.flush();
                    List<String> events = decode(wire.readByteArray(), readerRole, deflate, 2 << 20);
                    String where = writerRole + " deflate=" + deflate + " size=" + size;
                    assertEquals(List.of("binary:" + HexFormat.of().formatHex(binary), "text:" + text, "ping:p",
                            "close:1000:bye"), events, where);
                }
            }
        }
    }

    @Test
    void readOnlyDirectAndOffsetBuffersAreSentFromPositionToLimit() throws Exception {
        byte[] bytes = new byte[5000];
        new Random(11).nextBytes(bytes);
        java.util.Arrays.fill(bytes, 100, 3000, (byte) 'a'); // compressible
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        ByteBuffer[] buffers = {
            ByteBuffer.wrap(bytes).asReadOnlyBuffer(),
            direct,
            ByteBuffer.wrap(bytes, 7, 4000).slice().asReadOnlyBuffer(),
            ByteBuffer.wrap(bytes).position(7).limit(4007),
        };
        byte[] expectedSlice = java.util.Arrays.copyOfRange(bytes, 7, 4007);
        for (PerMessageDeflate deflate : new PerMessageDeflate[] {null, DEFLATE}) {
            for (int i = 0; i < buffers.length; i++) {
                Buffer wire = new Buffer();
                FrameWriter writer = new FrameWriter(wire, Role.CLIENT, deflate, new SecureRandom());
                writer.writeMessage(OPCODE_BINARY, buffers[i].duplicate());
                writer.flush();
                byte[] expected = i < 2 ? bytes : expectedSlice;
                assertEquals(List.of("binary:" + HexFormat.of().formatHex(expected)),
                        decode(wire.readByteArray(), Role.SERVER, deflate, 1 << 20), "buffer " + i + " deflate=" + deflate);
            }
        }
    }

    @Test
    void clientFramesAreMaskedWithChangingKeysAndServerFramesAreNot() throws Exception {
        Buffer wire = new Buffer();
        FrameWriter client = new FrameWriter(wire, Role.CLIENT, null, new SecureRandom());
        client.writeMessage(OPCODE_TEXT, ByteBuffer.wrap(text("hello")));
        client.writeMessage(OPCODE_TEXT, ByteBuffer.wrap(text("hello")));
        client.flush();
        byte[] a = wire.readByteArray(11);
        byte[] b = wire.readByteArray(11);
        assertEquals(0x81, a[0] & 0xFF);
        assertEquals(0x80 | 5, a[1] & 0xFF);
        assertFalse(java.util.Arrays.equals(a, b), "two frames with the same payload must use different keys");

        FrameWriter server = new FrameWriter(wire, Role.SERVER, null, null);
        server.writeMessage(OPCODE_TEXT, ByteBuffer.wrap(text("hello")));
        server.flush();
        assertArrayEquals(concat(new byte[] {(byte) 0x81, 5}, text("hello")), wire.readByteArray());
    }

    @Test
    void emptyCloseFrameAndCloseWithReason() throws Exception {
        Buffer wire = new Buffer();
        FrameWriter server = new FrameWriter(wire, Role.SERVER, null, null);
        server.writeClose(-1, null);
        server.flush();
        assertArrayEquals(new byte[] {(byte) 0x88, 0}, wire.readByteArray());
        assertEquals(List.of("close:1005:"), decode(new byte[] {(byte) 0x88, 0}, Role.CLIENT, null, 100));
        assertEquals(List.of("close:4000:ok é"), decode(frame(true, 0, OPCODE_CLOSE, closePayload(4000, "ok é"), null),
                Role.CLIENT, null, 100));
    }

    @Test
    void reassemblesFragmentsWithInterleavedControlFrames() throws Exception {
        String text = "ü".repeat(5000); // 10,000 bytes split inside two-byte sequences
        byte[] bytes = text(text);
        byte[] stream = concat(
                frame(false, 0, OPCODE_TEXT, java.util.Arrays.copyOfRange(bytes, 0, 3333), null),
                frame(true, 0, OPCODE_PING, text("a"), null),
                frame(false, 0, OPCODE_CONTINUATION, java.util.Arrays.copyOfRange(bytes, 3333, 6667), null),
                frame(true, 0, OPCODE_PONG, text("b"), null),
                frame(true, 0, OPCODE_CONTINUATION, java.util.Arrays.copyOfRange(bytes, 6667, 10000), null),
                frame(false, 0, OPCODE_BINARY, new byte[] {1, 2}, null),
                frame(true, 0, OPCODE_CONTINUATION, new byte[] {3}, null));
        assertEquals(List.of("ping:a", "pong:b", "text:" + text, "binary:010203"), decode(stream, Role.CLIENT, null, 1 << 20));
    }

    @Test
    void compressedMessagesFromARawCompressorIncludingFragmentsAndContextTakeover() throws Exception {
        RawFrames.Compressor c = new RawFrames.Compressor(false);
        String text = "the quick brown fox ".repeat(50);
        byte[] first = c.compress(text(text));
        byte[] second = c.compress(text(text)); // refers back to the first message
        assertTrue(second.length < first.length);
        byte[] stream = concat(
                frame(true, 0x40, OPCODE_TEXT, first, null),
                frame(false, 0x40, OPCODE_TEXT, java.util.Arrays.copyOfRange(second, 0, 3), null),
                frame(true, 0, OPCODE_CONTINUATION, java.util.Arrays.copyOfRange(second, 3, second.length), null),
                frame(true, 0, OPCODE_TEXT, text("plain"), null));
        assertEquals(List.of("text:" + text, "text:" + text, "text:plain"), decode(stream, Role.CLIENT, DEFLATE, 1 << 20));
    }

    @Test
    void deflateBombFailsWith1009WithoutInflatingEverything() {
        // 8 MiB of zeros compress to ~8 KiB; the limit is 256 KiB.
        RawFrames.Compressor c = new RawFrames.Compressor(false);
        byte[] bomb = c.compress(new byte[8 << 20]);
        assertTrue(bomb.length < 20_000);
        ProtocolViolation v = violation(frame(true, 0x40, OPCODE_BINARY, bomb, null), Role.CLIENT, DEFLATE, 256 << 10);
        assertEquals(FailureCause.MESSAGE_TOO_BIG, v.failureCause());
        assertEquals(CLOSE_MESSAGE_TOO_BIG, v.closeCode());
    }

    @Test
    void messageOverTheLimitFailsWith1009AlsoAcrossFragments() {
        ProtocolViolation single = violation(frame(true, 0, OPCODE_BINARY, new byte[101], null), Role.CLIENT, null, 100);
        assertEquals(CLOSE_MESSAGE_TOO_BIG, single.closeCode());
        ProtocolViolation fragmented = violation(concat(frame(false, 0, OPCODE_TEXT, text("x".repeat(60)), null),
                frame(true, 0, OPCODE_CONTINUATION, text("x".repeat(41)), null)), Role.CLIENT, null, 100);
        assertEquals(FailureCause.MESSAGE_TOO_BIG, fragmented.failureCause());
    }

    @Test
    void everyFramingRuleFailsWithTheRightCode() {
        int p = CLOSE_PROTOCOL_ERROR;
        FailureCause pe = FailureCause.PROTOCOL_ERROR;
        assertViolation(pe, p, frame(true, 0x20, OPCODE_TEXT, text("a"), null));               // RSV2
        assertViolation(pe, p, frame(true, 0x10, OPCODE_TEXT, text("a"), null));               // RSV3
        assertViolation(pe, p, frame(true, 0x40, OPCODE_TEXT, text("a"), null));               // RSV1 without deflate
        assertViolation(pe, p, frame(true, 0, 0x3, text("a"), null));                          // reserved data opcode
        assertViolation(pe, p, frame(true, 0, 0xB, text("a"), null));                          // reserved control opcode
        assertViolation(pe, p, frame(false, 0, OPCODE_PING, text("a"), null));                 // fragmented control
        assertViolation(pe, p, frame(true, 0, OPCODE_PING, new byte[126], null));              // control > 125
        assertViolation(pe, p, frame(true, 0, OPCODE_TEXT, text("a"), 0x01020304));            // masked server frame
        assertViolation(pe, p, frame(true, 0, OPCODE_CONTINUATION, text("a"), null));          // nothing to continue
        assertViolation(pe, p, concat(frame(false, 0, OPCODE_TEXT, text("a"), null),
                frame(true, 0, OPCODE_TEXT, text("b"), null)));                                // new message mid-message
        assertViolation(pe, p, frame(true, 0, OPCODE_CLOSE, new byte[] {3}, null));            // 1-byte close
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999, 5000, 65535}) {
            assertViolation(pe, p, frame(true, 0, OPCODE_CLOSE, closePayload(code, ""), null));
        }
        byte[] topBit = {(byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1};
        assertViolation(pe, p, topBit);                                                        // 64-bit length, top bit
        assertViolation(FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD, frame(true, 0, OPCODE_TEXT, new byte[] {(byte) 0xC0, (byte) 0x80}, null));
        assertViolation(FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD, concat(
                frame(false, 0, OPCODE_TEXT, new byte[] {(byte) 0xE2, (byte) 0x82}, null),
                frame(true, 0, OPCODE_CONTINUATION, new byte[] {(byte) 0x28}, null)));          // broken across fragments
        assertViolation(FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD, frame(true, 0, OPCODE_TEXT, new byte[] {(byte) 0xE2, (byte) 0x82}, null));
        byte[] badReason = concat(closePayload(1000, ""), new byte[] {(byte) 0xFF});
        assertViolation(FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD, frame(true, 0, OPCODE_CLOSE, badReason, null));
    }

    @Test
    void serverRoleRequiresMaskedFrames() throws Exception {
        ProtocolViolation v = violation(frame(true, 0, OPCODE_TEXT, text("a"), null), Role.SERVER, null, 100);
        assertEquals(CLOSE_PROTOCOL_ERROR, v.closeCode());
        assertEquals(List.of("text:a"), decode(frame(true, 0, OPCODE_TEXT, text("a"), 0xCAFEBABE), Role.SERVER, null, 100));
    }

    @Test
    void invalidUtf8FailsBeforeTheRestOfTheFrameArrives() {
        // Only the start of a 1000-byte frame is there: the invalid byte is enough to fail, no EOF.
        byte[] whole = frame(true, 0, OPCODE_TEXT, concat(new byte[] {'a', (byte) 0xFF}, new byte[998]), null);
        byte[] start = java.util.Arrays.copyOf(whole, 10);
        ProtocolViolation v = violation(start, Role.CLIENT, null, 1 << 20);
        assertEquals(FailureCause.INVALID_UTF8, v.failureCause());
    }

    @Test
    void truncatedStreamIsAnEofNotAViolation() {
        byte[] whole = frame(true, 0, OPCODE_BINARY, new byte[300], null);
        assertThrows(EOFException.class, () -> decode(java.util.Arrays.copyOf(whole, 100), Role.CLIENT, null, 1 << 20));
    }

    @Test
    void largeSingleFrameBinaryMessagesFromAServerArriveInDirectMemory() throws Exception {
        int large = FrameReader.DIRECT_BINARY_BYTES;
        byte[] payload = new byte[large];
        new Random(3).nextBytes(payload);
        List<ByteBuffer> received = new java.util.ArrayList<>();
        byte[] wire = concat(frame(true, 0, OPCODE_BINARY, payload, null), frame(true, 0, OPCODE_BINARY, new byte[large - 1], null),
                frame(false, 0, OPCODE_BINARY, payload, null), frame(true, 0, OPCODE_CONTINUATION, new byte[1], null));
        Buffer in = new Buffer().write(wire);
        FrameReader reader = new FrameReader(in, Role.CLIENT, 1 << 20, null, new RecordingFrameHandler() {
            @Override public void onBinary(ByteBuffer data) { received.add(data); }
        });
        while (!in.exhausted()) {
            reader.readFrame();
        }
        assertEquals(3, received.size());
        ByteBuffer first = received.get(0);
        assertTrue(first.isDirect(), "a single frame of " + large + " bytes");
        assertEquals(0, first.position());
        assertEquals(large, first.remaining());
        byte[] got = new byte[large];
        first.get(got);
        assertArrayEquals(payload, got);
        assertFalse(received.get(1).isDirect(), "one byte under the threshold");
        assertFalse(received.get(2).isDirect(), "a fragmented message is reassembled on the heap");
        assertEquals(large + 1, received.get(2).remaining());

        byte[] whole = frame(true, 0, OPCODE_BINARY, payload, null);
        assertThrows(EOFException.class, () -> decode(java.util.Arrays.copyOf(whole, large / 2), Role.CLIENT, null, 1 << 20));
        ProtocolViolation v = violation(whole, Role.CLIENT, null, large - 1);
        assertEquals(CLOSE_MESSAGE_TOO_BIG, v.closeCode());
    }
}
