package dev.wsjs.examples.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.examples.ExampleFiles;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.TickerHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** examples/bots/market-data.mjs against a feed whose server is killed and restarted on the same port. */
@Timeout(240)
class MarketDataBotTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "summary \\{\"lastSeq\":(\\d+),\"received\":(\\d+),\"duplicates\":(\\d+),\"gaps\":(\\d+),\"reconnects\":(\\d+),\"checksum\":(\\d+)}");

    @Test
    void theBotResumesAfterTheFeedServerIsKilledAndRestartedWithoutLosingOrRepeatingATick() throws Exception {
        Path bots = ExampleFiles.dir("bots");
        // The feed outlives its server, as an exchange outlives one of its gateways.
        TickerHandler feed = new TickerHandler(Duration.ofMillis(20), 10_000);
        BotConsole console = new BotConsole();
        LocalWebSocketServer server = LocalWebSocketServer.builder().route("/ticks", feed).start();
        int port = server.port();
        try (WsjsRuntime bot = WsjsRuntime.builder()
                .location("http://127.0.0.1:" + port + "/")
                .moduleRoot(bots)
                .args(List.of("--until=150", "--quiet"))
                .console(console)
                .build()) {
            bot.evalModule(bots.resolve("market-data.mjs"));
            assertTrue(bot.runUntil(() -> feed.lastSeq() >= 40, Duration.ofSeconds(60)), "ticks flow:\n" + console);

            // Kill the server mid-stream: connections drop without a closing handshake.
            server.close();
            for (int i = 0; i < 10; i++) feed.publish(); // published while the bot is away
            // The bot notices, and fails to reconnect at least twice while the port is closed.
            assertTrue(bot.runUntil(() -> console.count(l -> l.startsWith("reconnecting in")) >= 3, Duration.ofSeconds(60)),
                    "retries while the server is down:\n" + console);
            assertTrue(console.any(l -> l.startsWith("feed closed (code 1006, dropped)")), console.toString());

            server = LocalWebSocketServer.builder().port(port).route("/ticks", feed).start();
            assertTrue(bot.runUntil(() -> console.last("summary ") != null, Duration.ofSeconds(90)),
                    "the bot reaches tick 150:\n" + console);
            // A clean exit: the bot closes its socket and clears its timers, so the loop goes idle.
            assertTrue(BotConsole.endsWithin(bot, Duration.ofSeconds(60)), "the bot ended on its own:\n" + console);

            Matcher m = SUMMARY.matcher(console.last("summary "));
            assertTrue(m.matches(), console.toString());
            long lastSeq = Long.parseLong(m.group(1));
            assertTrue(lastSeq >= 150, console.toString());
            assertEquals(lastSeq, Long.parseLong(m.group(2)), "every tick from 1 to the last was applied once");
            assertEquals(0, Long.parseLong(m.group(3)), "duplicates");
            assertEquals(0, Long.parseLong(m.group(4)), "gaps");
            assertTrue(Long.parseLong(m.group(5)) >= 1, "reconnects");
            // The bot's sum of prices equals the feed's over the same ticks: none lost, none counted twice.
            long expected = feed.retained().stream().filter(t -> t.seq() <= lastSeq)
                    .mapToLong(t -> Math.round(t.price() * 100)).sum();
            assertEquals(expected, Long.parseLong(m.group(6)), "checksum");
            assertFalse(console.any(l -> l.startsWith("E ")), console.toString());
            assertEquals(0, feed.subscribers(), "the bot closed its socket");
        } finally {
            server.close();
        }
    }
}
