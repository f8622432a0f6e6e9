package dev.wsjs.jstests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The servers JS test files can ask for with {@code // META: servers=name,...}. Each starts on first
 * use and is shared by every file of the run; {@link #close()} stops them all.
 *
 * <p>To add a server: one entry in {@link #FACTORIES} mapping its name to a factory that starts it
 * on 127.0.0.1 with an ephemeral port. Thread-safe.
 */
final class TestServers implements AutoCloseable {

    private static final Map<String, Supplier<TestServer>> FACTORIES = Map.of(
            "http", HttpTestServer::start,
            "ws", WebSocketTestServer::start,
            "ws-plain", WebSocketTestServer::startWithoutDeflate,
            "raw", RawHandshakeTestServer::start,
            "frames", RawFrameTestServer::start);

    private final Map<String, TestServer> started = new LinkedHashMap<>();

    /** Starts (or reuses) the named servers and returns name → URL, in the order asked. */
    synchronized Map<String, String> urls(List<String> names) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String name : names) {
            TestServer server = started.get(name);
            if (server == null) {
                Supplier<TestServer> factory = FACTORIES.get(name);
                if (factory == null) {
                    throw new IllegalArgumentException("no test server named '" + name + "' (known: " + FACTORIES.keySet() + ")");
                }
                server = factory.get();
                started.put(name, server);
            }
            urls.put(name, server.url());
        }
        return urls;
    }

    @Override
    public synchronized void close() {
        for (TestServer server : started.values()) server.close();
        started.clear();
    }
}
