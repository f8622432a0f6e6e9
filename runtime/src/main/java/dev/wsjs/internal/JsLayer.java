package dev.wsjs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The JavaScript WebIDL layer: the files under {@code dev/wsjs/js/}, evaluated in load order.
 * Each file is one function expression {@code (function (globalThis, internals, ops) { … })}:
 * it installs its interfaces on the global and shares private helpers through {@code internals},
 * so the Java {@code ops} never become reachable from user scripts.
 */
public final class JsLayer {

    /** The name prefix of the layer's sources (in stack traces; not counted by statement limits). */
    public static final String SOURCE_PREFIX = "wsjs:internal/";

    /** Load order; a file may use what the files before it put into {@code internals}. */
    static final List<String> FILES = List.of(
            "00_webidl.js",
            "01_dom_exception.js",
            "02_event.js",
            "03_timers.js",
            "04_console.js",
            "05_url.js",
            "06_encoding.js",
            "06_streams.js",
            "06_text_streams.js",
            "07_blob.js",
            "07_form_data.js",
            "08_abort.js",
            "09_globals.js",
            "09_messaging.js",
            "10_websocket.js",
            "11_wsjs_namespace.js",
            "12_websocket_stream.js");

    /**
     * Deletes the GraalJS globals that lead to the host, each of which must be gone before user code
     * runs: the Java and Polyglot builtins, the Java package globals (they resolve nothing with host
     * class lookup off, but name the host) and the shell's global `arguments`.
     */
    private static final Source PRELUDE = Source.newBuilder("js",
            "for (const name of ['Java', 'Polyglot', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'arguments']) {"
            + " if (!delete globalThis[name]) throw new Error('cannot remove the global ' + name); }"
            + " Object.create(null)", SOURCE_PREFIX + "prelude.js")
            .internal(true).buildLiteral();

    /**
     * {@code whenSettled(value, onFulfilled, onRejected)}: how the embedding API waits for a script's
     * promise. It uses the engine's own Promise and {@code then}, taken before any script ran, so
     * the Java callbacks never pass through a {@code then} a script replaced.
     */
    private static final Source WHEN_SETTLED = Source.newBuilder("js", """
            (function () {
              "use strict";
              const apply = Reflect.apply;
              const then = Promise.prototype.then;
              const NativePromise = Promise;
              return function whenSettled(value, onFulfilled, onRejected) {
                apply(then, new NativePromise((resolve) => resolve(value)), [onFulfilled, onRejected]);
              };
            })()""", SOURCE_PREFIX + "embedding.js").cached(true).internal(true).buildLiteral();

    /**
     * Sources are immutable and shared by every context of an engine, which caches their code. They
     * are internal: debuggers step over them and script stack traces do not show their frames.
     */
    private static final List<Source> SOURCES = FILES.stream().map(JsLayer::load).toList();

    private JsLayer() {}

    /**
     * Evaluates every layer file in {@code context} and returns the {@code internals} object.
     * Invoked only by the loop thread.
     */
    public static Value install(Context context, Object ops) {
        Value global = context.getBindings("js");
        long preludeStart = System.nanoTime();
        Value internals = context.eval(PRELUDE);
        StartupTrace.phase("prelude", preludeStart);
        Value globalThis = global.getMember("globalThis");
        for (Source source : SOURCES) {
            long start = System.nanoTime();
            Value install = context.eval(source);
            long parsed = System.nanoTime();
            install.execute(globalThis, internals, ops);
            if (StartupTrace.ENABLED) {
                long end = System.nanoTime();
                System.err.printf("wsjs: %-36s %6.1f ms (parse %5.1f, run %5.1f)%n", source.getName(),
                        (end - start) / 1e6, (parsed - start) / 1e6, (end - parsed) / 1e6);
            }
        }
        internals.putMember("whenSettled", context.eval(WHEN_SETTLED));
        return internals;
    }

    private static Source load(String file) {
        String resource = "/dev/wsjs/js/" + file;
        try (InputStream in = JsLayer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing JS layer file " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("js", text, SOURCE_PREFIX + file).cached(true).internal(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
