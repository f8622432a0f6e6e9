package dev.wsjs.console;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.testing.TestRuntime;
import java.util.List;

/** A test runtime for console output: what a piece of code printed, line by line. */
final class ConsoleRuntime extends TestRuntime {

    ConsoleRuntime() {
        super(WsjsRuntime.builder());
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
}
