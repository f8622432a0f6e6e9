package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-driven server on 127.0.0.1 for tests: reads the client's handshake, answers whatever the
 * test says (valid or not), writes hand-made frame bytes and reads the client's frames.
 */
final class RawPeer implements AutoCloseable {

    private final ServerSocket server;

    RawPeer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(10_000);
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + path);
    }

    int port() {
        return server.getLocalPort();
    }

    /** The connection the last {@link #accept(WebSocketClient, RecordingListener, String...)} opened. */
    volatile WebSocketConnection lastConnection;

    /** Connects {@code client} to this peer, reads its handshake and answers a valid 101 with the extra headers. */
    Conn accept(WebSocketClient client, RecordingListener events, String... extraHeaderLines) throws IOException {
        lastConnection = client.connect(HandshakeRequest.of(uri("/")), events);
        return accept().readRequest().upgrade(extraHeaderLines);
    }

    Conn accept() throws IOException {
        Socket s = server.accept();
        s.setSoTimeout(10_000);
        return new Conn(s);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A frame as the peer read it, unmasked. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    static final class Conn implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;
        final Map<String, String> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String requestLine;

        Conn(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Reads the request head; repeated headers are joined with ", ". */
        Conn readRequest() throws IOException {
            requestLine = readLine();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                requestHeaders.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            return this;
        }

        String acceptValue() {
            return WebSocketProtocol.acceptKey(requestHeaders.get("Sec-WebSocket-Key"));
        }

        /** Answers a valid 101 with the given extra header lines ("Name: value"). */
        Conn upgrade(String... extraHeaderLines) throws IOException {
            StringBuilder sb = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n");
            sb.append("Sec-WebSocket-Accept: ").append(acceptValue()).append("\r\n");
            for (String h : extraHeaderLines) {
                sb.append(h).append("\r\n");
            }
            sb.append("\r\n");
            return write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        }

        Conn write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        Conn writeAscii(String s) throws IOException {
            return write(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        Frame readFrame() throws IOException {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7F;
            if (len == 126) len = in.readUnsignedShort();
            else if (len == 127) len = in.readLong();
            boolean masked = (b1 & 0x80) != 0;
            byte[] key = new byte[4];
            if (masked) in.readFully(key);
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            if (masked) {
                for (int i = 0; i < payload.length; i++) payload[i] ^= key[i & 3];
            }
            return new Frame((b0 & 0x80) != 0, b0 & 0x70, b0 & 0x0F, masked, payload);
        }

        /** Reads frames until a close frame and returns it (pongs and data before it are skipped). */
        Frame readCloseFrame() throws IOException {
            while (true) {
                Frame f = readFrame();
                if (f.opcode() == WebSocketProtocol.OPCODE_CLOSE) {
                    assertTrue(f.masked(), "client frames are masked");
                    return f;
                }
            }
        }

        /** Whether the client closed TCP within the socket timeout (true), or kept it open. */
        boolean awaitEof() throws IOException {
            try {
                while (in.read() != -1) {
                    // drain
                }
                return true;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != '\n') {
                if (c == -1) throw new EOFException("connection ended in the request head");
                if (c != '\r') line.write(c);
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
