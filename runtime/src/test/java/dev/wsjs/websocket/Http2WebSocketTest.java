package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.internal.TrustedCertificates;
import dev.wsjs.testing.TestRuntime;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSockets over HTTP/2 (RFC 8441) against Jetty on 127.0.0.1: one TLS server whose HTTP/2
 * enables extended CONNECT, one whose HTTP/2 does not (the client must fall back to HTTP/1.1).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Http2WebSocketTest {

    @TempDir
    static Path dir;
    private static Server withConnect;
    private static Server withoutConnect;
    private static int portWith;
    private static int portWithout;
    private static OkHttpClient trusting;
    private static Path caPem;
    /** What the server saw of each handshake: HTTP version, then the Cookie header. */
    private static final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

    /** Echoes text and binary messages; closes when asked with "close:CODE". */
    public static final class Echo implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String text) {
            if (text.equals("disconnect")) {
                session.disconnect(); // no close frame: the stream (or connection) just ends
            } else if (text.startsWith("close:")) {
                session.close(Integer.parseInt(text.substring(6)), "server says bye", Callback.NOOP);
            } else {
                session.sendText(text, Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            callback.succeed();
            session.sendBinary(copy, Callback.NOOP);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", pem.toString());
        withConnect = server(keystore, true);
        withoutConnect = server(keystore, false);
        portWith = ((ServerConnector) withConnect.getConnectors()[0]).getLocalPort();
        portWithout = ((ServerConnector) withoutConnect.getConnectors()[0]).getLocalPort();
        trusting = TrustedCertificates.trustAlso(new OkHttpClient(), List.of(pem));
        caPem = pem;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, p.exitValue(), out);
    }

    private static Server server(Path keystore, boolean connectProtocol) throws Exception {
        Server server = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(keystore.toString());
        ssl.setKeyStorePassword("changeit");
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration config = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        config.addCustomizer(secure);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
        h2.setConnectProtocolEnabled(connectProtocol);
        HttpConnectionFactory http11 = new HttpConnectionFactory(config);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol(http11.getProtocol());
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()),
                alpn, h2, http11);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxBinaryMessageSize(16 * 1024 * 1024);
            container.addMapping("/echo", (rq, rs, cb) -> {
            seen.add(rq.getConnectionMetaData().getHttpVersion().asString());
            String cookie = rq.getHeaders().get("Cookie");
            seen.add(cookie == null ? "no cookie" : cookie);
            seen.add("user-agent " + rq.getHeaders().get("User-Agent"));
            if (rq.hasSubProtocol("chat")) {
                rs.setAcceptedSubProtocol("chat");
            }
            return new Echo();
            });
        }));
        server.start();
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        if (withConnect != null) withConnect.stop();
        if (withoutConnect != null) withoutConnect.stop();
    }

    private static URI echo(int port) {
        return URI.create("wss://127.0.0.1:" + port + "/echo");
    }

    @Test
    void echoesOverAnHttp2StreamAndClosesCleanly() throws Exception {
        try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults())) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection conn = client.connect(new HandshakeRequest(echo(portWith), List.of("x", "chat"),
                    "https://example.test", "wsjs-test", Map.of()), events);
            events.autoDeliver = conn;
            RecordingListener.Open open = events.awaitOpen();
            assertEquals("chat", open.protocol());
            assertEquals("HTTP/2.0", seen.poll(10, TimeUnit.SECONDS));
            seen.poll(10, TimeUnit.SECONDS);
            assertEquals("user-agent wsjs-test", seen.poll(10, TimeUnit.SECONDS));
            conn.sendText("hello over h2");
            assertEquals("hello over h2", events.awaitText());
            // Bigger than every window either side starts with (the client's 1 MiB, Jetty's 512 KiB
            // stream and 1 MiB session windows): both directions need WINDOW_UPDATEs.
            byte[] big = new byte[3 * 512 * 1024 + 17];
            new Random(7).nextBytes(big);
            conn.sendBinary(ByteBuffer.wrap(big.clone()));
            ByteBuffer back = events.awaitBinary();
            assertEquals(ByteBuffer.wrap(big), back);
            conn.close(1000, "done");
            events.awaitCloseFrame(1000, "done");
            events.awaitClosed(true, 1000, "done");
        }
    }

    @Test
    void serverInitiatedCloseIsClean() throws Exception {
        try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults())) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection conn = client.connect(HandshakeRequest.of(echo(portWith)), events);
            events.awaitOpen();
            conn.sendText("close:4001");
            events.awaitCloseFrame(4001, "server says bye");
            events.awaitClosed(true, 4001, "server says bye");
        }
    }

    @Test
    void sendsTheCookieJarsCookiesOnHttp2() throws Exception {
        HttpUrl url = HttpUrl.get("https://127.0.0.1:" + portWith + "/echo");
        CookieJar jar = new CookieJar() {
            @Override
            public void saveFromResponse(HttpUrl u, List<Cookie> cookies) {}

            @Override
            public List<Cookie> loadForRequest(HttpUrl u) {
                return List.of(Cookie.parse(url, "session=abc123"));
            }
        };
        seen.clear();
        try (WebSocketClient client = new WebSocketClient(trusting.newBuilder().cookieJar(jar).build(),
                WebSocketSettings.defaults())) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection conn = client.connect(HandshakeRequest.of(echo(portWith)), events);
            events.awaitOpen();
            assertEquals("HTTP/2.0", seen.poll(10, TimeUnit.SECONDS));
            assertEquals("session=abc123", seen.poll(10, TimeUnit.SECONDS));
            assertTrue(seen.poll(10, TimeUnit.SECONDS).startsWith("user-agent okhttp/"), "OkHttp's default, as on HTTP/1.1");
            conn.close(1000, null);
            events.awaitCloseFrame(1000, "");
            events.awaitClosed(true, 1000, "");
        }
    }

    @Test
    void withoutExtendedConnectFallsBackToHttp11AndRemembersTheOrigin() throws Exception {
        seen.clear();
        try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults())) {
            for (int i = 0; i < 2; i++) {
                RecordingListener events = new RecordingListener();
                WebSocketConnection conn = client.connect(HandshakeRequest.of(echo(portWithout)), events);
                events.autoDeliver = conn;
                events.awaitOpen();
                assertEquals("HTTP/1.1", seen.poll(10, TimeUnit.SECONDS));
                seen.poll(10, TimeUnit.SECONDS);
                seen.poll(10, TimeUnit.SECONDS);
                conn.sendText("still works");
                assertEquals("still works", events.awaitText());
                conn.close(1000, null);
                events.awaitCloseFrame(1000, "");
                events.awaitClosed(true, 1000, "");
                assertTrue(client.isHttp11Origin("127.0.0.1:" + portWithout));
            }
        }
        // Another client (each runtime has its own) knows it too, and does not try HTTP/2 again.
        try (WebSocketClient other = new WebSocketClient(trusting, WebSocketSettings.defaults())) {
            assertTrue(other.isHttp11Origin("127.0.0.1:" + portWithout));
            assertFalse(other.isHttp11Origin("127.0.0.1:" + portWith));
        }
    }

    @Test
    void aServerThatDropsTheStreamFailsTheConnectionWithTheCause() throws Exception {
        try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults())) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection conn = client.connect(HandshakeRequest.of(echo(portWith)), events);
            events.awaitOpen();
            conn.sendText("disconnect");
            RecordingListener.Failure f = events.awaitFailure(FailureCause.CONNECTION_LOST);
            assertFalse(f.detail().isEmpty());
        }
    }

    @Test
    void scriptsSeeAnOrdinaryWebSocketOverHttp2AndA1006WhenTheStreamIsDropped() {
        WsjsRuntime.Builder builder = WsjsRuntime.builder().location("https://127.0.0.1/").trustedCertificates(caPem);
        try (TestRuntime t = new TestRuntime(builder)) {
            t.eval("""
                    globalThis.done = false;
                    const ws = new WebSocket("wss://127.0.0.1:PORT/echo", ["chat"]);
                    ws.onopen = () => { console.log("open", ws.protocol); ws.send("ping"); };
                    ws.onmessage = (e) => { console.log("message", e.data); ws.send("disconnect"); };
                    ws.onerror = () => console.log("error");
                    ws.onclose = (e) => { console.log("close", e.code, e.wasClean); done = true; };
                    """.replace("PORT", String.valueOf(portWith)));
            t.runUntil("done", 30);
            assertEquals(List.of("open chat", "message ping", "error", "close 1006 false"),
                    t.lines.stream().map(TestRuntime.Line::text).toList());
        }
    }

    @Test
    void http2CanBeTurnedOff() throws Exception {
        seen.clear();
        try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults().withHttp2(false))) {
            RecordingListener events = new RecordingListener();
            WebSocketConnection conn = client.connect(HandshakeRequest.of(echo(portWith)), events);
            events.awaitOpen();
            assertEquals("HTTP/1.1", seen.poll(10, TimeUnit.SECONDS));
            conn.close(1000, null);
            events.awaitCloseFrame(1000, "");
            events.awaitClosed(true, 1000, "");
        }
    }

    @Test
    void anUntrustedCertificateFailsAsTls() throws Exception {
        try (WebSocketClient client = new WebSocketClient(new OkHttpClient(), WebSocketSettings.defaults())) {
            RecordingListener events = new RecordingListener();
            client.connect(HandshakeRequest.of(echo(portWith)), events);
            events.awaitFailure(FailureCause.TLS);
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostFailsAsTlsOverBothPaths() throws Exception {
        // The certificate names 127.0.0.1 and localhost; this name resolves to loopback but is not in it.
        URI elsewhere = URI.create("wss://not-in-the-certificate.localhost:" + portWith + "/echo");
        for (boolean http2 : new boolean[] {true, false}) {
            try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults().withHttp2(http2))) {
                RecordingListener events = new RecordingListener();
                client.connect(HandshakeRequest.of(elsewhere), events);
                events.awaitFailure(FailureCause.TLS);
            }
        }
        try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults())) {
            RecordingListener events = new RecordingListener();
            client.connect(HandshakeRequest.of(URI.create("wss://localhost:" + portWith + "/echo")), events);
            events.awaitOpen(); // control: the same certificate is good for a name it has
        }
    }

    @Test
    void aSubprotocolTheServerDoesNotSelectFailsTheHandshake() throws Exception {
        try (WebSocketClient client = new WebSocketClient(trusting, WebSocketSettings.defaults())) {
            RecordingListener events = new RecordingListener();
            client.connect(new HandshakeRequest(echo(portWith), List.of("other"), null, null, Map.of()), events);
            events.awaitFailure(FailureCause.BAD_HANDSHAKE);
        }
    }
}
