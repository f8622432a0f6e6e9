package dev.wsjs.cli;

import dev.wsjs.WsjsRuntime;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as Node handles them: the first goes to the script's signal listeners
 * ({@code wsjs.addSignalListener}) so it can close its sockets, and ends the program with
 * 128 + the signal number if there are none; a second signal ends the process at once.
 */
final class SignalHandling {

    private SignalHandling() {}

    static void install(WsjsRuntime runtime) {
        AtomicInteger received = new AtomicInteger();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    int exitCode = 128 + signal.getNumber();
                    if (received.incrementAndGet() > 1) {
                        Runtime.getRuntime().halt(exitCode);
                    }
                    runtime.signal("SIG" + name).whenComplete((handled, error) -> {
                        if (error != null || !handled) runtime.exit(exitCode);
                    });
                });
            } catch (IllegalArgumentException e) {
                // The platform has no such signal (or it is reserved by the JVM): keep the default.
            }
        }
    }
}
