package dev.wsjs.websocket;

import static dev.wsjs.websocket.RawFrames.*;
import static dev.wsjs.websocket.WebSocketProtocol.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client against a raw ServerSocket peer that writes hand-made bytes: every frame-layer error
 * must end in the listener's exact failure cause, onClosed(false, 1006, ""), and a close frame
 * with the right code on the wire; plus the frame-level features a real server cannot force.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RawPeerFrameTest {

    private static WebSocketClient client;
    private static WebSocketClient deflateClient;
    private static final long MAX_MESSAGE = 1000;

    @BeforeAll
    static void start() {
        WebSocketSettings settings = WebSocketSettings.defaults().withMaxIncomingMessageBytes(MAX_MESSAGE)
                .withCloseTimeout(Duration.ofSeconds(2));
        client = new WebSocketClient(settings.withOfferPermessageDeflate(false));
        deflateClient = new WebSocketClient(settings);
    }

    @AfterAll
    static void stop() {
        client.close();
        deflateClient.close();
    }

    static Stream<Arguments> frameErrors() {
        byte[] a = text("a");
        int pe = CLOSE_PROTOCOL_ERROR;
        FailureCause p = FailureCause.PROTOCOL_ERROR;
        return Stream.of(
                Arguments.of("RSV2 set", p, pe, frame(true, 0x20, OPCODE_TEXT, a, null)),
                Arguments.of("RSV3 set", p, pe, frame(true, 0x10, OPCODE_TEXT, a, null)),
                Arguments.of("RSV1 without deflate", p, pe, frame(true, 0x40, OPCODE_TEXT, a, null)),
                Arguments.of("reserved data opcode 3", p, pe, frame(true, 0, 0x3, a, null)),
                Arguments.of("reserved control opcode 0xB", p, pe, frame(true, 0, 0xB, a, null)),
                Arguments.of("fragmented ping", p, pe, frame(false, 0, OPCODE_PING, a, null)),
                Arguments.of("126-byte ping", p, pe, frame(true, 0, OPCODE_PING, new byte[126], null)),
                Arguments.of("126-byte close", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(1000, "x".repeat(124)), null)),
                Arguments.of("masked server frame", p, pe, frame(true, 0, OPCODE_TEXT, a, 0x11223344)),
                Arguments.of("continuation without start", p, pe, frame(true, 0, OPCODE_CONTINUATION, a, null)),
                Arguments.of("text while fragmented", p, pe, concat(frame(false, 0, OPCODE_TEXT, a, null),
                        frame(true, 0, OPCODE_TEXT, a, null))),
                Arguments.of("binary while fragmented", p, pe, concat(frame(false, 0, OPCODE_BINARY, a, null),
                        frame(true, 0, OPCODE_BINARY, a, null))),
                Arguments.of("1-byte close payload", p, pe, frame(true, 0, OPCODE_CLOSE, new byte[] {3}, null)),
                Arguments.of("close code 999", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(999, ""), null)),
                Arguments.of("close code 1004", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(1004, ""), null)),
                Arguments.of("close code 1005", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(1005, ""), null)),
                Arguments.of("close code 1006", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(1006, ""), null)),
                Arguments.of("close code 1015", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(1015, ""), null)),
                Arguments.of("close code 2000", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(2000, ""), null)),
                Arguments.of("close code 5000", p, pe, frame(true, 0, OPCODE_CLOSE, closePayload(5000, ""), null)),
                Arguments.of("64-bit length with top bit", p, pe,
                        new byte[] {(byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5}),
                Arguments.of("invalid UTF-8 text", FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD,
                        frame(true, 0, OPCODE_TEXT, new byte[] {'o', 'k', (byte) 0xC3, 0x28}, null)),
                Arguments.of("invalid UTF-8 across fragments", FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD,
                        concat(frame(false, 0, OPCODE_TEXT, new byte[] {(byte) 0xF0, (byte) 0x9F}, null),
                                frame(true, 0, OPCODE_CONTINUATION, new byte[] {(byte) 0x98, 'x'}, null))),
                Arguments.of("truncated UTF-8 at message end", FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD,
                        frame(true, 0, OPCODE_TEXT, new byte[] {'a', (byte) 0xE2, (byte) 0x82}, null)),
                Arguments.of("invalid UTF-8 close reason", FailureCause.INVALID_UTF8, CLOSE_INVALID_PAYLOAD,
                        frame(true, 0, OPCODE_CLOSE, concat(closePayload(1000, ""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), null)),
                Arguments.of("message over the limit", FailureCause.MESSAGE_TOO_BIG, CLOSE_MESSAGE_TOO_BIG,
                        frame(true, 0, OPCODE_BINARY, new byte[(int) MAX_MESSAGE + 1], null)),
                Arguments.of("fragments over the limit", FailureCause.MESSAGE_TOO_BIG, CLOSE_MESSAGE_TOO_BIG,
                        concat(frame(false, 0, OPCODE_TEXT, text("x".repeat(600)), null),
                                frame(true, 0, OPCODE_CONTINUATION, text("x".repeat(401)), null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frameErrors")
    void frameErrorFailsTheConnectionWithTheRightCode(String name, FailureCause cause, int code, byte[] bytes) throws Exception {
        assertFailsWith(client, "", cause, code, bytes);
    }

    @Test
    void deflateBombFailsWith1009() throws Exception {
        byte[] bomb = new RawFrames.Compressor(false).compress(new byte[4 << 20]);
        assertFailsWith(deflateClient, "Sec-WebSocket-Extensions: permessage-deflate", FailureCause.MESSAGE_TOO_BIG,
                CLOSE_MESSAGE_TOO_BIG, frame(true, 0x40, OPCODE_BINARY, bomb, null));
    }

    @Test
    void rsv1OnContinuationAndControlFramesIsAProtocolError() throws Exception {
        String ext = "Sec-WebSocket-Extensions: permessage-deflate";
        assertFailsWith(deflateClient, ext, FailureCause.PROTOCOL_ERROR, CLOSE_PROTOCOL_ERROR,
                concat(frame(false, 0, OPCODE_TEXT, text("a"), null), frame(true, 0x40, OPCODE_CONTINUATION, text("b"), null)));
        assertFailsWith(deflateClient, ext, FailureCause.PROTOCOL_ERROR, CLOSE_PROTOCOL_ERROR,
                frame(true, 0x40, OPCODE_PING, text("a"), null));
    }

    private static void assertFailsWith(WebSocketClient c, String extensionHeader, FailureCause cause, int code, byte[] bytes)
            throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            c.connect(HandshakeRequest.of(peer.uri("/")), events);
            try (RawPeer.Conn conn = peer.accept().readRequest()) {
                if (extensionHeader.isEmpty()) conn.upgrade(); else conn.upgrade(extensionHeader);
                events.awaitOpen();
                conn.write(bytes);
                RawPeer.Frame close = conn.readCloseFrame();
                assertEquals(code, close.closeCode(), "close code the client sent");
                events.awaitFailure(cause);
                assertTrue(conn.awaitEof(), "the client closes TCP after failing");
            }
        }
    }

    // ------------------------------------------------------------------ what a valid peer can send

    @Test
    void framesInTheSameWriteAsThe101AndAfterQuietSpellsArriveInOrder() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults());
            try (c) {
                c.connect(HandshakeRequest.of(peer.uri("/")), events);
                try (RawPeer.Conn conn = peer.accept().readRequest()) {
                    // The 101 and two frames in one write: the frames wait in OkHttp's buffer.
                    String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + conn.acceptValue() + "\r\n\r\n";
                    conn.write(concat(head.getBytes(StandardCharsets.ISO_8859_1),
                            frame(true, 0, OPCODE_TEXT, text("first"), null), frame(true, 0, OPCODE_TEXT, text("second"), null)));
                    events.awaitOpen();
                    assertEquals("first", events.awaitText());
                    assertEquals("second", events.awaitText());
                    // A quiet spell, then a frame whose first byte comes alone: the client waits for data
                    // reading single bytes, which must land in front of the rest.
                    Thread.sleep(200);
                    byte[] third = frame(true, 0, OPCODE_TEXT, text("third"), null);
                    conn.write(Arrays.copyOfRange(third, 0, 1));
                    Thread.sleep(200);
                    conn.write(Arrays.copyOfRange(third, 1, third.length));
                    assertEquals("third", events.awaitText());
                    Thread.sleep(200);
                    byte[] big = new byte[900];
                    Arrays.fill(big, (byte) 'x');
                    conn.write(concat(frame(true, 0, OPCODE_TEXT, big, null), frame(true, 0, OPCODE_TEXT, text("last"), null)));
                    assertEquals("x".repeat(900), events.awaitText());
                    assertEquals("last", events.awaitText());
                }
            }
        }
    }

    @Test
    void tenThousandByteTextInFragmentsWithInterleavedPingIsReassembledAndPonged() throws Exception {
        String message = "ab€".repeat(2000); // 10,000 bytes, fragments split inside '€'
        byte[] bytes = text(message);
        assertEquals(10_000, bytes.length);
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            WebSocketClient big = new WebSocketClient(WebSocketSettings.defaults());
            try (big; RawPeer.Conn conn = acceptUpgraded(big, peer, events)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int at = 0, i = 0; at < bytes.length; at += 1001, i++) {
                    byte[] part = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 1001));
                    boolean last = at + 1001 >= bytes.length;
                    out.writeBytes(frame(last, 0, i == 0 ? OPCODE_TEXT : OPCODE_CONTINUATION, part, null));
                    if (i == 3) out.writeBytes(frame(true, 0, OPCODE_PING, text("are you there"), null));
                }
                conn.write(out.toByteArray());
                RawPeer.Frame pong = conn.readFrame();
                assertEquals(OPCODE_PONG, pong.opcode());
                assertEquals("are you there", pong.text());
                assertTrue(pong.masked());
                assertEquals(message, events.awaitText());
            }
        }
    }

    @Test
    void aPingFloodIsAnsweredInOrderEndingWithTheLatestPing() throws Exception {
        int pings = 20_000;
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults());
            try (c; RawPeer.Conn conn = acceptUpgraded(c, peer, events)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 0; i < pings; i++) {
                    out.writeBytes(frame(true, 0, OPCODE_PING, text("p" + i), null));
                }
                out.writeBytes(frame(true, 0, OPCODE_TEXT, text("done"), null));
                conn.write(out.toByteArray());
                assertEquals("done", events.awaitText());
                // Section 5.5.3: pongs may answer only the most recent ping; they never go back in time.
                int last = -1;
                int pongs = 0;
                while (last < pings - 1) {
                    RawPeer.Frame pong = conn.readFrame();
                    assertEquals(OPCODE_PONG, pong.opcode());
                    int index = Integer.parseInt(pong.text().substring(1));
                    assertTrue(index > last, "pong for p" + index + " after p" + last);
                    last = index;
                    pongs++;
                }
                assertTrue(pongs <= pings);
            }
        }
    }

    @Test
    void compressedMessagesFromThePeerAreInflatedWithContextTakeover() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults());
            try (c; RawPeer.Conn conn = peer.accept(c, events, "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=10")) {
                RecordingListener.Open open = events.awaitOpen();
                assertEquals("permessage-deflate; server_max_window_bits=10", open.extensions());
                RawFrames.Compressor compressor = new RawFrames.Compressor(false);
                String text = "{\"price\": 101.25, \"symbol\": \"ACME\"} ".repeat(20);
                conn.write(frame(true, 0x40, OPCODE_TEXT, compressor.compress(text(text)), null));
                conn.write(frame(true, 0x40, OPCODE_TEXT, compressor.compress(text(text)), null));
                byte[] binary = new byte[5000];
                conn.write(frame(true, 0x40, OPCODE_BINARY, compressor.compress(binary), null));
                assertEquals(text, events.awaitText());
                assertEquals(text, events.awaitText());
                assertEquals(ByteBuffer.wrap(binary), events.awaitBinary());
            }
        }
    }

    @Test
    void clientCompressesWhatItSendsAndResetsWithClientNoContextTakeover() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults());
            try (c; RawPeer.Conn conn = peer.accept(c, events,
                    "Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover")) {
                assertEquals("permessage-deflate; client_max_window_bits", conn.requestHeaders.get("Sec-WebSocket-Extensions"));
                events.awaitOpen();
                WebSocketConnection connection = peer.lastConnection;
                String text = "hello ".repeat(200) + "!";
                connection.sendText(text);
                connection.sendText(text);
                connection.sendText("short");
                for (int i = 0; i < 2; i++) {
                    RawPeer.Frame f = conn.readFrame();
                    assertEquals(0x40, f.rsv(), "RSV1 marks a compressed message");
                    assertTrue(f.payload().length < text.length());
                    // No context takeover: each message inflates on its own, with a fresh inflater.
                    assertEquals(text, inflate(f.payload()));
                }
                RawPeer.Frame small = conn.readFrame();
                assertEquals(0, small.rsv(), "small messages go uncompressed");
                assertEquals("short", small.text());
            }
        }
    }

    @Test
    void smallClientWindowMeansUncompressedMessages() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults());
            try (c; RawPeer.Conn conn = peer.accept(c, events, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=9")) {
                events.awaitOpen();
                String text = "z".repeat(5000);
                peer.lastConnection.sendText(text);
                RawPeer.Frame f = conn.readFrame();
                assertEquals(0, f.rsv(), "java.util.zip cannot honour a 9-bit window: sent uncompressed");
                assertEquals(text, f.text());
            }
        }
    }

    @Test
    void closeTimeoutWhenThePeerNeverAnswersTheCloseFrame() throws Exception {
        WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults().withCloseTimeout(Duration.ofMillis(300)));
        try (c; RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            try (RawPeer.Conn conn = peer.accept(c, events)) {
                events.awaitOpen();
                peer.lastConnection.close(1000, "bye");
                RawPeer.Frame close = conn.readFrame();
                assertEquals(1000, close.closeCode());
                assertEquals("bye", new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8));
                long start = System.nanoTime();
                events.awaitFailure(FailureCause.CLOSE_TIMEOUT);
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
                assertTrue(conn.awaitEof());
            }
        }
    }

    @Test
    void serverInitiatedCloseIsEchoedAndCleanWhenTheServerClosesTcp() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            try (RawPeer.Conn conn = peer.accept(client, events)) {
                events.awaitOpen();
                conn.write(frame(true, 0, OPCODE_CLOSE, closePayload(4321, "done"), null));
                events.awaitCloseFrame(4321, "done");
                RawPeer.Frame echo = conn.readFrame();
                assertEquals(OPCODE_CLOSE, echo.opcode());
                assertEquals(4321, echo.closeCode());
                conn.close(); // the server closes TCP first (RFC 6455 section 7.1.1)
                events.awaitClosed(true, 4321, "done");
            }
        }
    }

    /**
     * A message the peer answered with its close frame was taken by the writer before that frame
     * arrived, while a message still being written was not: what WebSocketStream decides by, whichever
     * of "bytes sent" and "close frame" reaches the loop first.
     */
    @Test
    void whenTheCloseFrameArrivesTheMessageItAnswersWasTakenAndOneStillBeingWrittenWasNot() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            try (RawPeer.Conn conn = peer.accept(client, events)) {
                events.awaitOpen();
                WebSocketConnection connection = peer.lastConnection;
                events.closeFrameProbe = connection::takenBytes;
                connection.sendText("Goodbye");
                // 32 MiB the peer does not read: far more than the socket buffers take, so the writer is
                // still writing it when the close frame comes.
                connection.sendBinary(ByteBuffer.allocate(32 << 20));
                assertEquals("Goodbye", conn.readFrame().text());
                conn.write(frame(true, 0, OPCODE_CLOSE, closePayload(1000, "bye"), null));
                events.awaitCloseFrame(1000, "bye");
                assertEquals("Goodbye".length(), events.probedAtCloseFrame);
            }
        }
    }

    @Test
    void closeWithoutCodeSendsAnEmptyCloseFrameAndReports1005() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            try (RawPeer.Conn conn = peer.accept(client, events)) {
                events.awaitOpen();
                peer.lastConnection.close(-1, null);
                RawPeer.Frame close = conn.readFrame();
                assertEquals(OPCODE_CLOSE, close.opcode());
                assertEquals(0, close.payload().length);
                conn.write(new byte[] {(byte) 0x88, 0});
                events.awaitCloseFrame(1005, "");
                conn.close();
                events.awaitClosed(true, 1005, "");
            }
        }
    }

    @Test
    void tcpDroppedWithoutCloseFrameIsConnectionLost() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            try (RawPeer.Conn conn = peer.accept(client, events)) {
                events.awaitOpen();
                conn.write(frame(true, 0, OPCODE_TEXT, text("last words"), null));
                conn.close();
                assertEquals("last words", events.awaitText());
                events.awaitFailure(FailureCause.CONNECTION_LOST);
            }
        }
    }

    @Test
    void keepAlivePingWithoutPongFailsWithPongTimeout() throws Exception {
        WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults()
                .withPingInterval(Duration.ofMillis(100)).withPongTimeout(Duration.ofMillis(200)));
        try (c; RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            try (RawPeer.Conn conn = peer.accept(c, events)) {
                events.awaitOpen();
                RawPeer.Frame ping = conn.readFrame();
                assertEquals(OPCODE_PING, ping.opcode());
                events.awaitFailure(FailureCause.PONG_TIMEOUT);
            }
        }
    }

    @Test
    void keepAlivePingsAnsweredKeepTheConnectionOpen() throws Exception {
        // A pong timeout far above the ping interval: a loaded machine may answer late, but in time.
        WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults()
                .withPingInterval(Duration.ofMillis(50)).withPongTimeout(Duration.ofSeconds(5)));
        try (c; RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            try (RawPeer.Conn conn = peer.accept(c, events)) {
                events.awaitOpen();
                for (int i = 0; i < 6; i++) {
                    RawPeer.Frame ping = conn.readFrame();
                    assertEquals(OPCODE_PING, ping.opcode());
                    conn.write(frame(true, 0, OPCODE_PONG, ping.payload(), null));
                }
                events.assertQuiet(Duration.ofMillis(100));
            }
        }
    }

    private static RawPeer.Conn acceptUpgraded(WebSocketClient c, RawPeer peer, RecordingListener events) throws Exception {
        RawPeer.Conn conn = peer.accept(c, events);
        events.awaitOpen();
        return conn;
    }

    private static String inflate(byte[] compressed) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(concat(compressed, new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}));
        byte[] out = new byte[10_000];
        int n = inflater.inflate(out);
        inflater.end();
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }
}
