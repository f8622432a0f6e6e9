package dev.wsjs.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The /ticks feed, seen by the JDK's own WebSocket client (an independent peer). */
@Timeout(60)
class TickerHandlerTest {

    private static final Pattern SEQ = Pattern.compile("\\{\"type\":\"tick\",\"seq\":(\\d+),\"symbol\":\"[A-Z]+\",\"price\":\\d+\\.\\d\\d,\"time\":\\d+}");

    private final HttpClient http = HttpClient.newHttpClient();

    /** Records messages as "seq" strings, and "closed <code>" / "error" at the end. */
    private static final class Recorder implements WebSocket.Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            Matcher m = SEQ.matcher(data);
            events.add(m.matches() ? m.group(1) : "unexpected " + data);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            events.add("closed " + code);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            events.add("error");
        }

        String next() throws InterruptedException {
            return events.poll(20, TimeUnit.SECONDS);
        }
    }

    private WebSocket connect(LocalWebSocketServer server, String target, Recorder recorder) throws Exception {
        return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + target), recorder)
                .get(20, TimeUnit.SECONDS);
    }

    @Test
    void sinceReplaysTheRetainedTicksAfterNThenContinuesLive() throws Exception {
        TickerHandler feed = new TickerHandler(Duration.ZERO, 5);
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().route("/ticks", feed).start()) {
            for (int i = 0; i < 8; i++) feed.publish();
            Recorder resumed = new Recorder();
            connect(server, "/ticks?since=5", resumed);
            assertEquals("6", resumed.next());
            assertEquals("7", resumed.next());
            assertEquals("8", resumed.next());
            Recorder fromStart = new Recorder();
            connect(server, "/ticks?since=0&token=abc", fromStart);
            for (int seq = 4; seq <= 8; seq++) assertEquals(Integer.toString(seq), fromStart.next(), "only 5 are retained");
            Recorder live = new Recorder();
            connect(server, "/ticks", live);
            assertEquals(3, feed.subscribers());

            TickerHandler.Tick tick = feed.publish("ACME", 12.5);
            assertEquals(9, tick.seq());
            assertEquals("{\"type\":\"tick\",\"seq\":9,\"symbol\":\"ACME\",\"price\":12.50,\"time\":" + tick.time() + "}", tick.json());
            assertEquals("9", resumed.next());
            assertEquals("9", fromStart.next());
            assertEquals("9", live.next(), "without since= a subscriber gets live ticks only");
            assertEquals(5, feed.retained().size());
            assertEquals(5, feed.retained().get(0).seq());
        }
    }

    @Test
    void dropAfterCutsTheConnectionWithoutAClosingHandshake() throws Exception {
        TickerHandler feed = new TickerHandler(Duration.ZERO, 10);
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().route("/ticks", feed).start()) {
            Recorder flaky = new Recorder();
            connect(server, "/ticks?dropAfter=2", flaky);
            feed.publish();
            feed.publish();
            feed.publish();
            assertEquals("1", flaky.next());
            assertEquals("2", flaky.next());
            String end = flaky.next();
            assertTrue("error".equals(end) || "closed 1006".equals(end), "an abrupt end, not a closing handshake: " + end);
            assertNull(flaky.events.poll(200, TimeUnit.MILLISECONDS), "nothing after the drop");
            assertEquals(0, feed.subscribers());
        }
    }

    @Test
    void aBadQueryIsRefusedWith400() throws Exception {
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().start()) {
            for (String target : new String[] {"/ticks?since=-1", "/ticks?since=x", "/ticks?dropAfter=0"}) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> connect(server, target, new Recorder()));
                WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause(), target);
                assertEquals(400, refused.getResponse().statusCode(), target);
            }
        }
    }

    @Test
    void theBuiltInRoutePublishesWhileSomeoneListensAndStopsAfterwards() throws Exception {
        TickerHandler feed = new TickerHandler(Duration.ofMillis(10), 100);
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().route("/ticks", feed).start()) {
            Thread.sleep(100);
            assertEquals(0, feed.lastSeq(), "no listener, no clock");
            Recorder r = new Recorder();
            WebSocket ws = connect(server, "/ticks", r);
            for (int seq = 1; seq <= 5; seq++) assertEquals(Integer.toString(seq), r.next());
            ws.sendClose(1000, "bye").get(20, TimeUnit.SECONDS);
            assertNotNull(r.next());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (feed.subscribers() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(0, feed.subscribers());
            long stoppedAt = feed.lastSeq();
            Thread.sleep(200);
            assertEquals(stoppedAt, feed.lastSeq(), "the clock stopped with the last listener");
        }
        try (LocalWebSocketServer server = LocalWebSocketServer.builder().start()) {
            Recorder r = new Recorder();
            connect(server, "/ticks", r);
            assertEquals("1", r.next(), "the built-in /ticks route ticks on its own");
        }
    }
}
