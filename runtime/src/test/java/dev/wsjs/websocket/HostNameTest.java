package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import dev.wsjs.server.Handler;
import dev.wsjs.server.HandshakeDecision;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.UpgradeRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Dns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Host names the URL Standard allows and RFC 2396 does not (a '_' in a label), for which
 * java.net.URI has no host, and subdomains of localhost, which browsers take for localhost.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostNameTest {

    @Test
    void hostPortAndUserInfoOfARegistryBasedAuthority() {
        URI url = URI.create("ws://us%40er:p%3Ass@my_host.localhost:1234/path?q=1");
        assertNull(url.getHost(), "the reason for HandshakeRequest.host(): java.net.URI has no host here");
        HandshakeRequest r = HandshakeRequest.of(url);
        assertEquals("my_host.localhost", r.host());
        assertEquals(1234, r.effectivePort());
        assertEquals("us%40er:p%3Ass", r.rawUserInfo());

        HandshakeRequest noPort = HandshakeRequest.of(URI.create("wss://_service._tcp.example/"));
        assertEquals("_service._tcp.example", noPort.host());
        assertEquals(443, noPort.effectivePort());
        assertNull(noPort.rawUserInfo());

        HandshakeRequest plain = HandshakeRequest.of(URI.create("ws://[::1]:81/"));
        assertEquals("[::1]", plain.host());
        assertEquals(81, plain.effectivePort());
    }

    @Test
    void aUrlWithoutHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HandshakeRequest.of(URI.create("ws:/path")));
        assertThrows(IllegalArgumentException.class, () -> HandshakeRequest.of(URI.create("ws://user@:80/")));
    }

    @Test
    void subdomainsOfLocalhostResolveAsLocalhost() throws UnknownHostException {
        List<String> asked = new java.util.ArrayList<>();
        Dns recording = hostname -> {
            asked.add(hostname);
            return List.of(InetAddress.getLoopbackAddress());
        };
        LocalhostDns dns = new LocalhostDns(recording);
        dns.lookup("my_host.localhost");
        dns.lookup("A.B.LOCALHOST.");
        dns.lookup("localhost");
        dns.lookup("notlocalhost");
        dns.lookup("localhost.example");
        assertEquals(List.of("localhost", "localhost", "localhost", "notlocalhost", "localhost.example"), asked);
    }

    @Test
    void connectsToAHostWithAnUnderscoreAndSendsItAsHost() throws Exception {
        BlockingQueue<UpgradeRequest> seen = new LinkedBlockingQueue<>();
        try (LocalWebSocketServer server = LocalWebSocketServer.builder()
                .route("/", new Handler() {
                    @Override
                    public HandshakeDecision onHandshake(UpgradeRequest request) {
                        seen.add(request);
                        return HandshakeDecision.accept();
                    }
                })
                .start();
             WebSocketClient client = new WebSocketClient(WebSocketSettings.defaults())) {
            URI url = URI.create("ws://user:pw@my_host.localhost:" + server.port() + "/?x=1");
            RecordingListener events = new RecordingListener();
            WebSocketConnection c = client.connect(new HandshakeRequest(url, List.of(), null, null, Map.of()), events);
            events.awaitOpen();
            UpgradeRequest request = seen.poll(10, TimeUnit.SECONDS);
            assertNotNull(request);
            assertEquals("my_host.localhost:" + server.port(), request.header("Host"));
            assertEquals("/?x=1", request.target());
            assertEquals("Basic dXNlcjpwdw==", request.header("Authorization"));
            c.close(1000, null);
            events.awaitCloseFrame(1000, "");
            events.awaitClosed(true, 1000, "");
        }
    }
}
