package dev.wsjs.console;

import dev.wsjs.ConsoleSink;
import dev.wsjs.WsjsRuntime;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;

/** A runtime owned by the test thread whose console lines are captured with their level. */
final class ConsoleRuntime implements AutoCloseable {

    record Line(ConsoleSink.Level level, String text) {}

    final WsjsRuntime runtime;
    final List<Line> lines = new ArrayList<>();

    ConsoleRuntime() {
        runtime = WsjsRuntime.builder()
                .console((level, text) -> lines.add(new Line(level, text)))
                .build();
    }

    /** Evaluates a script and returns its completion value as a string; fails if it threw. */
    String eval(String code) {
        Value v = runtime.eval(code, "test.js");
        if (v == null) throw new AssertionError("script threw; console: " + lines);
        return v.isString() ? v.asString() : v.toString();
    }

    /** Runs {@code code} and returns the text of the only console line it printed. */
    String printed(String code) {
        int before = lines.size();
        eval(code);
        if (lines.size() != before + 1) {
            throw new AssertionError("expected one console line from " + code + " but got " + lines.subList(before, lines.size()));
        }
        return lines.get(before).text();
    }

    /** What console.log prints for the value of the JS expression {@code expression}. */
    String log(String expression) {
        return printed("console.log(" + expression + ")");
    }

    /** Runs {@code code} and returns the lines it printed. */
    List<Line> run(String code) {
        int before = lines.size();
        eval(code);
        return List.copyOf(lines.subList(before, lines.size()));
    }

    @Override
    public void close() {
        runtime.close();
    }
}
