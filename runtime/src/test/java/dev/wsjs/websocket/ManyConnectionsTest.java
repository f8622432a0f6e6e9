package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import dev.wsjs.server.LocalWebSocketServer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many concurrent connections through one client: none may wait for a dispatcher slot, and none
 * may cost a platform thread. The count comes from {@code wsjs.scale.connections} (default 1,000;
 * client and server share this process's file descriptors, so 10,000 needs the server elsewhere
 * or a higher descriptor limit).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ManyConnectionsTest {

    @Test
    void thousandsOfConcurrentConnectionsOnVirtualThreads() throws Exception {
        int n = Integer.getInteger("wsjs.scale.connections", 1000);
        int platformBefore = Thread.getAllStackTraces().size(); // lists platform threads only
        // Generous close timeouts: thousands of closing handshakes at once on a busy 2-core machine.
        WebSocketSettings settings = WebSocketSettings.defaults().withCloseTimeout(java.time.Duration.ofSeconds(60));
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().permessageDeflate(false).settings(settings).start();
                WebSocketClient client = new WebSocketClient(settings)) {
            CountDownLatch opened = new CountDownLatch(n);
            CountDownLatch echoed = new CountDownLatch(n);
            CountDownLatch closed = new CountDownLatch(n);
            AtomicInteger clean = new AtomicInteger();
            AtomicReference<String> problem = new AtomicReference<>();
            List<WebSocketConnection> connections = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String expected = "hello " + i;
                connections.add(client.connect(HandshakeRequest.of(server.uri("/echo")), new ConnectionListener() {
                    @Override public void onOpen(String protocol, String extensions) { opened.countDown(); }
                    @Override public void onText(String text) {
                        if (!text.equals(expected)) problem.set("got " + text + " instead of " + expected);
                        echoed.countDown();
                    }
                    @Override public void onBinary(ByteBuffer data) {}
                    @Override public void onCloseFrame(int code, String reason) {}
                    @Override public void onFailure(FailureCause cause, String detail) { problem.set(cause + " " + detail); }
                    @Override public void onClosed(boolean wasClean, int code, String reason) {
                        if (wasClean) clean.incrementAndGet();
                        closed.countDown();
                    }
                    @Override public void onBytesSent(long payloadBytes) {}
                }));
            }
            assertTrue(opened.await(60, TimeUnit.SECONDS), "opened: " + (n - opened.getCount()) + ", problem: " + problem.get());
            assertEquals(n, server.openSessions());
            int platformThreads = Thread.getAllStackTraces().size();
            assertTrue(platformThreads - platformBefore < 50,
                    n + " connections must not cost platform threads: " + platformBefore + " -> " + platformThreads);
            for (int i = 0; i < n; i++) {
                connections.get(i).sendText("hello " + i);
            }
            assertTrue(echoed.await(60, TimeUnit.SECONDS), "echoed: " + (n - echoed.getCount()));
            connections.forEach(c -> c.close(1000, null));
            assertTrue(closed.await(60, TimeUnit.SECONDS), "closed: " + (n - closed.getCount()));
            assertNull(problem.get(), problem.get());
            assertEquals(n, clean.get());
        }
    }
}
