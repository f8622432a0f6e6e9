package dev.wsjs.examples.bots;

import dev.wsjs.ConsoleSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records what a bot prints, so a test can wait for a line and show the whole output when it fails. */
final class BotConsole implements ConsoleSink {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void write(Level level, String text) {
        lines.add((level == Level.ERROR ? "E " : "") + text);
    }

    boolean any(Predicate<String> test) {
        return lines.stream().anyMatch(test);
    }

    long count(Predicate<String> test) {
        return lines.stream().filter(test).count();
    }

    String last(String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) return lines.get(i);
        }
        return null;
    }

    /** Pumps the bot's loop until nothing is pending; false if it still had work after {@code limit}. */
    static boolean endsWithin(dev.wsjs.WsjsRuntime bot, java.time.Duration limit) {
        long start = System.nanoTime();
        bot.runUntil(() -> false, limit); // returns early only when the loop is idle
        return System.nanoTime() - start < limit.toNanos();
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
