package dev.wsjs.jstests;

import dev.wsjs.server.EchoHandler;
import dev.wsjs.server.Handler;
import dev.wsjs.server.HandshakeDecision;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.Session;
import dev.wsjs.server.UpgradeRequest;
import dev.wsjs.websocket.WebSocketSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The WebSocket peer of the websockets/ test files ({@code SERVERS.ws}, e.g. {@code ws://127.0.0.1:PORT}),
 * built on the project's own {@link LocalWebSocketServer}. Routes (query parameters in brackets):
 * <ul>
 * <li>{@code /echo} — echoes text and binary, picks the first offered subprotocol, echoes the close</li>
 * <li>{@code /headers} — sends the handshake request's headers as one JSON text message (lower-case names);
 *     picks the first offered subprotocol</li>
 * <li>{@code /close[?code&reason]} — closes right after opening, with that code and reason</li>
 * <li>{@code /close-empty} — closes right after opening with a close frame without a body</li>
 * <li>{@code /abort} — drops the TCP connection right after opening, without a closing handshake</li>
 * <li>{@code /send[?count&size]} — sends {@code count} binary messages of {@code size} bytes on open</li>
 * <li>{@code /no-protocol} — accepts without selecting any subprotocol</li>
 * <li>{@code /protocol[?choose]} — selects {@code choose}; the server library answers 500 instead of
 *     selecting one the client did not offer ({@link RawHandshakeTestServer} sends such answers)</li>
 * <li>{@code /reject[?status]} — answers the handshake with that HTTP status</li>
 * <li>{@code /set-cookie} — accepts with {@code Set-Cookie: wsjs_test=cookie-value; Path=/}</li>
 * <li>{@code /slow[?ms]} — answers the handshake after a delay</li>
 * <li>{@code /stall[?ms]} — stops reading for {@code ms} (default 1500) once the first message arrived, so
 *     the client's outgoing data backs up; answers the text "total" with the payload bytes received</li>
 * <li>{@code /flood[?count&size]} — queues {@code count} binary messages of {@code size} bytes at once, each
 *     starting with its index (4 bytes, big-endian), faster than a script consumes them; answers the text
 *     "queued" with its payload bytes not yet written to the socket</li>
 * </ul>
 * Its outgoing queue holds up to 256 MiB, so a flood is limited by the client, not by the queue.
 */
final class WebSocketTestServer implements TestServer {

    private final LocalWebSocketServer server;

    private WebSocketTestServer(LocalWebSocketServer server) {
        this.server = server;
    }

    static WebSocketTestServer start() {
        return start(true);
    }

    /**
     * The same routes without permessage-deflate ({@code SERVERS["ws-plain"]}): what is sent is what
     * travels, so flow control is about the bytes a test sends, not about how well they compress.
     */
    static WebSocketTestServer startWithoutDeflate() {
        return start(false);
    }

    private static WebSocketTestServer start(boolean deflate) {
        try {
            return new WebSocketTestServer(LocalWebSocketServer.builder()
                    .permessageDeflate(deflate)
                    .route("/echo", new EchoHandler())
                    .route("/headers", new HeadersHandler())
                    .route("/close", new Handler() {
                        @Override
                        public void onOpen(Session s, UpgradeRequest r) {
                            Map<String, String> q = query(r);
                            s.close(Integer.parseInt(q.getOrDefault("code", "1000")), q.getOrDefault("reason", ""));
                        }
                    })
                    .route("/close-empty", new Handler() {
                        @Override
                        public void onOpen(Session s, UpgradeRequest r) {
                            s.close(-1, null);
                        }
                    })
                    .route("/abort", new Handler() {
                        @Override
                        public void onOpen(Session s, UpgradeRequest r) {
                            s.abort();
                        }
                    })
                    .route("/send", new Handler() {
                        @Override
                        public void onOpen(Session s, UpgradeRequest r) {
                            Map<String, String> q = query(r);
                            int count = Integer.parseInt(q.getOrDefault("count", "1"));
                            int size = Integer.parseInt(q.getOrDefault("size", "1"));
                            for (int i = 0; i < count; i++) {
                                byte[] payload = new byte[size];
                                java.util.Arrays.fill(payload, (byte) i);
                                s.sendBinary(ByteBuffer.wrap(payload));
                            }
                        }
                    })
                    .route("/no-protocol", new Handler() {})
                    .route("/protocol", new Handler() {
                        @Override
                        public HandshakeDecision onHandshake(UpgradeRequest r) {
                            return HandshakeDecision.accept(query(r).getOrDefault("choose", "chosen"));
                        }
                    })
                    .route("/reject", new Handler() {
                        @Override
                        public HandshakeDecision onHandshake(UpgradeRequest r) {
                            return HandshakeDecision.reject(Integer.parseInt(query(r).getOrDefault("status", "403")), "rejected");
                        }
                    })
                    .route("/set-cookie", new Handler() {
                        @Override
                        public HandshakeDecision onHandshake(UpgradeRequest r) {
                            return HandshakeDecision.accept().withHeader("Set-Cookie", "wsjs_test=cookie-value; Path=/");
                        }
                    })
                    .route("/slow", new Handler() {
                        @Override
                        public HandshakeDecision onHandshake(UpgradeRequest r) {
                            try {
                                Thread.sleep(Long.parseLong(query(r).getOrDefault("ms", "500")));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return HandshakeDecision.accept();
                        }
                    })
                    .route("/stall", new StallHandler())
                    .route("/flood", new Handler() {
                        @Override
                        public void onOpen(Session s, UpgradeRequest r) {
                            Map<String, String> q = query(r);
                            int count = Integer.parseInt(q.getOrDefault("count", "64"));
                            int size = Integer.parseInt(q.getOrDefault("size", "1048576"));
                            for (int i = 0; i < count; i++) {
                                ByteBuffer payload = ByteBuffer.allocate(Math.max(size, 4));
                                payload.putInt(0, i);
                                s.sendBinary(payload);
                            }
                        }

                        @Override
                        public void onText(Session s, String text) {
                            if (text.equals("queued")) s.sendText(Long.toString(s.queuedBytes()));
                        }
                    })
                    .settings(WebSocketSettings.defaults().withMaxOutgoingBufferedBytes(256L << 20))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the WebSocket test server", e);
        }
    }

    static Map<String, String> query(UpgradeRequest r) {
        Map<String, String> map = new LinkedHashMap<>();
        String q = r.query();
        if (q == null || q.isEmpty()) return map;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            map.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return map;
    }

    /** Reads nothing for a while after the first message (the handler runs on the session's reader). */
    private static final class StallHandler implements Handler {
        /** Payload bytes received per session; touched only by that session's reader thread. */
        private final Map<Long, long[]> received = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onText(Session s, String text) {
            long[] total = received.computeIfAbsent(s.id(), id -> new long[1]);
            if (text.equals("total")) {
                s.sendText(Long.toString(total[0]));
            } else {
                arrived(s, total, text.length());
            }
        }

        @Override
        public void onBinary(Session s, ByteBuffer data) {
            arrived(s, received.computeIfAbsent(s.id(), id -> new long[1]), data.remaining());
        }

        private void arrived(Session s, long[] total, long bytes) {
            boolean first = total[0] == 0;
            total[0] += bytes;
            if (first) {
                try {
                    Thread.sleep(Long.parseLong(query(s.request()).getOrDefault("ms", "1500")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void onClose(Session s, int code, String reason, boolean wasClean) {
            received.remove(s.id());
        }
    }

    /** Sends the request headers as JSON, names lower-cased, repeated headers joined with ", ". */
    private static final class HeadersHandler implements Handler {
        @Override
        public HandshakeDecision onHandshake(UpgradeRequest r) {
            return HandshakeDecision.accept(r.protocols().isEmpty() ? null : r.protocols().get(0));
        }

        @Override
        public void onOpen(Session s, UpgradeRequest r) {
            Map<String, String> headers = new TreeMap<>();
            for (String name : r.headerNames()) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", r.headers(name)));
            }
            StringBuilder json = new StringBuilder("{");
            headers.forEach((k, v) -> {
                if (json.length() > 1) json.append(',');
                json.append(quote(k)).append(':').append(quote(v));
            });
            s.sendText(json.append('}').toString());
        }
    }

    /** {@code s} as a JSON string literal (for the reports test servers send back to scripts). */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public String url() {
        return "ws://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
