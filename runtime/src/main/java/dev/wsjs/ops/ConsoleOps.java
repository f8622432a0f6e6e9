package dev.wsjs.ops;

import dev.wsjs.ConsoleSink;
import dev.wsjs.internal.RuntimeServices;
import org.graalvm.polyglot.HostAccess;

/** Console output: the JS console formats, this writes the finished line to the runtime's sink. */
public final class ConsoleOps {

    private static final ConsoleSink.Level[] LEVELS = ConsoleSink.Level.values();
    private final RuntimeServices services;

    ConsoleOps(RuntimeServices services) {
        this.services = services;
    }

    /** @param level index into {@link ConsoleSink.Level}: 0 debug, 1 log, 2 info, 3 warn, 4 error */
    @HostAccess.Export
    public void write(int level, String text) {
        services.console().write(LEVELS[Math.max(0, Math.min(LEVELS.length - 1, level))], text);
    }
}
