package dev.wsjs.jstests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code // META:} lines at the top of a test file, as in web-platform-tests:
 * <ul>
 *   <li>{@code // META: servers=echo,http} — servers the file needs; their URLs are in {@code SERVERS.echo} …</li>
 *   <li>{@code // META: timeout=long} — the file may run for a minute instead of ten seconds</li>
 *   <li>{@code // META: script=resources/helpers.js} — a script (relative to the file) evaluated before it</li>
 *   <li>{@code // META: limits=maxOpenWebSockets:2,maxQueuedOutgoingBytes:4096} — embedder limits of the
 *       file's runtime ({@code WsjsRuntime.Builder} methods of those names; also {@code statementLimit}, and
 *       the {@code WebSocketSettings} {@code handshakeTimeoutMs}, {@code closeTimeoutMs},
 *       {@code maxIncomingMessageBytes}, {@code pingIntervalMs}, {@code pongTimeoutMs})</li>
 * </ul>
 * META lines must come before the first line that is not a comment or blank.
 */
record TestMeta(List<String> servers, Duration timeout, List<String> scripts, Map<String, Long> limits) {

    static final Set<String> LIMITS = Set.of("maxOpenWebSockets", "maxQueuedOutgoingBytes", "statementLimit",
            "handshakeTimeoutMs", "closeTimeoutMs", "maxIncomingMessageBytes", "pingIntervalMs", "pongTimeoutMs");

    static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(10);
    static final Duration LONG_TIMEOUT = Duration.ofSeconds(60);

    static TestMeta read(Path file) throws IOException {
        List<String> servers = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        Duration timeout = NORMAL_TIMEOUT;
        Map<String, Long> limits = new LinkedHashMap<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (!line.startsWith("//")) break;
            String body = line.substring(2).strip();
            if (!body.startsWith("META:")) continue;
            String setting = body.substring("META:".length()).strip();
            int eq = setting.indexOf('=');
            if (eq < 0) throw new IllegalArgumentException(file + ": META line without '=': " + raw);
            String key = setting.substring(0, eq).strip();
            String value = setting.substring(eq + 1).strip();
            switch (key) {
                case "servers" -> {
                    for (String name : value.split(",")) if (!name.isBlank()) servers.add(name.strip());
                }
                case "timeout" -> {
                    if (!value.equals("long")) throw new IllegalArgumentException(file + ": META timeout must be 'long': " + raw);
                    timeout = LONG_TIMEOUT;
                }
                case "script" -> scripts.add(value);
                case "limits" -> {
                    for (String pair : value.split(",")) {
                        String[] kv = pair.strip().split(":");
                        if (kv.length != 2 || !LIMITS.contains(kv[0].strip())) {
                            throw new IllegalArgumentException(file + ": META limits takes name:value pairs of " + LIMITS + ": " + raw);
                        }
                        limits.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
                    }
                }
                case "title", "global" -> { /* informational in this runner */ }
                default -> throw new IllegalArgumentException(file + ": unknown META key '" + key + "'");
            }
        }
        return new TestMeta(List.copyOf(servers), timeout, List.copyOf(scripts), Map.copyOf(limits));
    }
}
