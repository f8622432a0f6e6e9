package dev.wsjs;

import static org.junit.jupiter.api.Assertions.*;

import dev.wsjs.server.EchoHandler;
import dev.wsjs.server.Handler;
import dev.wsjs.server.HandshakeDecision;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.UpgradeRequest;
import dev.wsjs.testing.TestRuntime;
import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.TrafficStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lifecycle of real connections to a local server, as WebSocketDiagnostics hears it. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WebSocketDiagnosticsTest {

    private static LocalWebSocketServer server;
    private static LocalWebSocketServer plainServer;

    @BeforeAll
    static void start() throws Exception {
        Handler refuse = new Handler() {
            @Override
            public HandshakeDecision onHandshake(UpgradeRequest request) {
                return HandshakeDecision.reject(403, "not you");
            }
        };
        server = LocalWebSocketServer.builder().route("/echo", new EchoHandler()).route("/refuse", refuse).start();
        plainServer = LocalWebSocketServer.builder().route("/echo", new EchoHandler()).permessageDeflate(false).start();
    }

    @AfterAll
    static void stop() {
        server.close();
        plainServer.close();
    }

    /** Records every event as one string, and the traffic of each close. */
    private static final class Recorder implements WebSocketDiagnostics {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<TrafficStats> traffic = new CopyOnWriteArrayList<>();
        volatile Map<String, List<String>> headers;

        @Override
        public void onHandshakeResponse(String url, int status, Map<String, List<String>> headers) {
            this.headers = headers;
            events.add("handshake " + status);
        }

        @Override
        public void onOpen(String url, String protocol, String extensions) {
            events.add("open " + protocol + " " + extensions);
        }

        @Override
        public void onFailure(String url, FailureCause cause, String detail) {
            events.add("failure " + cause);
        }

        @Override
        public void onClosed(String url, boolean wasClean, int code, String reason, TrafficStats stats) {
            traffic.add(stats);
            events.add("closed " + code + " " + wasClean + " " + reason);
        }
    }

    /** Opens url with subprotocol "p", sends "abc" and 1000 bytes, waits for both echoes, closes with 1000 "bye". */
    private static final String ROUND_TRIP = """
            globalThis.done = false;
            const ws = new WebSocket(URL, ["p"]);
            let echoes = 0;
            ws.onopen = () => { ws.send("abc"); ws.send(new Uint8Array(1000)); };
            ws.onmessage = () => { if (++echoes === 2) ws.close(1000, "bye"); };
            ws.onclose = () => { done = true; };
            """;

    private static Recorder roundTrip(String url) {
        Recorder recorder = new Recorder();
        try (TestRuntime t = new TestRuntime(WsjsRuntime.builder().location("http://127.0.0.1/").webSocketDiagnostics(recorder))) {
            t.eval(ROUND_TRIP.replace("URL", "'" + url + "'"));
            t.runUntil("done", 20);
        }
        return recorder;
    }

    @Test
    void handshakeOpenAndCloseWithExactTraffic() {
        Recorder r = roundTrip("ws://127.0.0.1:" + plainServer.port() + "/echo");
        assertEquals(List.of("handshake 101", "open p ", "closed 1000 true bye"), r.events);
        assertEquals(List.of("websocket"), r.headers.get("upgrade"));
        assertEquals(List.of("p"), r.headers.get("sec-websocket-protocol"));
        assertEquals(1, r.headers.get("sec-websocket-accept").size());
        // Client frames are masked (4 bytes each): text 2+4+3, binary 2+2+4+1000, close 2+4+2+3.
        // Server frames are not: text 2+3, binary 2+2+1000, close 2+2+3.
        assertEquals(new TrafficStats(2, 1003, 9 + 1008 + 11, 2, 1003, 5 + 1004 + 7), r.traffic.get(0));
    }

    @Test
    void compressedMessagesCountFewerWireBytesThanPayload() {
        Recorder recorder = new Recorder();
        try (TestRuntime t = new TestRuntime(WsjsRuntime.builder().location("http://127.0.0.1/").webSocketDiagnostics(recorder))) {
            t.eval("globalThis.done = false;"
                    + "const ws = new WebSocket('ws://127.0.0.1:" + server.port() + "/echo');"
                    + "ws.onopen = () => ws.send('a'.repeat(65536));"
                    + "ws.onmessage = () => ws.close();"
                    + "ws.onclose = () => { done = true; };");
            t.runUntil("done", 20);
        }
        assertEquals(List.of("handshake 101", "open  permessage-deflate", "closed 1005 true "), recorder.events);
        TrafficStats s = recorder.traffic.get(0);
        assertEquals(1, s.messagesSent());
        assertEquals(65536, s.payloadBytesSent());
        assertEquals(65536, s.payloadBytesReceived());
        assertTrue(s.wireBytesSent() < 2000, "deflated on the way out: " + s);
        assertTrue(s.wireBytesReceived() < 2000, "deflated on the way in: " + s);
    }

    @Test
    void aRefusedHandshakeReportsItsStatusThenTheCause() {
        Recorder recorder = new Recorder();
        try (TestRuntime t = new TestRuntime(WsjsRuntime.builder().location("http://127.0.0.1/").webSocketDiagnostics(recorder))) {
            t.eval("globalThis.done = false;"
                    + "const ws = new WebSocket('ws://127.0.0.1:" + server.port() + "/refuse');"
                    + "ws.onclose = () => { done = true; };");
            t.runUntil("done", 20);
        }
        assertEquals(List.of("handshake 403", "failure BAD_HANDSHAKE", "closed 1006 false "), recorder.events);
        assertEquals(List.of(TrafficStats.NONE), recorder.traffic);
        assertTrue(recorder.headers.containsKey("content-length"), recorder.headers.toString());
    }

    @Test
    void aListenerWrittenBeforeTrafficStatsStillHearsTheClose() {
        List<String> closes = new CopyOnWriteArrayList<>();
        WebSocketDiagnostics old = new WebSocketDiagnostics() {
            @Override
            public void onClosed(String url, boolean wasClean, int code, String reason) {
                closes.add(code + " " + wasClean + " " + reason);
            }
        };
        try (TestRuntime t = new TestRuntime(WsjsRuntime.builder().location("http://127.0.0.1/").webSocketDiagnostics(old))) {
            t.eval(ROUND_TRIP.replace("URL", "'ws://127.0.0.1:" + server.port() + "/echo'"));
            t.runUntil("done", 20);
        }
        assertEquals(List.of("1000 true bye"), closes);
    }

    @Test
    void verboseOutputPrintsTheHandshakeAnswerAndTheTraffic() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String url = "ws://127.0.0.1:" + plainServer.port() + "/echo";
        try (TestRuntime t = new TestRuntime(WsjsRuntime.builder().location("http://127.0.0.1/")
                .webSocketDiagnostics(WebSocketDiagnostics.printingTo(out)))) {
            t.eval(ROUND_TRIP.replace("URL", "'" + url + "'"));
            t.runUntil("done", 20);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("wsjs: WebSocket " + url + " handshake answered 101 ("), lines.get(0));
        assertTrue(lines.get(0).contains("upgrade: websocket"), lines.get(0));
        assertTrue(lines.get(0).contains("sec-websocket-protocol: p"), lines.get(0));
        assertEquals("wsjs: WebSocket " + url + " open (protocol 'p', extensions '')", lines.get(1));
        assertEquals("wsjs: WebSocket " + url + " closed (code 1000, clean true, reason 'bye'; sent 2 messages, 1003 B payload, "
                + "1028 B on the wire; received 2 messages, 1003 B payload, 1016 B on the wire)", lines.get(2));
    }

    @Test
    void theDefaultDiagnosticsAreSystemLoggerRecordsAtDebug() {
        // The JDK's System.Logger backend is java.util.logging: DEBUG is FINE.
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("dev.wsjs.websocket");
        List<String> records = new CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            private final java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();

            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record.getLevel() + " " + formatter.formatMessage(record));
            }

            @Override public void flush() {}
            @Override public void close() {}
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.FINE);
        jul.addHandler(capture);
        String url = "ws://127.0.0.1:" + plainServer.port() + "/echo";
        try (TestRuntime t = new TestRuntime(WsjsRuntime.builder().location("http://127.0.0.1/"))) {
            t.eval(ROUND_TRIP.replace("URL", "'" + url + "'"));
            t.runUntil("done", 20);
        } finally {
            jul.removeHandler(capture);
            jul.setLevel(before);
        }
        assertEquals(3, records.size(), records.toString());
        assertTrue(records.get(0).startsWith("FINE WebSocket " + url + " handshake answered 101 (")
                && records.get(0).contains("upgrade: websocket"), records.get(0));
        assertEquals("FINE WebSocket " + url + " open (protocol 'p', extensions '')", records.get(1));
        assertEquals("FINE WebSocket " + url + " closed (code 1000, clean true, reason 'bye'; sent 2 messages, 1003 B payload, "
                + "1028 B on the wire; received 2 messages, 1003 B payload, 1016 B on the wire)", records.get(2));
    }
}
