package dev.wsjs.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import org.graalvm.polyglot.Engine;

/**
 * {@code --inspect}: a dedicated engine with GraalJS's Chrome DevTools protocol backend. The
 * backend prints the {@code ws://} address to attach to; {@code --inspect-brk} waits for a
 * debugger and pauses on the first line, like Node.
 */
final class Inspector {

    private Inspector() {}

    static Engine engine(String port, boolean breakOnStart, PrintStream err) {
        return Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .option("inspect", port)
                .option("inspect.Suspend", Boolean.toString(breakOnStart))
                .option("inspect.WaitAttached", Boolean.toString(breakOnStart))
                .err(new NonClosing(err))
                .build();
    }

    /** The engine closes its streams with itself; the CLI's stderr must outlive it. */
    private static final class NonClosing extends PrintStream {
        NonClosing(OutputStream out) {
            super(out, true);
        }

        @Override
        public void close() {
            flush();
        }
    }
}
