package dev.wsjs.jstests;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.zip.Deflater;

/**
 * A WebSocket peer that writes hand-made frames after a valid handshake ({@code SERVERS.frames}), for
 * the frame layer of RFC 6455 and RFC 7692 as a script sees it. Each route is a scenario: the bytes
 * it writes after the 101 answer, then it reads the client's frames until the connection ends and
 * records them under the {@code tag} query parameter. {@code /report?tag=T} opens normally and sends
 * what the connection tagged {@code T} received, one JSON text message per frame (small, so that a
 * runtime with a low incoming limit can read them), then how it ended, then a close frame 1000:
 * <pre>{"opcode":9,"fin":true,"rsv1":false,"masked":true,"key":"1a2b3c4d","length":6,"text":"ping-1"}
 * {"opcode":8,…,"code":1002}
 * {"end":"closed"}</pre>
 * ({@code text}: the payload (a close frame's reason) as UTF-8 for uncompressed frames of up to 125
 * bytes; {@code code}: close frames only, 1005 when the payload is empty; {@code end}: "closed" when
 * the close frames were exchanged and this server closed TCP, "eof" when the client closed TCP first,
 * "timeout" or "reset" otherwise.) Pings are answered with pongs, and a close frame from the client
 * with one of the same code (unless this server sent one first) and the end of TCP — except on
 * {@code /never-close}.
 * <ul>
 * <li>{@code /record} — writes nothing: the client's frames as they came</li>
 * <li>{@code /never-close} — never answers a ping or a close frame, never closes TCP first</li>
 * <li>{@code /fragments} — "Hello, world" in three text fragments with pings between them, then the bytes
 *     1 2 3 in two binary fragments, then a close frame 1000 "done"</li>
 * <li>{@code /deflate-context} (negotiates permessage-deflate) — "compressible compressible …" twice,
 *     compressed with context takeover (the second refers back to the first), then a close 1000</li>
 * <li>{@code /deflate-record} — accepts permessage-deflate; writes nothing</li>
 * <li>{@code /deflate-small-window} — accepts permessage-deflate with {@code client_max_window_bits=8},
 *     a window {@code java.util.zip} cannot produce; writes nothing</li>
 * <li>{@code /deflate-bomb} (negotiates permessage-deflate) — a 4 MiB message of zeros, about 4 KiB on the wire</li>
 * <li>{@code /error/NAME} — one of {@link #ERRORS}: frames a client must fail the connection on</li>
 * </ul>
 */
final class RawFrameTestServer extends RawSocketTestServer {

    private static final int TEXT = 0x1, BINARY = 0x2, CONTINUATION = 0x0, CLOSE = 0x8, PING = 0x9, PONG = 0xA;
    private static final int RSV1 = 0x40;

    /** Frames that break RFC 6455 or RFC 7692 for a client that negotiated no extension (or deflate for the bomb). */
    static final Map<String, Supplier<byte[]>> ERRORS = Map.ofEntries(
            Map.entry("rsv1", () -> frame(true, RSV1, TEXT, utf8("a"))),
            Map.entry("rsv2", () -> frame(true, 0x20, TEXT, utf8("a"))),
            Map.entry("rsv3", () -> frame(true, 0x10, TEXT, utf8("a"))),
            Map.entry("opcode-3", () -> frame(true, 0, 0x3, utf8("a"))),
            Map.entry("opcode-11", () -> frame(true, 0, 0xB, utf8("a"))),
            Map.entry("fragmented-ping", () -> frame(false, 0, PING, utf8("a"))),
            Map.entry("long-ping", () -> frame(true, 0, PING, new byte[126])),
            Map.entry("long-close", () -> frame(true, 0, CLOSE, closePayload(1000, "x".repeat(124)))),
            Map.entry("masked", () -> maskedFrame(utf8("masked by the server"))),
            Map.entry("bare-continuation", () -> frame(true, 0, CONTINUATION, utf8("a"))),
            Map.entry("text-in-fragmented", () -> concat(frame(false, 0, TEXT, utf8("a")), frame(true, 0, TEXT, utf8("b")))),
            Map.entry("length-top-bit", () -> new byte[] {(byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}),
            Map.entry("close-1-byte", () -> frame(true, 0, CLOSE, new byte[] {3})),
            Map.entry("close-999", () -> frame(true, 0, CLOSE, closePayload(999, ""))),
            Map.entry("close-1005", () -> frame(true, 0, CLOSE, closePayload(1005, ""))),
            Map.entry("close-1006", () -> frame(true, 0, CLOSE, closePayload(1006, ""))),
            Map.entry("close-2999", () -> frame(true, 0, CLOSE, closePayload(2999, ""))),
            Map.entry("close-5000", () -> frame(true, 0, CLOSE, closePayload(5000, ""))),
            Map.entry("utf8-text", () -> frame(true, 0, TEXT, new byte[] {'o', 'k', (byte) 0xC3, 0x28})),
            Map.entry("utf8-fragments", () -> concat(frame(false, 0, TEXT, new byte[] {(byte) 0xF0, (byte) 0x9F}),
                    frame(true, 0, CONTINUATION, new byte[] {(byte) 0x98, 'x'}))),
            Map.entry("utf8-truncated", () -> frame(true, 0, TEXT, new byte[] {'a', (byte) 0xE2, (byte) 0x82})),
            Map.entry("utf8-surrogate", () -> frame(true, 0, TEXT, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})),
            Map.entry("utf8-close-reason", () -> frame(true, 0, CLOSE,
                    concat(closePayload(1000, ""), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))),
            Map.entry("too-big", () -> frame(true, 0, BINARY, new byte[1001])),
            Map.entry("too-big-fragments", () -> concat(frame(false, 0, TEXT, utf8("x".repeat(600))),
                    frame(true, 0, CONTINUATION, utf8("x".repeat(401))))));

