package dev.wsjs.internal;

import java.util.Map;
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
        return create(Map.of());
    }

    /**
     * A new engine with the runtime's engine options, some replaced by {@code compilationDefaults}
     * (such as {@code engine.CompilerThreads}). Those apply only in JIT mode, and a value the user
     * gave with {@code -Dpolyglot.<name>=...} still wins over them.
     */
    public static Engine create(Map<String, String> compilationDefaults) {
        long start = System.nanoTime();
        // The compilation options exist only with the optimizing runtime, which needs the Graal
        // compiler module (resolved into the boot layer only when JVMCI is enabled).
        boolean compiler = ModuleLayer.boot().findModule("jdk.graal.compiler").isPresent();
        Engine.Builder builder = builder(compiler);
        if (compiler) compilationDefaults.forEach((name, value) -> defaultOption(builder, name, value));
        Engine engine = builder.build();
        StartupTrace.phase("engine", start);
        return engine;
    }

    private static Engine.Builder builder(boolean compilationOptions) {
        Engine.Builder builder = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                // GraalVM's experimental options (-Dpolyglot.engine.CompileOnly=..., thresholds, ...)
                // for profiling and tuning, only when asked for by name.
                .allowExperimentalOptions(Boolean.getBoolean(EXPERIMENTAL_OPTIONS_PROPERTY));
        if (compilationOptions) {
            // Measured with bench/compare.sh --pin same (client and server sharing one core): the Graal
            // compiler runs as Java code here (no native libgraal on a stock JDK), so compiling is slow
            // and competes with the program. The latency mode compiles with cheaper optimisations and
            // several compiler threads win their share of the core sooner: pingpong 3.1k -> 14.8k round
            // trips/s (p99 4.5 ms -> 0.1 ms), stream 71k -> 136k msg/s, and still 18% more after 3M messages.
            defaultOption(builder, "engine.Mode", "latency");
            defaultOption(builder, "engine.CompilerThreads",
                    Integer.toString(Math.max(COMPILER_THREADS, Runtime.getRuntime().availableProcessors() / 2)));
        }
        return builder;
    }

    /** The system property that lets {@code -Dpolyglot.*} name GraalVM's experimental options. */
    public static final String EXPERIMENTAL_OPTIONS_PROPERTY = "wsjs.experimentalOptions";

    /** At least this many compiler threads, even on a machine with fewer cores. */
    private static final int COMPILER_THREADS = 4;

    /** Sets an engine option unless the user chose a value with {@code -Dpolyglot.<name>=...}. */
    private static void defaultOption(Engine.Builder builder, String name, String value) {
        if (System.getProperty("polyglot." + name) == null) builder.option(name, value);
    }

    /** Whether this JVM runs GraalJS with the optimizing compiler (JIT mode) or interpreter only. */
    public static boolean optimizingCompilerAvailable() {
        // Truffle reports the runtime it picked: the optimized runtime needs JVMCI and the compiler jars.
        String name = get().getImplementationName();
        return name != null && !name.toLowerCase(java.util.Locale.ROOT).contains("interpreted");
    }
}
