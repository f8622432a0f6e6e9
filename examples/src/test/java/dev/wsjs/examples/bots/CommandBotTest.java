package dev.wsjs.examples.bots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.examples.ExampleFiles;
import dev.wsjs.server.Handler;
import dev.wsjs.server.LocalWebSocketServer;
import dev.wsjs.server.Session;
import dev.wsjs.server.UpgradeRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** examples/bots/command-bot.mjs in a room whose server is killed and restarted while commands are in flight. */
@Timeout(240)
class CommandBotTest {

    private static final Pattern REPLY = Pattern.compile("\\{\"from\":\"bot\",\"type\":\"reply\",\"to\":\"([^\"]+)\",\"text\":\"([^\"]*)\"(,\"repeat\":true)?}");

    /**
     * A room with one user who sends numbered commands and, like a queue with at-least-once delivery,
     * sends every command without a reply again when the bot says hello after a reconnect.
     */
    static final class Room implements Handler {
        final Map<String, String> commands = new ConcurrentHashMap<>(); // id -> text, every command sent
        final Map<String, List<String>> replies = new ConcurrentHashMap<>(); // id -> replies seen
        final AtomicInteger hellos = new AtomicInteger();
        volatile Session bot;

        void send(String id, String text) {
            commands.put(id, text);
            Session s = bot;
            if (s != null) s.sendText(command(id, text));
        }

        private static String command(String id, String text) {
            return "{\"type\":\"command\",\"id\":\"" + id + "\",\"from\":\"alice\",\"text\":\"" + text + "\"}";
        }

        int answered(String id) {
            return replies.getOrDefault(id, List.of()).size();
        }

        @Override
        public void onText(Session session, String text) {
            if (text.contains("\"type\":\"hello\"")) {
                bot = session;
                hellos.incrementAndGet();
                commands.forEach((id, command) -> {
                    if (answered(id) == 0) session.sendText(command(id, command));
                });
                return;
            }
            Matcher m = REPLY.matcher(text);
            if (m.matches()) replies.computeIfAbsent(m.group(1), k -> new CopyOnWriteArrayList<>()).add(m.group(2) + (m.group(3) != null ? " (repeat)" : ""));
        }

        @Override
        public void onClose(Session session, int code, String reason, boolean wasClean) {
            if (bot == session) bot = null;
        }
    }

    @Test
    void theBotReconnectsAndDoesEachCommandExactlyOnceThoughTheRoomDeliversSomeTwice() throws Exception {
        Path bots = ExampleFiles.dir("bots");
        Room room = new Room();
        BotConsole console = new BotConsole();
        LocalWebSocketServer server = LocalWebSocketServer.builder().route("/room", room).start();
        int port = server.port();
        try (WsjsRuntime bot = WsjsRuntime.builder()
                .location("http://127.0.0.1:" + port + "/")
                .moduleRoot(bots)
                .args(List.of("--url=/room"))
                .console(console)
                .build()) {
            bot.evalModule(bots.resolve("command-bot.mjs"));
            assertTrue(bot.runUntil(() -> room.bot != null, Duration.ofSeconds(60)), "the bot joins:\n" + console);

            for (int i = 1; i <= 10; i++) room.send("c" + i, "/add " + i);
            assertTrue(bot.runUntil(() -> room.answered("c10") > 0, Duration.ofSeconds(60)), console.toString());
            assertEquals(List.of("total 55"), room.replies.get("c10"));

            // Commands in flight when the server dies: some may be done with their reply lost.
            for (int i = 11; i <= 15; i++) room.send("c" + i, "/add " + i);
            server.close();
            room.replies.remove("c10"); // the room "forgets" it saw c10's reply: it will deliver c10 again
            assertTrue(bot.runUntil(() -> console.any(l -> l.contains("room closed")), Duration.ofSeconds(30)), console.toString());
            bot.runUntil(() -> false, Duration.ofMillis(700)); // a failed attempt or two against the closed port

            server = LocalWebSocketServer.builder().port(port).route("/room", room).start();
            assertTrue(bot.runUntil(() -> room.hellos.get() >= 2, Duration.ofSeconds(60)), "the bot rejoins:\n" + console);
            for (int i = 16; i <= 20; i++) room.send("c" + i, "/add " + i);
            room.send("c21", "/total");
            assertTrue(bot.runUntil(() -> room.answered("c21") > 0, Duration.ofSeconds(60)), console.toString());

            // 1 + … + 20 once each, although c10 (and maybe c11..c15) reached the bot twice.
            assertEquals(List.of("total 210 from 20 additions"), room.replies.get("c21"));
            assertEquals(List.of("total 55 (repeat)"), room.replies.get("c10"), "a repeat gets the first answer");
            for (int i = 1; i <= 20; i++) assertTrue(room.answered("c" + i) >= 1, "c" + i + " answered");

            room.send("c22", "/quit");
            assertTrue(BotConsole.endsWithin(bot, Duration.ofSeconds(60)), "after /quit nothing is pending:\n" + console);
            assertEquals(List.of("bye"), room.replies.get("c22"));
            assertTrue(console.any(l -> l.equals("[bot] shut down: 22 commands handled, total 210")), console.toString());
        } finally {
            server.close();
        }
    }
}