    /** What each tagged connection received; completed when that connection ended. */
    private final Map<String, CompletableFuture<List<String>>> reports = new ConcurrentHashMap<>();

    private RawFrameTestServer() {
        super("raw frame server");
    }

    static RawFrameTestServer start() {
        return new RawFrameTestServer().startAccepting("js-tests-frames");
    }

    @Override
    void serve(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String head = readHead(in);
        if (head == null) return;
        String[] lines = head.split("\r\n");
        String target = lines[0].split(" ")[1];
        String key = "";
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                key = lines[i].substring(colon + 1).trim();
            }
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String tag = tagOf(target);
        if (path.equals("/report")) {
            report(in, out, key, tag);
            return;
        }
        CompletableFuture<List<String>> result = reports.computeIfAbsent(tag, t -> new CompletableFuture<>());
        Scenario scenario = scenario(path);
        if (scenario == null) {
            out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        out.write(handshake(key, scenario.extensions()).getBytes(StandardCharsets.ISO_8859_1));
        out.write(scenario.bytes().get());
        out.flush();
        result.complete(record(new DataInputStream(in), out, path.equals("/never-close"), scenario.closes()));
    }

    /** @param closes whether the bytes end with a close frame (the client's close frame is then the answer) */
    private record Scenario(String extensions, Supplier<byte[]> bytes, boolean closes) {}

    private static Scenario scenario(String path) {
        if (path.startsWith("/error/")) {
            Supplier<byte[]> bytes = ERRORS.get(path.substring("/error/".length()));
            return bytes == null ? null : new Scenario(null, bytes, false);
        }
        return switch (path) {
            case "/record", "/never-close" -> new Scenario(null, () -> new byte[0], false);
            case "/fragments" -> new Scenario(null, () -> concat(
                    frame(false, 0, TEXT, utf8("Hel")),
                    frame(true, 0, PING, utf8("ping-1")),
                    frame(false, 0, CONTINUATION, utf8("lo, ")),
                    frame(true, 0, PING, utf8("ping-2")),
                    frame(true, 0, CONTINUATION, utf8("world")),
                    frame(false, 0, BINARY, new byte[] {1, 2}),
                    frame(true, 0, CONTINUATION, new byte[] {3}),
                    frame(true, 0, CLOSE, closePayload(1000, "done"))), true);
            case "/deflate-context" -> new Scenario("permessage-deflate", () -> {
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                byte[] message = utf8("compressible ".repeat(40));
                return concat(frame(true, RSV1, TEXT, compress(deflater, message)),
                        frame(true, RSV1, TEXT, compress(deflater, message)),
                        frame(true, 0, CLOSE, closePayload(1000, "")));
            }, true);
            case "/deflate-record" -> new Scenario("permessage-deflate", () -> new byte[0], false);
            case "/deflate-small-window" -> new Scenario("permessage-deflate; client_max_window_bits=8", () -> new byte[0], false);
            case "/deflate-bomb" -> new Scenario("permessage-deflate",
                    () -> frame(true, RSV1, BINARY, compress(new Deflater(Deflater.BEST_COMPRESSION, true), new byte[4 << 20])), false);
            default -> null;
        };
    }

