package dev.wsjs;

import java.io.PrintStream;

/**
 * Where {@code console.*} output goes. The JS console formats; the sink only writes lines.
 * Invoked only by the loop thread.
 */
@FunctionalInterface
public interface ConsoleSink {

    /** Severity of a console line, from the console method that produced it. */
    enum Level { DEBUG, LOG, INFO, WARN, ERROR }

    /** Writes one formatted console line (without a trailing newline). */
    void write(Level level, String text);

    /** Node's convention: log/info/debug to stdout, warn/error to stderr. */
    static ConsoleSink stdio() {
        return stdio(System.out, System.err);
    }

    static ConsoleSink stdio(PrintStream out, PrintStream err) {
        return (level, text) -> {
            PrintStream s = (level == Level.WARN || level == Level.ERROR) ? err : out;
            s.println(text);
        };
    }
}
