package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.server.Handler;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.Session;
import dev.wsjs.server.UpgradeRequest;
import dev.wsjs.websocket.FailureCause;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Closing a runtime "makes disappear" what its scripts hold (HTML's unloading a document, the
 * WebSockets standard's "make disappear"): open WebSockets close with 1001, connecting ones fail,
 * timers stop, and the threads the runtime started end once the closing handshakes are done.
 */
class RuntimeCloseTest {

    /** What the server saw of each session's end: "code clean". */
    private final BlockingQueue<String> serverClosed = new LinkedBlockingQueue<>();
    private final AtomicInteger serverOpened = new AtomicInteger();
    private LocalWebSocketServer server;
    private long runtimeThreadsBefore;

    @BeforeEach
    void start() throws Exception {
        // Threads of runtimes closed by earlier tests may still be finishing their handshakes.
        ThreadCensus.eventually(30, () -> ThreadCensus.runtimeThreads() == 0);
        runtimeThreadsBefore = ThreadCensus.runtimeThreads();
        server = LocalWebSocketServer.builder().route("/rec", new Handler() {
            @Override
            public void onOpen(Session session, UpgradeRequest request) {
                serverOpened.incrementAndGet();
            }

            @Override
            public void onText(Session session, String text) {
                session.sendText(text);
            }

            @Override
            public void onClose(Session session, int code, String reason, boolean wasClean) {
                serverClosed.add(code + " " + wasClean);
            }
        }).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String location() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private List<String> serverCloses(int n) throws InterruptedException {
        List<String> closes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String c = serverClosed.poll(30, TimeUnit.SECONDS);
            if (c == null) break;
            closes.add(c);
        }
        return closes;
    }

    private void assertRuntimeThreadsEnd() throws InterruptedException {
        assertTrue(ThreadCensus.eventually(30, () -> ThreadCensus.runtimeThreads() <= runtimeThreadsBefore),
                "runtime threads still alive: " + ThreadCensus.names().stream()
                        .filter(n -> n.startsWith("wsjs-ws-") || n.startsWith("wsjs-loop-")).toList());
    }

    @Test
    void closingARuntimeClosesEachOpenWebSocketWith1001() throws Exception {
        WsjsRuntime rt = WsjsRuntime.builder().location(location()).console((level, text) -> {}).start();
        Object opened = rt.evalAsync("""
                globalThis.sockets = [];
                Promise.all(Array.from({ length: 5 }, () => new Promise((resolve, reject) => {
                  const ws = new WebSocket('/rec');
                  sockets.push(ws);
                  ws.onopen = () => resolve(1);
                  ws.onerror = () => reject(new Error('no connection'));
                }))).then((all) => all.length)""").get(60, TimeUnit.SECONDS);
        assertEquals(5, opened);
        rt.close();
        assertEquals(List.of("1001 true", "1001 true", "1001 true", "1001 true", "1001 true"), serverCloses(5));
        assertRuntimeThreadsEnd();
        assertTrue(ThreadCensus.eventually(30, () -> server.openSessions() == 0), "server sessions: " + server.openSessions());
    }

    @Test
    void closingARuntimeFailsAConnectingWebSocket() throws Exception {
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch accepted = new CountDownLatch(1);
        CountDownLatch peerSawEnd = new CountDownLatch(1);
        // A peer that accepts TCP and never answers the handshake: the WebSocket stays CONNECTING.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
                    accepted.countDown();
                    byte[] buf = new byte[4096];
                    while (in.read(buf) != -1) {
                        // the handshake request; then wait for the end of the connection
                    }
                    peerSawEnd.countDown();
                } catch (IOException e) {
                    peerSawEnd.countDown(); // reset by the client: also an end
                }
            });
            WsjsRuntime rt = WsjsRuntime.builder().location(location()).console((level, text) -> {})
                    .webSocketDiagnostics(new WebSocketDiagnostics() {
                        @Override
                        public void onFailure(String url, FailureCause cause, String detail) {
                            failures.add(cause.name());
                        }
                    }).start();
            rt.evalAsync("globalThis.pending = new WebSocket('ws://127.0.0.1:" + silent.getLocalPort() + "/'); 1")
                    .get(30, TimeUnit.SECONDS);
            assertTrue(accepted.await(30, TimeUnit.SECONDS), "the client connected");
            rt.close();
            assertTrue(peerSawEnd.await(30, TimeUnit.SECONDS), "the connecting socket was dropped");
            peer.join(30_000);
            assertTrue(ThreadCensus.eventually(30, () -> failures.contains("ABORTED")), failures.toString());
        }
        assertRuntimeThreadsEnd();
    }

    @Test
    void closingARuntimeStopsItsTimers() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start();
        rt.submit(ctx -> {
            ctx.getBindings("js").putMember("tick", (ProxyExecutable) args -> ticks.incrementAndGet());
            ctx.eval("js", "setInterval(() => tick(), 5); setTimeout(() => tick(), 300)");
            return null;
        }).get(30, TimeUnit.SECONDS);
        assertTrue(ThreadCensus.eventually(30, () -> ticks.get() >= 3), "the interval runs");
        rt.close();
        int atClose = ticks.get();
        Thread.sleep(500);
        assertEquals(atClose, ticks.get(), "no timer fired after close()");
        assertRuntimeThreadsEnd();
    }

    @Test
    void wsjsExitInAMessageHandlerClosesTheOtherSocketsWith1001() throws Exception {
        WsjsRuntime rt = WsjsRuntime.builder().location(location()).console((level, text) -> {}).start();
        rt.evalAsync("""
                const a = new WebSocket('/rec');
                const b = new WebSocket('/rec');
                let open = 0;
                const go = () => { if (++open === 2) a.send('bye'); };
                a.onopen = go; b.onopen = go;
                a.onmessage = () => wsjs.exit(0);
                1""").get(30, TimeUnit.SECONDS);
        rt.closedFuture().get(60, TimeUnit.SECONDS);
        assertEquals(List.of("1001 true", "1001 true"), serverCloses(2));
        assertRuntimeThreadsEnd();
    }

    @Test
    void aRuntimeClosedByItsStatementLimitStillClosesItsSocketsWith1001() throws Exception {
        // The context is cancelled, so the layer's "make disappear" cannot run: the Java side does it.
        WsjsRuntime rt = WsjsRuntime.builder().location(location()).console((level, text) -> {})
                .onUncaughtError((report, runtime) -> {}).statementLimit(200_000).start();
        rt.evalAsync("""
                const ws = new WebSocket('/rec');
                ws.onopen = () => ws.send('spin');
                ws.onmessage = () => { for (;;) {} };
                1""").get(30, TimeUnit.SECONDS);
        rt.closedFuture().get(60, TimeUnit.SECONDS);
        assertEquals(List.of("1001 true"), serverCloses(1));
        assertRuntimeThreadsEnd();
    }

    @Test
    void aBuildRuntimeClosedByItsOwnerClosesSocketsWith1001() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().location(location()).console((level, text) -> {}).build()) {
            rt.eval("globalThis.ready = 0; for (let i = 0; i < 3; i++) new WebSocket('/rec').onopen = () => ready++;");
            assertTrue(rt.runUntil(() -> rt.eval("ready").asInt() == 3, java.time.Duration.ofSeconds(60)));
        }
        assertEquals(List.of("1001 true", "1001 true", "1001 true"), serverCloses(3));
        assertRuntimeThreadsEnd();
    }
}
