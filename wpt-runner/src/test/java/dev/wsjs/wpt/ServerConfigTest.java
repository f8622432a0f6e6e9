package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    static final ServerConfig CONFIG = new ServerConfig("localhost", List.of(8000, 8001), List.of(8443, 8444),
            8010, 8011, 9000, Path.of("/wpt/_certs/cacert.pem"));

    private static WptTest test(String file, String variant) {
        return new WptTest(file, TestKind.ANY, GlobalScope.WINDOW, variant, ScriptMetadata.parse(""));
    }

    @Test
    void pageOriginFollowsTheVariantAndFileFlags() {
        assertEquals("http://localhost:8000", CONFIG.pageOrigin(test("/ws/a.any.js", "?default")));
        assertEquals("http://localhost:8000", CONFIG.pageOrigin(test("/ws/a.any.js", "?wss")));
        assertEquals("https://localhost:9000", CONFIG.pageOrigin(test("/ws/a.any.js", "?wpt_flags=h2")));
        assertEquals("https://localhost:8443", CONFIG.pageOrigin(test("/ws/a.any.js", "?wss&wpt_flags=https")));
        assertEquals("https://localhost:8443", CONFIG.pageOrigin(test("/ws/a.https.any.js", "")));
    }

    @Test
    void resourcesOfTheHttp2OriginAreFetchedOverHttps() {
        assertEquals(URI.create("https://localhost:8443/ws/c.sub.js?x=1"),
                CONFIG.fetchUri(URI.create("https://localhost:9000/ws/c.sub.js?x=1")));
        assertEquals(URI.create("http://localhost:8000/a.js"), CONFIG.fetchUri(URI.create("http://localhost:8000/a.js")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void generatedServeConfigBindsToLoopbackOnly() {
        Map<String, Object> json = (Map<String, Object>) Json.parse(CONFIG.toServeConfigJson());
        assertEquals("127.0.0.1", json.get("server_host"));
        assertEquals(true, json.get("bind_address"));
        assertEquals(false, json.get("check_subdomains"));
        assertEquals("localhost", json.get("browser_host"));
        Map<String, Object> ports = (Map<String, Object>) json.get("ports");
        assertEquals(List.of(8000L, 8001L), ports.get("http"));
        assertEquals(List.of(9000L), ports.get("h2"));
        assertEquals(List.of("auto"), ports.get("http-private"));
        Map<String, Object> ssl = (Map<String, Object>) json.get("ssl");
        assertEquals("openssl", ssl.get("type"));
        assertEquals("_certs", ((Map<String, Object>) ssl.get("openssl")).get("base_path"));
    }

    @Test
    void freePortsAreDistinct(@TempDir Path root) throws IOException {
        ServerConfig c = ServerConfig.onFreePorts(root);
        assertEquals(5, new HashSet<>(c.namedPorts().values()).size());
        assertNotEquals(c.http().get(0), c.http().get(1));
        assertEquals(root.resolve("_certs/cacert.pem"), c.caCertificate());
    }

    @Test
    void readsServeInfoAndWptConfigFiles(@TempDir Path dir) throws IOException {
        Path info = dir.resolve("serve-info.json");
        Files.writeString(info, """
                {"host": "localhost", "ports": {"http": [8000, 8001], "https": [8443, 8444], "ws": [8010],
                 "wss": [8011], "h2": [9000]}, "ca_cert": "/x/_certs/cacert.pem"}
                """);
        assertEquals(new ServerConfig("localhost", List.of(8000, 8001), List.of(8443, 8444), 8010, 8011, 9000,
                Path.of("/x/_certs/cacert.pem")), ServerConfig.read(info, dir));
        Path config = dir.resolve("config.json");
        Files.writeString(config, CONFIG.toServeConfigJson());
        assertEquals(new ServerConfig("localhost", CONFIG.http(), CONFIG.https(), 8010, 8011, 9000,
                dir.resolve("_certs/cacert.pem")), ServerConfig.read(config, dir));
    }
}
