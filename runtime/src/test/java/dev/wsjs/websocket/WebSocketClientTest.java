package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import dev.wsjs.server.Handler;
import dev.wsjs.server.HandshakeDecision;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.Session;
import dev.wsjs.server.UpgradeRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against the project's own server on 127.0.0.1. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WebSocketClientTest {

    private static LocalWebSocketServer server;
    private static WebSocketClient client;
    private static final BlockingQueue<UpgradeRequest> seenRequests = new LinkedBlockingQueue<>();
    /** Sessions of /session?tag, and how they ended, per tag: tests run in any order and must not share. */
    private static final Map<String, BlockingQueue<Session>> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, BlockingQueue<String>> serverCloses = new java.util.concurrent.ConcurrentHashMap<>();

    private static BlockingQueue<Session> sessions(String tag) {
        return sessions.computeIfAbsent(tag, k -> new LinkedBlockingQueue<>());
    }

    private static BlockingQueue<String> serverCloses(String tag) {
        return serverCloses.computeIfAbsent(tag, k -> new LinkedBlockingQueue<>());
    }

    /** Opens /session?tag and returns the server's side of it. */
    private static Session openSession(WebSocketClient c, String tag, RecordingListener events, boolean autoDeliver) throws Exception {
        WebSocketConnection conn = c.connect(HandshakeRequest.of(server.uri("/session?" + tag)), events);
        if (autoDeliver) events.autoDeliver = conn;
        events.awaitOpen();
        Session s = sessions(tag).poll(10, TimeUnit.SECONDS);
        assertNotNull(s);
        lastConnection = conn;
        return s;
    }

    private static volatile WebSocketConnection lastConnection;

    @BeforeAll
    static void start() throws Exception {
        server = LocalWebSocketServer.builder()
                .route("/headers", new Handler() {
                    @Override
                    public HandshakeDecision onHandshake(UpgradeRequest request) {
                        seenRequests.add(request);
                        return HandshakeDecision.accept(request.protocols().isEmpty() ? null : request.protocols().get(0));
                    }
                })
                .route("/session", new Handler() {
                    @Override
                    public void onOpen(Session session, UpgradeRequest request) {
                        sessions(request.query()).add(session);
                    }

                    @Override
                    public void onClose(Session session, int code, String reason, boolean wasClean) {
                        serverCloses(session.request().query()).add(code + ":" + reason + ":" + wasClean);
                    }
                })
                .route("/forbidden", new Handler() {
                    @Override
                    public HandshakeDecision onHandshake(UpgradeRequest request) {
                        return HandshakeDecision.reject(403, "no");
                    }
                })
                .start();
        client = new WebSocketClient(WebSocketSettings.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static WebSocketConnection open(String path, RecordingListener events) throws Exception {
        WebSocketConnection c = client.connect(HandshakeRequest.of(server.uri(path)), events);
        events.autoDeliver = c;
        events.awaitOpen();
        return c;
    }

    @Test
    void echoesTextAndBinaryInOrderAcrossTypes() throws Exception {
        RecordingListener events = new RecordingListener();
        WebSocketConnection c = open("/echo", events);
        c.sendText("héllo");
        c.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        c.sendText("");
        c.sendBinary(ByteBuffer.allocate(0));
        assertEquals("héllo", events.awaitText());
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), events.awaitBinary());
        assertEquals("", events.awaitText());
        assertEquals(0, events.awaitBinary().remaining());
        c.close(1000, "done");
        events.awaitCloseFrame(1000, "done");
        events.awaitClosed(true, 1000, "done");
        assertEquals(6 + 3, events.bytesSent.get(), "UTF-8 payload bytes reported sent");
    }

    @Test
    void manySmallMessagesArriveInOrder() throws Exception {
        RecordingListener events = new RecordingListener();
        WebSocketConnection c = open("/echo", events);
        for (int i = 0; i < 5000; i++) {
            c.sendText("m" + i);
        }
        for (int i = 0; i < 5000; i++) {
            assertEquals("m" + i, events.awaitText());
        }
        c.close(1000, null);
        events.awaitCloseFrame(1000, "");
        events.awaitClosed(true, 1000, "");
    }

    @Test
    void quietConnectionHoldsNoWriterThreadAndStillSends() throws Exception {
        RecordingListener events = new RecordingListener();
        WebSocketConnection c = open("/echo", events);
        String name = c.toString().split(" ")[0];
        String writer = "\"" + name + "-writer\"";
        c.sendText("before");
        assertEquals("before", events.awaitText());
        // The writer ends once the queue stayed empty for its linger time (500 ms).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (threadDump().contains(writer)) {
            assertTrue(System.nanoTime() < deadline, "the writer of a quiet connection is still there");
            Thread.sleep(100);
        }
        assertTrue(threadDump().contains("\"" + name + "-reader\""), "the reader is named like the writer");
        c.sendText("after");
        c.sendText("and more");
        assertEquals("after", events.awaitText());
        assertEquals("and more", events.awaitText());
        c.close(1000, null);
        events.awaitCloseFrame(1000, "");
        events.awaitClosed(true, 1000, "");
    }

    /** A JSON thread dump: virtual threads included, unlike Thread.getAllStackTraces(). */
    private static String threadDump() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wsjs-threads");
        java.nio.file.Path file = dir.resolve("dump.json");
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            return java.nio.file.Files.readString(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Test
    void largeMessagesBothWaysWithAndWithoutDeflate() throws Exception {
        Random random = new Random(3);
        byte[] noise = new byte[1 << 20];
        random.nextBytes(noise);
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(1 << 20 / 45) + "é";
        for (boolean deflate : new boolean[] {true, false}) {
            WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults().withOfferPermessageDeflate(deflate));
            try (c) {
                RecordingListener events = new RecordingListener();
                WebSocketConnection conn = c.connect(HandshakeRequest.of(server.uri("/echo")), events);
                events.autoDeliver = conn;
                RecordingListener.Open open = events.awaitOpen();
                assertEquals(deflate ? "permessage-deflate" : "", open.extensions());
                conn.sendBinary(ByteBuffer.wrap(noise.clone()));
                conn.sendText(text);
                assertEquals(ByteBuffer.wrap(noise), events.awaitBinary());
                assertEquals(text, events.awaitText());
            }
        }
    }

    @Test
    void serverWithNoContextTakeoverInteroperates() throws Exception {
        try (LocalWebSocketServer s = LocalWebSocketServer.builder().serverNoContextTakeover(true).start()) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection c = client.connect(HandshakeRequest.of(s.uri("/echo")), events);
            events.autoDeliver = c;
            assertEquals("permessage-deflate; server_no_context_takeover", events.awaitOpen().extensions());
            String text = "repeat after me ".repeat(100);
            for (int i = 0; i < 3; i++) {
                c.sendText(text);
                assertEquals(text, events.awaitText());
            }
        }
    }

    @Test
    void handshakeRequestCarriesEveryHeader() throws Exception {
        RecordingListener events = new RecordingListener();
        URI url = URI.create("ws://al%20ice:s%3Acret@127.0.0.1:" + server.port() + "/headers?x=1");
        client.connect(new HandshakeRequest(url, List.of("chat.v2", "chat.v1"), "http://example.test", "wsjs-test/1",
                Map.of("X-Extra", "yes")), events);
        RecordingListener.Open open = events.awaitOpen();
        assertEquals("chat.v2", open.protocol());
        UpgradeRequest r = seenRequests.poll(10, TimeUnit.SECONDS);
        assertNotNull(r);
        assertEquals("GET", r.method());
        assertEquals("/headers?x=1", r.target());
        assertEquals("websocket", r.header("Upgrade"));
        assertEquals("Upgrade", r.header("Connection"));
        assertEquals("13", r.header("Sec-WebSocket-Version"));
        assertEquals(16, Base64.getDecoder().decode(r.header("Sec-WebSocket-Key")).length);
        assertEquals("chat.v2, chat.v1", r.header("Sec-WebSocket-Protocol"));
        assertEquals("permessage-deflate; client_max_window_bits", r.header("Sec-WebSocket-Extensions"));
        assertEquals("http://example.test", r.header("Origin"));
        assertEquals("wsjs-test/1", r.header("User-Agent"));
        assertEquals("yes", r.header("X-Extra"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("al ice:s:cret".getBytes()), r.header("Authorization"));
        assertEquals("no-cache", r.header("Cache-Control"));
        assertEquals("no-cache", r.header("Pragma"));
        assertEquals("127.0.0.1:" + server.port(), r.header("Host"));

        // A fresh key per connection, no Origin header when there is none, no protocol header without protocols.
        RecordingListener events2 = new RecordingListener();
        client.connect(HandshakeRequest.of(server.uri("/headers")), events2);
        events2.awaitOpen();
        UpgradeRequest r2 = seenRequests.poll(10, TimeUnit.SECONDS);
        assertNotEquals(r.header("Sec-WebSocket-Key"), r2.header("Sec-WebSocket-Key"));
        assertNull(r2.header("Origin"));
        assertNull(r2.header("Sec-WebSocket-Protocol"));
        assertNull(r2.header("Authorization"));
    }

    @Test
    void closeCodesAndReasonsBothWays() throws Exception {
        // Client-initiated, with a code: the server sees it, echoes it, both sides are clean.
        RecordingListener events = new RecordingListener();
        openSession(client, "close-1", events, true);
        lastConnection.close(4000, "client says bye");
        events.awaitCloseFrame(4000, "client says bye");
        events.awaitClosed(true, 4000, "client says bye");
        assertEquals("4000:client says bye:true", serverCloses("close-1").poll(10, TimeUnit.SECONDS));

        // Client-initiated without a code: an empty close frame, 1005 on both sides.
        RecordingListener events2 = new RecordingListener();
        openSession(client, "close-2", events2, true);
        lastConnection.close(-1, null);
        events2.awaitCloseFrame(1005, "");
        events2.awaitClosed(true, 1005, "");
        assertEquals("1005::true", serverCloses("close-2").poll(10, TimeUnit.SECONDS));

        // Server-initiated: the client answers and reports the server's code.
        RecordingListener events3 = new RecordingListener();
        Session s = openSession(client, "close-3", events3, true);
        s.sendText("before close");
        s.close(1001, "going away");
        assertEquals("before close", events3.awaitText());
        events3.awaitCloseFrame(1001, "going away");
        events3.awaitClosed(true, 1001, "going away");
        assertEquals("1001:going away:true", serverCloses("close-3").poll(10, TimeUnit.SECONDS));
    }

    @Test
    void serverAbortIsConnectionLost() throws Exception {
        RecordingListener events = new RecordingListener();
        openSession(client, "abort", events, true).abort();
        events.awaitFailure(FailureCause.CONNECTION_LOST);
        assertEquals("1006::false", serverCloses("abort").poll(10, TimeUnit.SECONDS));
    }

    @Test
    void readerPausesAboveTheHighWaterMarkUntilDelivered() throws Exception {
        WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults().withReceiveHighWaterMark(1000));
        try (c) {
            RecordingListener events = new RecordingListener();
            Session s = openSession(c, "pause", events, false);
            WebSocketConnection conn = lastConnection;
            String chunk = "x".repeat(400);
            for (int i = 0; i < 20; i++) {
                s.sendText(chunk);
            }
            // 400 + 400 + 400 > 1000: the reader stops after the third message.
            for (int i = 0; i < 3; i++) {
                assertEquals(chunk, events.awaitText());
            }
            events.assertQuiet(Duration.ofMillis(300));
            conn.delivered(3 * 400);
            int received = 3;
            while (received < 20) {
                assertEquals(chunk, events.awaitText());
                conn.delivered(400);
                received++;
            }
            conn.close(1000, "");
            events.awaitCloseFrame(1000, "");
            events.awaitClosed(true, 1000, "");
        }
    }

    @Test
    void bufferFullFailsTheConnection() throws Exception {
        WebSocketClient c = new WebSocketClient(WebSocketSettings.defaults().withMaxOutgoingBufferedBytes(1000));
        try (c) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection conn = c.connect(HandshakeRequest.of(server.uri("/echo")), events);
            events.autoDeliver = conn;
            events.awaitOpen();
            conn.sendBinary(ByteBuffer.allocate(1001));
            events.awaitFailure(FailureCause.BUFFER_FULL);
        }
    }

    @Test
    void failWhileOpenAndClientCloseAbort() throws Exception {
        RecordingListener events = new RecordingListener();
        WebSocketConnection c = open("/echo", events);
        c.fail();
        events.awaitFailure(FailureCause.ABORTED);

        WebSocketClient other = new WebSocketClient(WebSocketSettings.defaults());
        RecordingListener events2 = new RecordingListener();
        other.connect(HandshakeRequest.of(server.uri("/echo")), events2);
        events2.awaitOpen();
        other.close();
        events2.awaitFailure(FailureCause.ABORTED);
        assertThrows(IllegalStateException.class, () -> other.connect(HandshakeRequest.of(server.uri("/echo")), new RecordingListener()));
    }

    @Test
    void rejectedAndUnknownRoutesAreBadHandshakes() throws Exception {
        RecordingListener events = new RecordingListener();
        client.connect(HandshakeRequest.of(server.uri("/forbidden")), events);
        assertTrue(events.awaitFailure(FailureCause.BAD_HANDSHAKE).detail().contains("403"));
        RecordingListener events2 = new RecordingListener();
        client.connect(HandshakeRequest.of(server.uri("/nowhere")), events2);
        assertTrue(events2.awaitFailure(FailureCause.BAD_HANDSHAKE).detail().contains("404"));
    }

    @Test
    void subprotocolRequestedButNotChosenIsABadHandshake() throws Exception {
        RecordingListener events = new RecordingListener();
        client.connect(new HandshakeRequest(server.uri("/session?protocol"), List.of("v1"), null, null, Map.of()), events);
        events.awaitFailure(FailureCause.BAD_HANDSHAKE);
    }
}
