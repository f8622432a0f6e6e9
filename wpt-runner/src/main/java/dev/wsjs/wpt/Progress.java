package dev.wsjs.wpt;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The line that shows how far a run is. On a terminal it is rewritten in place; in a log each finished
 * test gets its own line. Thread-safe.
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private int done;
    private int unexpected;

    Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    synchronized void finished(TestResult r, int unexpectedCount) {
        done++;
        unexpected += unexpectedCount;
        String counts = r.subtests().isEmpty() ? "" : " " + r.passedSubtests() + "/" + r.subtests().size();
        String line = String.format(Locale.ROOT, "[%d/%d] %s%s %s (%.1f s)%s", done, total, r.status(), counts, r.url(),
                r.durationMillis() / 1000.0, unexpectedCount > 0 ? "  UNEXPECTED" : "");
        if (terminal) {
            String status = String.format(Locale.ROOT, "[%d/%d] %d unexpected  %s", done, total, unexpected, r.url());
            out.print("\r\033[K" + status);
            if (unexpectedCount > 0) out.print("\r\033[K" + line + "\n");
        } else {
            out.println(line);
        }
        out.flush();
    }

    synchronized void end() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
