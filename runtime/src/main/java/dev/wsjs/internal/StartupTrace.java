package dev.wsjs.internal;

/**
 * {@code -Dwsjs.trace.startup=true}: prints on stderr how long each startup phase took, so cold
 * start can be measured per phase. Depends on nothing else, so tracing starts before GraalJS loads.
 */
public final class StartupTrace {

    public static final boolean ENABLED = Boolean.getBoolean("wsjs.trace.startup");
    /** When this class was initialized: the reference for {@link #mark(String)}. */
    private static final long ORIGIN = System.nanoTime();

    private StartupTrace() {}

    /** Prints how long the phase that began at {@code startNanos} ({@link System#nanoTime()}) took. */
    public static void phase(String name, long startNanos) {
        if (ENABLED) System.err.printf("wsjs: %-36s %6.1f ms%n", name, (System.nanoTime() - startNanos) / 1e6);
    }

    /** Prints the time since the CLI (or the first runtime) started, and the wall clock to compare with the launch. */
    public static void mark(String point) {
        if (ENABLED) {
            System.err.printf("wsjs: %-36s at %6.1f ms (wall clock %d ms)%n", point,
                    (System.nanoTime() - ORIGIN) / 1e6, System.currentTimeMillis());
        }
    }
}
