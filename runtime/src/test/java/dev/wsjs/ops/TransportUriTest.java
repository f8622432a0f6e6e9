package dev.wsjs.ops;

import static org.junit.jupiter.api.Assertions.*;

import dev.wsjs.WebSocketDiagnostics;
import dev.wsjs.WsjsRuntime;
import dev.wsjs.server.EchoHandler;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.testing.TestRuntime;
import dev.wsjs.websocket.FailureCause;
import dev.wsjs.websocket.HandshakeRequest;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What scripts' WebSocket URLs become for the transport, and that they reach a real server. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransportUriTest {

    @Test
    void encodesWhatJavaNetUriRefusesAndKeepsTheRest() {
        assertEquals("ws://h:1/a%7Cb?c%5Ed%22", TransportUri.of("ws://h:1/a|b?c^d\"").toString());
        assertEquals("ws://h/%25zz%41", TransportUri.of("ws://h/%zz%41").toString());
        assertSame("ws://h/plain", TransportUri.of("ws://h/plain").toString(), "nothing to encode: no copy");
    }

    @Test
    void aHostWithAnUnderscoreKeepsItsHostAndPort() {
        URI uri = TransportUri.of("ws://u:p@my_host.localhost:8080/x?y");
        HandshakeRequest r = HandshakeRequest.of(uri);
        assertEquals("my_host.localhost", r.host());
        assertEquals(8080, r.effectivePort());
        assertEquals("u:p", r.rawUserInfo());
        assertEquals("/x", uri.getRawPath());
        assertEquals("y", uri.getRawQuery());
    }

    @Test
    void aScriptOpensAWebSocketToAHostWithAnUnderscore() throws Exception {
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().route("/echo", new EchoHandler()).start();
             TestRuntime t = new TestRuntime()) {
            t.eval("globalThis.log = [];"
                    + "const ws = new WebSocket('ws://my_host.localhost:" + server.port() + "/echo');"
                    + "ws.onopen = () => { log.push('open ' + ws.url); ws.send('over _'); };"
                    + "ws.onmessage = (e) => { log.push('message ' + e.data + ' ' + e.origin); ws.close(); };"
                    + "ws.onerror = () => log.push('error');"
                    + "ws.onclose = (e) => log.push('close ' + e.code + ' ' + e.wasClean);");
            t.runUntil("log.length === 3", 10);
            String origin = "ws://my_host.localhost:" + server.port();
            assertEquals("open " + origin + "/echo,message over _ " + origin + ",close 1005 true", t.eval("log.join()"));
        }
    }

    @Test
    void aHostTheTransportCannotRequestFailsLikeAnyConnectionFailure() {
        List<FailureCause> causes = new CopyOnWriteArrayList<>();
        WsjsRuntime.Builder builder = WsjsRuntime.builder().location("http://127.0.0.1/")
                .webSocketDiagnostics(new WebSocketDiagnostics() {
                    @Override
                    public void onFailure(String url, FailureCause cause, String detail) {
                        causes.add(cause);
                    }
                });
        try (TestRuntime t = new TestRuntime(builder)) {
            // '{' is no forbidden domain code point, but java.net.URI has no room for it.
            t.eval("globalThis.log = [];"
                    + "const ws = new WebSocket('ws://a{b.localhost:1/');"
                    + "log.push('state ' + ws.readyState);"
                    + "ws.onopen = () => log.push('open');"
                    + "ws.onerror = () => log.push('error ' + ws.readyState);"
                    + "ws.onclose = (e) => log.push('close ' + e.code + ' ' + e.wasClean + ' [' + e.reason + '] ' + ws.readyState);");
            t.runUntil("log.length === 3", 10);
            assertEquals("state 0,error 3,close 1006 false [] 3", t.eval("log.join()"));
            assertEquals(List.of(FailureCause.UNSUPPORTED_URL), causes);
        }
    }
}
