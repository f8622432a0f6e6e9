package dev.wsjs.websocket;

import dev.wsjs.websocket.http2.HeaderField;
import dev.wsjs.websocket.http2.Http2Connection;
import dev.wsjs.websocket.http2.Http2Stream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import okhttp3.Cookie;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Opens a {@code wss:} WebSocket on an HTTP/2 stream (RFC 8441) when the server allows it:
 * TCP and TLS with ALPN ["h2", "http/1.1"], the HTTP/2 preface, and if the server's SETTINGS enable
 * extended CONNECT, a CONNECT request with {@code :protocol websocket}.
 *
 * <p>TLS uses the OkHttp client's socket factory, SSL socket factory (so the runtime's extra CA
 * certificates apply), hostname verifier and certificate pinner, and DNS; cookies come from and go
 * to its cookie jar. Connections through a proxy are left to the HTTP/1.1 path. When the server
 * does not speak h2 with extended CONNECT the answer is {@link Fallback}, and the client remembers
 * the origin so that the next connection goes straight to HTTP/1.1.
 */
final class Http2Dialer {

    /** Headers that are about the HTTP/1.1 connection and are not sent on HTTP/2 (RFC 9113 section 8.2.2). */
    private static final Set<String> CONNECTION_SPECIFIC = Set.of("connection", "upgrade", "host", "keep-alive",
            "proxy-connection", "transfer-encoding", "te", "sec-websocket-key");
    /** Bytes the server may send on the stream (and connection) ahead of the reader. */
    private static final int RECEIVE_WINDOW = 1 << 20;

    /** The outcome of a successful dial: the server answered the CONNECT. */
    record Opened(Http2Stream stream, HandshakeValidator.Accepted accepted) {}

    /** The server does not take WebSockets over HTTP/2; use a fresh HTTP/1.1 connection. */
    static final class Fallback extends Exception {
        Fallback(String reason) {
            super(reason, null, false, false);
        }
    }

    private Http2Dialer() {}

    /** Whether a connection to {@code request} should try HTTP/2 first. */
    static boolean worthTrying(WebSocketClient client, HandshakeRequest request) {
        if (!request.secure() || !client.settings().http2() || client.isHttp11Origin(originKey(request))) {
            return false;
        }
        OkHttpClient http = client.http();
        Proxy proxy = http.proxy();
        if (proxy != null) {
            return proxy.type() == Proxy.Type.DIRECT;
        }
        try {
            List<Proxy> proxies = http.proxySelector().select(URI.create("https://" + request.host() + ":"
                    + request.effectivePort() + "/"));
            return proxies == null || proxies.isEmpty() || proxies.get(0).type() == Proxy.Type.DIRECT;
        } catch (RuntimeException e) {
            return false; // let the HTTP/1.1 path report what is wrong with the proxy settings
        }
    }

    static String originKey(HandshakeRequest request) {
        return request.host().toLowerCase(Locale.ROOT) + ":" + request.effectivePort();
    }

