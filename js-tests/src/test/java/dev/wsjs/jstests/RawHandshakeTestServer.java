package dev.wsjs.jstests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A peer that answers WebSocket handshakes the way no well-behaved server library would
 * ({@code SERVERS.raw}, e.g. {@code ws://127.0.0.1:PORT}): plain sockets, the answer written byte by
 * byte. Every route but {@code /ok} and {@code /seen} must make the client fail the connection.
 * <ul>
 * <li>{@code /ok} — a valid 101 (no subprotocol, no extension), a text frame "ok", then a close frame 1000</li>
 * <li>{@code /seen?PATH} — as {@code /ok}, but the text is "true" or "false": whether a request for
 *     the target {@code PATH} arrived before (what a redirect would have reached)</li>
 * <li>{@code /wrong-accept}, {@code /no-accept} — Sec-WebSocket-Accept of another key, or none</li>
 * <li>{@code /no-upgrade}, {@code /wrong-upgrade} — no Upgrade header, or {@code Upgrade: h2c}</li>
 * <li>{@code /no-connection} — no Connection header</li>
 * <li>{@code /extension} — selects {@code x-never-offered}, an extension the client did not offer</li>
 * <li>{@code /bad-deflate} — {@code permessage-deflate; server_max_window_bits=7} (RFC 7692 allows 8–15)</li>
 * <li>{@code /protocol?NAME} — a valid 101 that selects the subprotocol {@code NAME}, offered or not (no
 *     frames follow: a valid one is closed by the client)</li>
 * <li>{@code /two-protocols} — {@code Sec-WebSocket-Protocol} with two of the offered subprotocols</li>
 * <li>{@code /redirect[?target]} — 302 to {@code target} on this server (default {@code /ok})</li>
 * <li>{@code /status?code} — that HTTP status with a small body</li>
 * <li>{@code /garbage} — bytes that are not HTTP</li>
 * <li>{@code /hangup} — reads the request and closes the connection without a word</li>
 * <li>{@code /hang} — reads the request and never answers (until the client gives up)</li>
 * </ul>
 * A TLS ClientHello (a {@code wss:} URL to this server) gets a plain-text HTTP answer, so every
 * {@code wss:} connection to it fails in the TLS handshake.
 */
final class RawHandshakeTestServer extends RawSocketTestServer {

    /** The first byte of a TLS handshake record (a ClientHello), RFC 8446 section 5.1. */
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    /** A server's close frame with code 1000 and no reason. */
    private static final byte[] CLOSE_1000 = {(byte) 0x88, 2, 0x03, (byte) 0xE8};

    /** Request targets received, for {@code /seen}. */
    private final Set<String> targets = ConcurrentHashMap.newKeySet();

    private RawHandshakeTestServer() {
        super("raw handshake server");
    }

    static RawHandshakeTestServer start() {
        return new RawHandshakeTestServer().startAccepting("js-tests-raw");
    }

    @Override
    void serve(Socket socket) throws IOException {
        PushbackInputStream in = new PushbackInputStream(socket.getInputStream(), 1);
        OutputStream out = socket.getOutputStream();
        int first = in.read();
        if (first == TLS_HANDSHAKE_RECORD) {
            // A wss: client's ClientHello: a plain-text answer is not a TLS record, so TLS fails.
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return;
        }
        if (first == -1) return;
        in.unread(first);
        String head = readHead(in);
        if (head == null) return;
        String[] lines = head.split("\r\n");
        String target = lines[0].split(" ")[1];
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        String accept = acceptKey(headers.getOrDefault("sec-websocket-key", ""));
        String upgrade = "Upgrade: websocket\r\n";
        String connection = "Connection: Upgrade\r\n";
        String acceptHeader = "Sec-WebSocket-Accept: " + accept + "\r\n";
        String status101 = "HTTP/1.1 101 Switching Protocols\r\n";
        String answer = switch (path) {
            case "/ok", "/seen" -> status101 + upgrade + connection + acceptHeader + "\r\n";
            case "/wrong-accept" -> status101 + upgrade + connection + "Sec-WebSocket-Accept: " + acceptKey("another key") + "\r\n\r\n";
            case "/no-accept" -> status101 + upgrade + connection + "\r\n";
            case "/no-upgrade" -> status101 + connection + acceptHeader + "\r\n";
            case "/wrong-upgrade" -> status101 + "Upgrade: h2c\r\n" + connection + acceptHeader + "\r\n";
            case "/no-connection" -> status101 + upgrade + acceptHeader + "\r\n";
            case "/extension" -> status101 + upgrade + connection + acceptHeader + "Sec-WebSocket-Extensions: x-never-offered\r\n\r\n";
            case "/bad-deflate" -> status101 + upgrade + connection + acceptHeader
                    + "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=7\r\n\r\n";
            case "/protocol" -> status101 + upgrade + connection + acceptHeader
                    + "Sec-WebSocket-Protocol: " + query + "\r\n\r\n";
            case "/two-protocols" -> status101 + upgrade + connection + acceptHeader
                    + "Sec-WebSocket-Protocol: " + headers.getOrDefault("sec-websocket-protocol", "a, b") + "\r\n\r\n";
            case "/redirect" -> "HTTP/1.1 302 Found\r\nLocation: " + (query.isEmpty() ? "/ok" : query)
                    + "\r\nContent-Length: 0\r\n\r\n";
            case "/status" -> {
                String body = "status " + query;
                yield "HTTP/1.1 " + query + " Test\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body;
            }
            case "/garbage" -> "\u0000\u0001 this is not HTTP \u00ff\r\n\r\n";
            case "/hangup" -> "";
            case "/hang" -> null;
            default -> "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        };
        boolean seenBefore = targets.contains(query);
        targets.add(target);
        if (answer == null) {
            // Keep the connection open, unanswered, until the client (or close()) ends it.
            while (in.read() != -1) { /* discard */ }
            return;
        }
        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
        if (path.equals("/ok") || path.equals("/seen")) {
            out.write(textFrame(path.equals("/ok") ? "ok" : String.valueOf(seenBefore)));
            out.write(CLOSE_1000);
            out.flush();
            // The client's close frame (or the end of the connection) ends the closing handshake.
            in.read(new byte[256]);
        }
        out.flush();
    }

    /** An unmasked, final text frame of under 126 bytes (a server's frames are never masked). */
    private static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return frame;
    }
}
