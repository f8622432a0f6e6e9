package dev.wsjs;

/**
 * Receives errors no script handled: an exception that escaped a task (after the global
 * {@code error} event was not cancelled) or a promise rejection nobody handled (after
 * {@code unhandledrejection} was not cancelled). Invoked only by the loop thread.
 */
@FunctionalInterface
public interface UncaughtErrorHandler {

    /**
     * @param report the text a console would print, e.g. {@code Uncaught Error: boom} and the JS stack
     * @param runtime the runtime the error happened in, e.g. to {@link WsjsRuntime#exit(int)}
     */
    void uncaught(String report, WsjsRuntime runtime);

    /** Prints the report to the console sink as an error and keeps running (the embedding default). */
    static UncaughtErrorHandler printAndContinue() {
        return (report, runtime) -> runtime.console().write(ConsoleSink.Level.ERROR, report);
    }

    /** Deno's and Node's CLI behaviour: print the report, then end the program with exit code 1. */
    static UncaughtErrorHandler printAndExit() {
        return (report, runtime) -> {
            runtime.console().write(ConsoleSink.Level.ERROR, report);
            runtime.exit(1);
        };
    }
}