    /**
     * Runs the whole HTTP/2 opening handshake; blocks.
     *
     * @param httpRequest the HTTP/1.1 handshake request OkHttp would send: its headers are reused
     * @param onCancel receives, as they come into being, a way to close what this dial opened
     * @param onResponse hears the response's status and headers (lower-case names) before they are checked
     * @throws Fallback if the server does not do WebSockets over HTTP/2
     * @throws HandshakeValidator.BadHandshake if the server's answer is not a valid acceptance
     */
    static Opened dial(WebSocketClient client, HandshakeRequest request, Request httpRequest, String name,
            long timeoutMillis, Consumer<Runnable> onCancel, BiConsumer<Integer, Map<String, List<String>>> onResponse)
            throws IOException, Fallback, HandshakeValidator.BadHandshake {
        OkHttpClient http = client.http();
        String host = request.host();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        int port = request.effectivePort();
        // 1. TCP to the first address that answers, like OkHttp's route selection without proxies.
        Socket raw = connect(http, bareHost, port, onCancel);
        // 2. TLS with ALPN offering h2 then http/1.1; the same trust and hostname checks as OkHttp.
        SSLSocket tls;
        try {
            tls = (SSLSocket) http.sslSocketFactory().createSocket(raw, bareHost, port, true);
            onCancel.accept(() -> closeQuietly(tls));
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            if (!http.hostnameVerifier().verify(bareHost, tls.getSession())) {
                throw new SSLPeerUnverifiedException("hostname " + bareHost + " not verified by the server's certificate");
            }
            http.certificatePinner().check(bareHost, List.of(tls.getSession().getPeerCertificates()));
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
        String alpn = tls.getApplicationProtocol();
        if (!"h2".equals(alpn)) {
            closeQuietly(tls);
            client.rememberHttp11Origin(originKey(request));
            throw new Fallback("the server chose " + (alpn == null || alpn.isEmpty() ? "no ALPN protocol" : alpn));
        }
        // 3. The HTTP/2 preface; the server's SETTINGS say whether extended CONNECT is allowed.
        Http2Connection connection = Http2Connection.start(name, tls, RECEIVE_WINDOW, (int) Math.min(timeoutMillis, Integer.MAX_VALUE));
        onCancel.accept(connection::close);
        if (!connection.connectProtocolEnabled()) {
            connection.close();
            client.rememberHttp11Origin(originKey(request));
            throw new Fallback("the server's HTTP/2 SETTINGS do not enable extended CONNECT");
        }
        try {
            return extendedConnect(client, request, httpRequest, connection, timeoutMillis, onCancel, onResponse);
        } catch (IOException | HandshakeValidator.BadHandshake | RuntimeException e) {
            connection.close(); // one WebSocket per connection: nothing else needs it
            throw e;
        }
    }

    /** Steps 4 and 5: the extended CONNECT on a new stream of {@code connection}, and its answer. */
    private static Opened extendedConnect(WebSocketClient client, HandshakeRequest request, Request httpRequest,
            Http2Connection connection, long timeoutMillis, Consumer<Runnable> onCancel,
            BiConsumer<Integer, Map<String, List<String>>> onResponse)
            throws IOException, HandshakeValidator.BadHandshake {
        OkHttpClient http = client.http();
        // 4. RFC 8441 section 4: the extended CONNECT request.
        HttpUrl url = httpRequest.url();
        Http2Stream stream = connection.openStream(connectHeaders(http, request, httpRequest, url));
        onCancel.accept(stream::cancel);
        List<HeaderField> response = stream.awaitResponseHeaders(timeoutMillis);
        Headers headers = regularHeaders(response);
        String status = pseudo(response, ":status");
        onResponse.accept(statusCode(status), headers.toMultimap());
        // Cookies the server set are stored whatever the status, as on HTTP/1.1.
        List<Cookie> cookies = Cookie.parseAll(url, headers);
        if (!cookies.isEmpty()) {
            http.cookieJar().saveFromResponse(url, cookies);
        }
        // 5. RFC 8441 section 5: success is a 200; there is no Sec-WebSocket-Accept on HTTP/2.
        if (!"200".equals(status)) {
            throw new HandshakeValidator.BadHandshake("expected :status 200 for the extended CONNECT, got " + status);
        }
        HandshakeValidator.Accepted accepted = HandshakeValidator.negotiated(headers.values("Sec-WebSocket-Extensions"),
                headers.values("Sec-WebSocket-Protocol"), request.protocols(), client.settings().offerPermessageDeflate());
        return new Opened(stream, accepted);
    }

    private static Socket connect(OkHttpClient http, String host, int port, Consumer<Runnable> onCancel)
            throws IOException {
        List<InetAddress> addresses = http.dns().lookup(host);
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket socket = http.socketFactory().createSocket();
            onCancel.accept(() -> closeQuietly(socket));
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(address, port), http.connectTimeoutMillis());
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                if (last != null) e.addSuppressed(last);
                last = e;
            }
        }
        throw last != null ? last : new java.net.UnknownHostException(host + ": no addresses");
    }

    /** Pseudo-headers first (RFC 9113 section 8.3), then the handshake's fields with lowercase names. */
    static List<HeaderField> connectHeaders(OkHttpClient http, HandshakeRequest request, Request httpRequest, HttpUrl url) {
        List<HeaderField> fields = new ArrayList<>();
        fields.add(new HeaderField(":method", "CONNECT"));
        fields.add(new HeaderField(":protocol", "websocket"));
        fields.add(new HeaderField(":scheme", "https"));
        String query = url.encodedQuery();
        fields.add(new HeaderField(":path", url.encodedPath() + (query == null ? "" : "?" + query)));
        int port = request.effectivePort();
        fields.add(new HeaderField(":authority", request.host() + (port == 443 ? "" : ":" + port)));
        Headers h = httpRequest.headers();
        for (int i = 0; i < h.size(); i++) {
            String name = h.name(i).toLowerCase(Locale.ROOT);
            if (!CONNECTION_SPECIFIC.contains(name)) {
                fields.add(new HeaderField(name, h.value(i)));
            }
        }
        // OkHttp's default User-Agent when the request has none, as on HTTP/1.1.
        if (h.get("User-Agent") == null) {
            fields.add(new HeaderField("user-agent", "okhttp/" + okhttp3.OkHttp.VERSION));
        }
        // The cookie jar's cookies, as OkHttp adds them to an HTTP/1.1 request.
        List<Cookie> cookies = http.cookieJar().loadForRequest(url);
        if (!cookies.isEmpty() && h.get("Cookie") == null) {
            StringBuilder cookie = new StringBuilder();
            for (Cookie c : cookies) {
                if (!cookie.isEmpty()) cookie.append("; ");
                cookie.append(c.name()).append('=').append(c.value());
            }
            fields.add(new HeaderField("cookie", cookie.toString()));
        }
        return fields;
    }

    private static String pseudo(List<HeaderField> fields, String name) {
        for (HeaderField f : fields) {
            if (f.name().equals(name)) return f.value();
        }
        return null;
    }

    private static int statusCode(String status) {
        try {
            return status == null ? -1 : Integer.parseInt(status);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Headers regularHeaders(List<HeaderField> fields) {
        Headers.Builder b = new Headers.Builder();
        for (HeaderField f : fields) {
            if (!f.name().startsWith(":")) {
                b.addUnsafeNonAscii(f.name(), f.value());
            }
        }
        return b.build();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing an abandoned attempt
        }
    }
}
