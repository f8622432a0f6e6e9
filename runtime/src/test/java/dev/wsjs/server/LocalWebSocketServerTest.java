package dev.wsjs.server;

import static dev.wsjs.websocket.RawFrames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.wsjs.websocket.ConnectionListener;
import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.HandshakeRequest;
import dev.wsjs.websocket.WebSocketClient;
import dev.wsjs.websocket.WebSocketConnection;
import dev.wsjs.websocket.WebSocketProtocol;
import dev.wsjs.websocket.WebSocketSettings;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded server, driven by raw sockets (for the HTTP and framing rules) and by the client. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalWebSocketServerTest {

    private static LocalWebSocketServer server;
    private static WebSocketClient client;
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @BeforeAll
    static void start() throws IOException {
        server = LocalWebSocketServer.builder()
                .route("/throws", new Handler() {
                    @Override
                    public void onText(Session session, String text) {
                        throw new IllegalStateException("handler bug");
                    }
                })
                .route("/cookie", new Handler() {
                    @Override
                    public HandshakeDecision onHandshake(UpgradeRequest request) {
                        return HandshakeDecision.accept().withHeader("Set-Cookie", "id=42");
                    }

                    @Override
                    public void onOpen(Session session, UpgradeRequest request) {
                        session.sendText("hello " + request.header("X-Name"));
                        session.close(4000, "that is all");
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

    /** A raw HTTP/1.1 exchange with the server. */
    private static final class Raw implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;
        int status;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        Raw(String requestHead) throws IOException {
            this(server.port(), requestHead);
        }

        Raw(int port, String requestHead) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            status = Integer.parseInt(statusLine.split(" ")[1]);
            for (String l = line(); !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                headers.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
            }
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c == -1) throw new IOException("EOF in head");
                if (c != '\r') b.write(c);
            }
            return b.toString(StandardCharsets.ISO_8859_1);
        }

        /** Reads a server frame: {opcode, payload}. Server frames must not be masked. */
        byte[] readFrame(int expectedOpcode) throws IOException {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            assertEquals(0, b1 & 0x80, "server frames are not masked");
            assertEquals(expectedOpcode, b0 & 0x0F);
            int len = b1 & 0x7F;
            if (len == 126) len = in.readUnsignedShort();
            byte[] p = new byte[len];
            in.readFully(p);
            return p;
        }

        boolean closedByServer() throws IOException {
            try {
                return in.read() == -1;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String upgradeHead(String path, String... extra) {
        StringBuilder sb = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n");
        for (String e : extra) sb.append(e).append("\r\n");
        return sb.append("\r\n").toString();
    }

    @Test
    void validUpgradeGets101WithTheAcceptKey() throws IOException {
        try (Raw r = new Raw(upgradeHead("/echo", "Sec-WebSocket-Protocol: b, a"))) {
            assertEquals(101, r.status);
            assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", r.headers.get("Sec-WebSocket-Accept")); // RFC 6455 section 1.3
            assertEquals("websocket", r.headers.get("Upgrade"));
            assertEquals("b", r.headers.get("Sec-WebSocket-Protocol"), "echo picks the first offered subprotocol");
            assertNull(r.headers.get("Sec-WebSocket-Extensions"), "nothing offered, nothing accepted");
            r.out.write(frame(true, 0, WebSocketProtocol.OPCODE_TEXT, text("ping?"), 0x12345678));
            assertEquals("ping?", new String(r.readFrame(WebSocketProtocol.OPCODE_TEXT), StandardCharsets.UTF_8));
            r.out.write(frame(true, 0, WebSocketProtocol.OPCODE_CLOSE, closePayload(3001, "why"), 0x01020304));
            byte[] close = r.readFrame(WebSocketProtocol.OPCODE_CLOSE);
            assertArrayEquals(closePayload(3001, "why"), close, "echo answers with the same code and reason");
            assertTrue(r.closedByServer(), "the server closes TCP after the closing handshake");
        }
    }

    @Test
    void httpErrorsForWhatIsNotAWebSocketHandshake() throws IOException {
        try (Raw r = new Raw("GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n")) {
            assertEquals(404, r.status);
        }
        try (Raw r = new Raw("GET /echo HTTP/1.1\r\nHost: x\r\n\r\n")) {
            assertEquals(426, r.status);
            assertEquals("websocket", r.headers.get("Upgrade"));
        }
        try (Raw r = new Raw(upgradeHead("/echo").replace("Version: 13", "Version: 8"))) {
            assertEquals(426, r.status);
            assertEquals("13", r.headers.get("Sec-WebSocket-Version"));
        }
        try (Raw r = new Raw(upgradeHead("/echo").replace(KEY, "c2hvcnQ="))) {
            assertEquals(400, r.status);
        }
        try (Raw r = new Raw(upgradeHead("/echo").replace("GET", "POST"))) {
            assertEquals(400, r.status);
        }
    }

    @Test
    void unmaskedClientFrameIsAProtocolError() throws IOException {
        try (Raw r = new Raw(upgradeHead("/echo"))) {
            assertEquals(101, r.status);
            r.out.write(frame(true, 0, WebSocketProtocol.OPCODE_TEXT, text("no mask"), null));
            byte[] close = r.readFrame(WebSocketProtocol.OPCODE_CLOSE);
            assertEquals(1002, ((close[0] & 0xFF) << 8) | (close[1] & 0xFF));
            assertTrue(r.closedByServer());
        }
    }

    @Test
    void negotiatesPermessageDeflateOffers() throws IOException {
        try (Raw r = new Raw(upgradeHead("/echo", "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"))) {
            assertEquals("permessage-deflate", r.headers.get("Sec-WebSocket-Extensions"));
        }
        try (Raw r = new Raw(upgradeHead("/echo",
                "Sec-WebSocket-Extensions: permessage-deflate; bogus, permessage-deflate; server_max_window_bits=10; client_no_context_takeover"))) {
            assertEquals("permessage-deflate; client_no_context_takeover; server_max_window_bits=10",
                    r.headers.get("Sec-WebSocket-Extensions"), "the first acceptable offer wins");
            // A 10-bit server window cannot be produced by java.util.zip: the server sends uncompressed.
            String big = "y".repeat(3000);
            r.out.write(frame(true, 0, WebSocketProtocol.OPCODE_TEXT, text(big), 7));
            int b0 = r.in.readUnsignedByte();
            assertEquals(0x81, b0, "FIN, no RSV1, text");
        }
        LocalWebSocketServer plain = LocalWebSocketServer.builder().permessageDeflate(false).start();
        try (plain; Raw r = new Raw(plain.port(), upgradeHead("/echo", "Sec-WebSocket-Extensions: permessage-deflate"))) {
            assertEquals(101, r.status);
            assertNull(r.headers.get("Sec-WebSocket-Extensions"));
        }
    }

    @Test
    void handlerSeesHeadersAndMayAddResponseHeaders() throws Exception {
        try (Raw r = new Raw(upgradeHead("/cookie", "X-Name: Ada"))) {
            assertEquals(101, r.status);
            assertEquals("id=42", r.headers.get("Set-Cookie"));
            assertEquals("hello Ada", new String(r.readFrame(WebSocketProtocol.OPCODE_TEXT), StandardCharsets.UTF_8));
            byte[] close = r.readFrame(WebSocketProtocol.OPCODE_CLOSE);
            assertArrayEquals(closePayload(4000, "that is all"), close);
        }
    }

    @Test
    void handlerExceptionClosesWith1011() throws Exception {
        try (Raw r = new Raw(upgradeHead("/throws"))) {
            r.out.write(frame(true, 0, WebSocketProtocol.OPCODE_TEXT, text("boom"), 99));
            byte[] close = r.readFrame(WebSocketProtocol.OPCODE_CLOSE);
            assertEquals(1011, ((close[0] & 0xFF) << 8) | (close[1] & 0xFF));
        }
    }

    @Test
    void broadcastReachesEveryClientOfTheRoute() throws Exception {
        List<BlockingQueue<String>> inboxes = new ArrayList<>();
        List<WebSocketConnection> connections = new ArrayList<>();
        BlockingQueue<String> opened = new LinkedBlockingQueue<>();
        for (int i = 0; i < 3; i++) {
            BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
            inboxes.add(inbox);
            connections.add(client.connect(HandshakeRequest.of(server.uri("/broadcast")), new Inbox(inbox, opened)));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals("open", opened.poll(10, TimeUnit.SECONDS));
        }
        connections.get(1).sendText("to everyone");
        for (BlockingQueue<String> inbox : inboxes) {
            assertEquals("to everyone", inbox.poll(10, TimeUnit.SECONDS));
        }
        connections.get(2).sendBinary(ByteBuffer.wrap(new byte[] {9, 8}));
        for (BlockingQueue<String> inbox : inboxes) {
            assertEquals("binary:2", inbox.poll(10, TimeUnit.SECONDS));
        }
        connections.forEach(c -> c.close(1000, null));
    }

    @Test
    void closingTheServerDropsItsSessions() throws Exception {
        LocalWebSocketServer s = LocalWebSocketServer.start();
        BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        BlockingQueue<String> opened = new LinkedBlockingQueue<>();
        client.connect(HandshakeRequest.of(s.uri("/echo")), new Inbox(inbox, opened));
        assertEquals("open", opened.poll(10, TimeUnit.SECONDS));
        assertEquals(1, s.openSessions());
        s.close();
        assertEquals("failure:CONNECTION_LOST", inbox.poll(10, TimeUnit.SECONDS));
        assertEquals("closed:false:1006", inbox.poll(10, TimeUnit.SECONDS));
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", s.port()).close());
    }

    /** A listener that turns events into strings. */
    private record Inbox(BlockingQueue<String> inbox, BlockingQueue<String> opened) implements ConnectionListener {
        @Override public void onOpen(String protocol, String extensions) { opened.add("open"); }
        @Override public void onText(String text) { inbox.add(text); }
        @Override public void onBinary(ByteBuffer data) { inbox.add("binary:" + data.remaining()); }
        @Override public void onCloseFrame(int code, String reason) {}
        @Override public void onFailure(FailureCause cause, String detail) { inbox.add("failure:" + cause); }
        @Override public void onClosed(boolean wasClean, int code, String reason) { inbox.add("closed:" + wasClean + ":" + code); }
        @Override public void onBytesSent(long payloadBytes) {}
    }

    @Test
    void keyIsBase64OfSixteenBytes() {
        assertEquals(16, Base64.getDecoder().decode(KEY).length);
    }
}
