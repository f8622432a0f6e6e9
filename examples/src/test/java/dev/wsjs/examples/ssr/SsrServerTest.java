package dev.wsjs.examples.ssr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.examples.ExampleFiles;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.TickerHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SSR example end to end: a tick published on the feed shows in the pages the HTTP server renders. */
@Timeout(180)
class SsrServerTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Renders pages until one satisfies {@code test}; every runtime has its own subscription, so each must catch up. */
    private String pageWhere(URI uri, Predicate<String> test, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String page = null;
        while (System.nanoTime() < deadline) {
            page = get(uri).body();
            if (test.test(page)) return page;
            Thread.sleep(20);
        }
        throw new AssertionError("no page " + what + " within 20 s; last page:\n" + page);
    }

    @Test
    void aTickPublishedOnTheFeedAppearsInTheRenderedPages() throws Exception {
        TickerHandler feed = new TickerHandler(Duration.ZERO, 100); // publishes only what the test publishes
        try (LocalWebSocketServer feedServer = LocalWebSocketServer.builder().route("/ticks", feed).start()) {
            try (SsrServer server = SsrServer.start(0, ExampleFiles.dir("ssr").resolve("page.js"), feedServer.uri("/ticks"), 2)) {
                assertEquals(2, feed.subscribers(), "each runtime subscribed before the server took requests");

                HttpResponse<String> first = get(server.uri());
                assertEquals(200, first.statusCode());
                assertEquals("text/html; charset=utf-8", first.headers().firstValue("Content-Type").orElse(""));
                assertTrue(first.body().contains("waiting for the first tick"), first.body());
                assertTrue(first.body().contains("data-last-seq=\"0\""), first.body());

                TickerHandler.Tick up = feed.publish("WSJS", 123.45);
                String page = pageWhere(server.uri(), p -> p.contains("data-last-seq=\"" + up.seq() + "\""), "with tick " + up.seq());
                assertTrue(page.contains("<tr class=\"flat\"><td>WSJS</td><td>123.45</td><td>+0.00</td><td>1</td></tr>"), page);
                // Both runtimes have it: the next pages, whichever runtime renders them, show it too.
                for (int i = 0; i < 6; i++) {
                    pageWhere(server.uri(), p -> p.contains("<td>WSJS</td><td>123.45</td>"), "from every runtime");
                }

                TickerHandler.Tick down = feed.publish("WSJS", 120.00);
                feed.publish("JVM", 140.10);
                page = pageWhere(server.uri(), p -> p.contains("data-last-seq=\"3\""), "with tick 3");
                assertTrue(page.contains("<tr class=\"down\"><td>WSJS</td><td>120.00</td><td>-3.45</td><td>" + down.seq() + "</td></tr>"), page);
                assertTrue(page.contains("<td>JVM</td><td>140.10</td>"), page);

                page = get(server.uri().resolve("/quotes/%3Cb%3E?symbol=JVM")).body();
                assertTrue(page.contains("rendered for /quotes/&lt;b&gt;"), "request data is escaped: " + page);
                assertTrue(page.contains("Live prices for JVM") && !page.contains("<td>WSJS</td>"), page);

                assertEquals(405, http.send(HttpRequest.newBuilder(server.uri()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            // Closing the server made its runtimes disappear: their subscriptions are gone.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (feed.subscribers() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(0, feed.subscribers());
        }
    }
}
