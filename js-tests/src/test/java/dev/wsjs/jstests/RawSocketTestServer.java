package dev.wsjs.jstests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the servers that speak WebSocket by hand on plain sockets share: a 127.0.0.1 listener on an
 * ephemeral port, a virtual thread per connection, reading a request head, the accept key, and a
 * close that ends every connection. Subclasses write the bytes of each connection in {@link #serve}.
 */
abstract class RawSocketTestServer implements TestServer {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket serverSocket;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    RawSocketTestServer(String what) {
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + what, e);
        }
    }

    /** Starts accepting; called once the subclass is fully constructed. */
    final <S extends RawSocketTestServer> S startAccepting(String threadName) {
        Thread.ofVirtual().name(threadName + "-accept").start(() -> acceptLoop(threadName + "-peer"));
        @SuppressWarnings("unchecked")
        S self = (S) this;
        return self;
    }

    /** Speaks to one connection; the socket is closed afterwards. */
    abstract void serve(Socket socket) throws IOException;

    private void acceptLoop(String peerThreadName) {
        try {
            while (true) {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                Thread.ofVirtual().name(peerThreadName).start(() -> {
                    try (socket) {
                        serve(socket);
                    } catch (IOException | RuntimeException e) {
                        // the client went away or the server closed: nothing to report
                    } finally {
                        sockets.remove(socket);
                    }
                });
            }
        } catch (IOException closed) {
            // close() closed the server socket
        }
    }

    /** The request head up to the blank line, or null if the connection ended first. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) return null;
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The {@code Sec-WebSocket-Accept} value for a {@code Sec-WebSocket-Key} (RFC 6455 section 4.2.2). */
    static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String url() {
        return "ws://127.0.0.1:" + serverSocket.getLocalPort();
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