    /** Reads the client's frames until it closes TCP (or goes quiet), answering pings and the close frame. */
    private static List<String> record(DataInputStream in, OutputStream out, boolean unresponsive, boolean closeSent) {
        List<String> frames = new ArrayList<>();
        String end = "eof";
        boolean closeAnswered = closeSent;
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                boolean masked = (b1 & 0x80) != 0;
                byte[] mask = new byte[4];
                if (masked) in.readFully(mask);
                byte[] payload = new byte[Math.toIntExact(length)];
                in.readFully(payload);
                if (masked) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
                int opcode = b0 & 0x0F;
                StringBuilder json = new StringBuilder("{\"opcode\":").append(opcode)
                        .append(",\"fin\":").append((b0 & 0x80) != 0)
                        .append(",\"rsv1\":").append((b0 & RSV1) != 0)
                        .append(",\"masked\":").append(masked)
                        .append(",\"key\":\"").append(masked ? HexFormat.of().formatHex(mask) : "").append('"')
                        .append(",\"length\":").append(length);
                int textStart = opcode == CLOSE ? Math.min(2, payload.length) : 0;
                if (length <= 125 && (b0 & RSV1) == 0) {
                    json.append(",\"text\":").append(WebSocketTestServer.quote(
                            new String(payload, textStart, payload.length - textStart, StandardCharsets.UTF_8)));
                }
                if (opcode == CLOSE) {
                    int code = payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                    json.append(",\"code\":").append(code);
                }
                frames.add(json.append('}').toString());
                if (unresponsive) continue;
                if (opcode == PING) {
                    out.write(frame(true, 0, PONG, payload));
                    out.flush();
                } else if (opcode == CLOSE) {
                    if (!closeAnswered) {
                        out.write(frame(true, 0, CLOSE, payload.length < 2 ? new byte[0] : new byte[] {payload[0], payload[1]}));
                        out.flush();
                    }
                    // Both close frames went: the server closes TCP first (RFC 6455 section 7.1.1).
                    end = "closed";
                    break;
                }
            }
        } catch (EOFException e) {
            end = "eof";
        } catch (SocketTimeoutException e) {
            end = "timeout";
        } catch (IOException e) {
            end = "reset";
        }
        frames.add("{\"end\":\"" + end + "\"}");
        return frames;
    }

    /** Waits for the tagged connection to end (the client may fire close before this server read EOF). */
    private void report(InputStream in, OutputStream out, String key, String tag) throws IOException {
        List<String> messages;
        try {
            messages = reports.computeIfAbsent(tag, t -> new CompletableFuture<>()).get(8, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            messages = List.of("{\"end\":\"no connection tagged " + tag + " ended\"}");
        } catch (InterruptedException | ExecutionException e) {
            messages = List.of("{\"end\":\"interrupted\"}");
        }
        reports.remove(tag);
        out.write(handshake(key, null).getBytes(StandardCharsets.ISO_8859_1));
        for (String json : messages) out.write(frame(true, 0, TEXT, utf8(json)));
        out.write(frame(true, 0, CLOSE, closePayload(1000, "")));
        out.flush();
        in.read(new byte[256]); // the client's close frame, or the end of the connection
    }

    /** The {@code tag} query parameter, or "" (tags are plain tokens the tests make up). */
    private static String tagOf(String target) {
        int q = target.indexOf('?');
        if (q < 0) return "";
        for (String pair : target.substring(q + 1).split("&")) {
            if (pair.startsWith("tag=")) return pair.substring("tag=".length());
        }
        return "";
    }


    private static String handshake(String key, String extensions) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n"
                + (extensions != null ? "Sec-WebSocket-Extensions: " + extensions + "\r\n" : "")
                + "\r\n";
    }

    /** An unmasked server frame with the minimal length encoding. */
    static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 10);
        out.write((fin ? 0x80 : 0) | rsv | opcode);
        writeLength(out, 0, payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** A frame with the mask bit set, which a client must never accept from a server (RFC 6455 section 5.1). */
    private static byte[] maskedFrame(byte[] payload) {
        byte[] key = {0x11, 0x22, 0x33, 0x44};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | TEXT);
        writeLength(out, 0x80, payload.length);
        out.writeBytes(key);
        for (int i = 0; i < payload.length; i++) out.write(payload[i] ^ key[i & 3]);
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int maskBit, int length) {
        if (length <= 125) {
            out.write(maskBit | length);
        } else if (length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) ((long) length >>> shift));
        }
    }

    /** One message compressed as RFC 7692 section 7.2.1 says: sync flush, without the trailing 00 00 FF FF. */
    private static byte[] compress(Deflater deflater, byte[] message) {
        deflater.setInput(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - 4);
    }

    private static byte[] closePayload(int code, String reason) {
        return concat(new byte[] {(byte) (code >>> 8), (byte) code}, utf8(reason));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
