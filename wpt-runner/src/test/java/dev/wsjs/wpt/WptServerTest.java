package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts and stops a stand-in for {@code wpt serve}: a small Python server that reads the generated
 * config, listens on its ports, writes the CA file and forks a worker process, like the real one.
 */
@Timeout(60)
class WptServerTest {

    /** A stand-in server of the project's own, just enough of {@code wpt serve}'s process shape. */
    private static final String FAKE_WPT = """
            import http.server, json, os, socket, subprocess, sys, threading
            config = json.load(open(sys.argv[sys.argv.index("--config") + 1]))
            assert config["server_host"] == "127.0.0.1" and config["bind_address"] is True
            os.makedirs(config["ssl"]["openssl"]["base_path"], exist_ok=True)
            open(os.path.join(config["ssl"]["openssl"]["base_path"], "cacert.pem"), "w").write("not a real CA")
            worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
            open("worker.pid", "w").write(str(worker.pid))
            class Handler(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = b"served by the stand-in"
                    self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
                    self.wfile.write(body)
                do_HEAD = do_GET
                def log_message(self, *args): pass
            def listen(port):
                s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("127.0.0.1", port)); s.listen(16)
                while True: s.accept()[0].close()
            ports = config["ports"]
            for name in ("https", "ws", "wss", "h2"):
                for p in ports[name]:
                    threading.Thread(target=listen, args=(p,), daemon=True).start()
            http.server.ThreadingHTTPServer(("127.0.0.1", ports["http"][0]), Handler).serve_forever()
            """;

    private static String python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) return Path.of(dir, "python3").toString();
        }
        return null;
    }

    @Test
    void startsOnFreeLoopbackPortsAndStopsTheWholeProcessGroup(@TempDir Path root) throws Exception {
        String python = python();
        assumeTrue(python != null, "needs python3 for the stand-in server");
        Files.writeString(root.resolve("wpt"), FAKE_WPT);
        Files.createDirectories(root.resolve("tools"));

        long workerPid;
        ProcessHandle serverProcess;
        try (WptServer server = WptServer.start(root, python, Duration.ofSeconds(30), List.of())) {
            ServerConfig config = server.config();
            HttpResponse<String> page = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + config.http().getFirst() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("served by the stand-in", page.body());
            assertTrue(Files.isRegularFile(config.caCertificate()));
            workerPid = Long.parseLong(Files.readString(root.resolve("worker.pid")).strip());
            serverProcess = ProcessHandle.of(server.pid()).orElseThrow();
            assertTrue(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false), "worker started");
        }
        assertFalse(serverProcess.isAlive(), "server stopped");
        // The worker is not the server's Java child: only signalling the process group reaches it.
        for (int i = 0; i < 50 && ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertFalse(ProcessHandle.of(workerPid).map(ProcessHandle::isAlive).orElse(false), "worker process stopped");
    }

    @Test
    void aServerThatDiesDuringStartupIsReportedWithItsLog(@TempDir Path root) throws Exception {
        String python = python();
        assumeTrue(python != null, "needs python3 for the stand-in server");
        Files.writeString(root.resolve("wpt"), "import sys\nprint('cannot bind: address in use')\nsys.exit(3)\n");
        Files.createDirectories(root.resolve("tools"));
        IOException e = assertThrows(IOException.class, () -> WptServer.start(root, python, Duration.ofSeconds(30), List.of()));
        assertTrue(e.getMessage().contains("exited with 3"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot bind: address in use"), e.getMessage());
    }
}
