package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The opening handshake's failure modes, each with its failure cause, against real sockets. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandshakeTest {

    private static WebSocketClient client;

    @BeforeAll
    static void start() {
        // DNS is configured, not mocked: one name never resolves, so no query leaves the machine.
        OkHttpClient base = new OkHttpClient.Builder().dns(host -> {
            if (host.endsWith(".invalid")) throw new UnknownHostException(host);
            return Dns.SYSTEM.lookup(host);
        }).build();
        client = new WebSocketClient(base, WebSocketSettings.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    /** Each case: a 101-ish answer built from the correct accept value, the subprotocols offered. */
    static Stream<Arguments> badAnswers() {
        Function<String, String> ok = accept -> "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n";
        return Stream.of(
                Arguments.of("200 instead of 101", (Function<String, String>) a -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n", List.of()),
                Arguments.of("redirect", (Function<String, String>) a -> "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n", List.of()),
                Arguments.of("wrong accept", (Function<String, String>) a -> ok.apply("dGhlIHNhbXBsZSBub25jZQ=="), List.of()),
                Arguments.of("no accept", (Function<String, String>) a -> "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n", List.of()),
                Arguments.of("no Upgrade", (Function<String, String>) a -> "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + a + "\r\n", List.of()),
                Arguments.of("Upgrade: h2c", (Function<String, String>) a -> "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + a + "\r\n", List.of()),
                Arguments.of("Connection: keep-alive", (Function<String, String>) a -> "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: keep-alive\r\nSec-WebSocket-Accept: " + a + "\r\n", List.of()),
                Arguments.of("extension not offered", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Extensions: x-webkit-deflate-frame\r\n", List.of()),
                Arguments.of("deflate with unknown parameter", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Extensions: permessage-deflate; foo\r\n", List.of()),
                Arguments.of("deflate window 16", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=16\r\n", List.of()),
                Arguments.of("deflate window without value", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits\r\n", List.of()),
                Arguments.of("deflate twice", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Extensions: permessage-deflate, permessage-deflate\r\n", List.of()),
                Arguments.of("deflate parameter repeated", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; server_no_context_takeover\r\n", List.of()),
                Arguments.of("subprotocol not offered", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Protocol: evil\r\n", List.of("good")),
                Arguments.of("subprotocol without any offered", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Protocol: good\r\n", List.of()),
                Arguments.of("no subprotocol when one was requested", ok, List.of("good")),
                Arguments.of("two subprotocols", (Function<String, String>) a -> ok.apply(a) + "Sec-WebSocket-Protocol: good, better\r\n", List.of("good", "better")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAnswers")
    void invalidAnswerIsABadHandshake(String name, Function<String, String> answer, List<String> protocols) throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            client.connect(new HandshakeRequest(peer.uri("/"), protocols, null, null, Map.of()), events);
            try (RawPeer.Conn conn = peer.accept().readRequest()) {
                conn.writeAscii(answer.apply(conn.acceptValue()) + "\r\n");
                events.awaitFailure(FailureCause.BAD_HANDSHAKE);
            }
        }
    }

    @Test
    void upgradeAndConnectionAreCaseInsensitiveAndConnectionIsATokenList() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            client.connect(new HandshakeRequest(peer.uri("/"), List.of("a", "b"), null, null, Map.of()), events);
            try (RawPeer.Conn conn = peer.accept().readRequest()) {
                conn.writeAscii("HTTP/1.1 101 Switching Protocols\r\nUPGRADE: WebSocket\r\nconnection: UPGRADE\r\n"
                        + "Sec-WebSocket-Accept: " + conn.acceptValue() + "\r\nSec-WebSocket-Protocol: b\r\n"
                        + "Sec-WebSocket-Extensions: permessage-deflate; Server_No_Context_Takeover; client_max_window_bits=\"12\"\r\n\r\n");
                RecordingListener.Open open = events.awaitOpen();
                assertEquals("b", open.protocol());
                assertEquals("permessage-deflate; Server_No_Context_Takeover; client_max_window_bits=\"12\"", open.extensions());
            }
        }
    }

    @Test
    void badPortFailsBeforeConnecting() throws Exception {
        for (int port : new int[] {1, 25, 6667, 10080}) {
            RecordingListener events = new RecordingListener();
            client.connect(HandshakeRequest.of(URI.create("ws://127.0.0.1:" + port + "/")), events);
            assertTrue(events.awaitFailure(FailureCause.BAD_PORT).detail().contains("port " + port));
        }
        assertFalse(BadPorts.isBad(80));
        assertFalse(BadPorts.isBad(443));
        assertFalse(BadPorts.isBad(8080));
    }

    @Test
    void refusedConnectionIsConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RecordingListener events = new RecordingListener();
        client.connect(HandshakeRequest.of(URI.create("ws://127.0.0.1:" + port + "/")), events);
        events.awaitFailure(FailureCause.CONNECT);
    }

    @Test
    void unresolvableHostIsDns() throws Exception {
        RecordingListener events = new RecordingListener();
        client.connect(HandshakeRequest.of(URI.create("ws://nowhere.invalid/")), events);
        events.awaitFailure(FailureCause.DNS);
    }

    @Test
    void wssToAPlainServerIsTls() throws Exception {
        // Its own client: the first TLS handshake of a JVM initialises the TLS stack, which can take a while.
        WebSocketClient tlsClient = new WebSocketClient(WebSocketSettings.defaults());
        try (tlsClient; RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            tlsClient.connect(HandshakeRequest.of(URI.create("wss://127.0.0.1:" + peer.port() + "/")), events);
            try (RawPeer.Conn conn = peer.accept()) {
                conn.writeAscii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"); // not a TLS record
                events.awaitFailure(FailureCause.TLS);
            }
        }
    }

    @Test
    void silentServerIsAHandshakeTimeout() throws Exception {
        WebSocketClient impatient = new WebSocketClient(WebSocketSettings.defaults().withHandshakeTimeout(Duration.ofMillis(500)));
        try (impatient; RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            long start = System.nanoTime();
            impatient.connect(HandshakeRequest.of(peer.uri("/")), events);
            // The peer never accepts: the kernel completes TCP from the backlog, nobody answers.
            events.awaitFailure(FailureCause.HANDSHAKE_TIMEOUT);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(millis >= 450 && millis < 5000, "took " + millis + " ms");
        }
    }

    @Test
    void failOrCloseWhileConnectingIsAborted() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection c = client.connect(HandshakeRequest.of(peer.uri("/")), events);
            try (RawPeer.Conn conn = peer.accept().readRequest()) {
                c.close(1000, "never mind"); // close() while CONNECTING fails the connection
                events.awaitFailure(FailureCause.ABORTED);
                events.assertQuiet(Duration.ofMillis(100));
            }
        }
    }

    @Test
    void serverClosingWithoutAnswerIsABadHandshake() throws Exception {
        try (RawPeer peer = new RawPeer()) {
            RecordingListener events = new RecordingListener();
            client.connect(HandshakeRequest.of(peer.uri("/")), events);
            peer.accept().readRequest().close();
            events.awaitFailure(FailureCause.BAD_HANDSHAKE);
        }
    }

    @Test
    void invalidExtraHeaderIsRejectedUpFront() {
        RecordingListener events = new RecordingListener();
        assertThrows(IllegalArgumentException.class, () -> client.connect(new HandshakeRequest(
                URI.create("ws://127.0.0.1:65535/"), List.of(), null, null, Map.of("Bad Name", "x")), events));
        assertTrue(events.events.isEmpty());
    }

    @Test
    void invalidUrlsAreRejectedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> HandshakeRequest.of(URI.create("http://127.0.0.1/")));
        assertThrows(IllegalArgumentException.class, () -> HandshakeRequest.of(URI.create("ws://127.0.0.1/#frag")));
        assertEquals(80, HandshakeRequest.of(URI.create("ws://example.test/")).effectivePort());
        assertEquals(443, HandshakeRequest.of(URI.create("wss://example.test/")).effectivePort());
    }
}
