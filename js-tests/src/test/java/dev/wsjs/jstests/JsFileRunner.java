package dev.wsjs.jstests;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.websocket.WebSocketSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Runs one JS test file in a fresh runtime (on the shared engine): the harness first, then the
 * file's META scripts, then the file; then the "load event", and the loop is pumped until the
 * harness reports or the file's time is up. Invoked on the calling thread, which owns the runtime.
 */
final class JsFileRunner {

    /** Extra time the runner gives the harness over its own timeout before expiring it. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private static final String HARNESS = loadHarness();

    /** Closes runtimes stuck in a script that never returns to the loop. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "js-tests-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final TestServers servers;

    JsFileRunner(TestServers servers) {
        this.servers = servers;
    }

    FileResult run(Path file, String location) throws IOException {
        TestMeta meta = TestMeta.read(file);
        Map<String, String> urls = servers.urls(meta.servers());
        List<String> console = new ArrayList<>();
        FileResult[] result = new FileResult[1];
        Value[] harnessApi = new Value[1];

        WsjsRuntime.Builder builder = WsjsRuntime.builder();
        WebSocketSettings[] webSocket = {WebSocketSettings.defaults()};
        meta.limits().forEach((name, value) -> {
            switch (name) {
                case "maxOpenWebSockets" -> builder.maxOpenWebSockets(Math.toIntExact(value));
                case "maxQueuedOutgoingBytes" -> builder.maxQueuedOutgoingBytes(value);
                case "statementLimit" -> builder.statementLimit(value);
                case "handshakeTimeoutMs" -> webSocket[0] = webSocket[0].withHandshakeTimeout(Duration.ofMillis(value));
                case "closeTimeoutMs" -> webSocket[0] = webSocket[0].withCloseTimeout(Duration.ofMillis(value));
                case "maxIncomingMessageBytes" -> webSocket[0] = webSocket[0].withMaxIncomingMessageBytes(value);
                case "pingIntervalMs" -> webSocket[0] = webSocket[0].withPingInterval(Duration.ofMillis(value));
                case "pongTimeoutMs" -> webSocket[0] = webSocket[0].withPongTimeout(Duration.ofMillis(value));
                default -> throw new IllegalArgumentException("unknown limit " + name);
            }
        });
        builder.webSocketSettings(webSocket[0]);
        WsjsRuntime rt = builder
                .location(location)
                .console((level, text) -> console.add(level + " " + text))
                .onUncaughtError((report, runtime) -> {
                    console.add("UNCAUGHT " + report);
                    if (harnessApi[0] != null) harnessApi[0].invokeMember("uncaught", report);
                })
                .build();
        Duration limit = meta.timeout().plus(GRACE);
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(rt::close, limit.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
        try {
            Value global = rt.eval("globalThis", "servers.js");
            Value serverUrls = rt.eval("({})", "servers.js");
            urls.forEach(serverUrls::putMember);
            global.putMember("SERVERS", serverUrls);
            rt.eval("Object.freeze(globalThis.SERVERS)", "servers.js");

            rt.eval(HARNESS, "harness.js");
            harnessApi[0] = rt.eval("__wsjsHarness", "harness.js");
            harnessApi[0].putMember("report", (ProxyExecutable) args -> {
                result[0] = toResult(args[0], console);
                return null;
            });

            for (String script : meta.scripts()) {
                Path include = file.resolveSibling(script).normalize();
                rt.eval(Files.readString(include), include.getFileName().toString());
            }
            rt.eval(Files.readString(file), file.getFileName().toString());

            Value settings = rt.eval("({})", "settings.js");
            settings.putMember("timeout", meta.timeout().toMillis());
            harnessApi[0].invokeMember("loaded", settings);

            rt.runUntil(() -> result[0] != null, limit);
            if (result[0] == null && !rt.isClosed()) harnessApi[0].invokeMember("expire");
            if (result[0] == null) {
                return new FileResult("TIMEOUT", "the harness did not report within " + limit.toSeconds() + " s", null, List.of(), console);
            }
            return result[0];
        } finally {
            watchdog.cancel(false);
            rt.close();
        }
    }

    private static FileResult toResult(Value report, List<String> console) {
        List<FileResult.Subtest> tests = new ArrayList<>();
        Value list = report.getMember("tests");
        for (long i = 0; i < list.getArraySize(); i++) {
            Value t = list.getArrayElement(i);
            tests.add(new FileResult.Subtest(string(t, "name"), string(t, "status"), string(t, "message"), string(t, "stack")));
        }
        return new FileResult(string(report, "status"), string(report, "message"), string(report, "stack"),
                List.copyOf(tests), console);
    }

    private static String string(Value object, String member) {
        Value v = object.getMember(member);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    private static String loadHarness() {
        try (InputStream in = JsFileRunner.class.getResourceAsStream("harness.js")) {
            if (in == null) throw new IllegalStateException("harness.js missing from the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
