package dev.wsjs.internal;

import org.graalvm.polyglot.Engine;

/**
 * The one GraalJS {@link Engine} runtimes share by default: parsed sources and compiled code are
 * kept per engine, so the second runtime in a JVM costs milliseconds instead of a cold start.
 */
public final class SharedEngine {

    private SharedEngine() {}

    private static final class Holder {
        static final Engine ENGINE = create();
    }

    /** The process-wide engine, created on first use. */
    public static Engine get() {
        return Holder.ENGINE;
    }

    /** A new engine with the runtime's engine options (e.g. for a runtime that must not share code). */
    public static Engine create() {
        long start = System.nanoTime();
        Engine engine = Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        StartupTrace.phase("engine", start);
        return engine;
    }

    /** Whether this JVM runs GraalJS with the optimizing compiler (JIT mode) or interpreter only. */
    public static boolean optimizingCompilerAvailable() {
        // Truffle reports the runtime it picked: the optimized runtime needs JVMCI and the compiler jars.
        String name = get().getImplementationName();
        return name != null && !name.toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    }
}
