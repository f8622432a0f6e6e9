package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void parsesTheDocumentedCommandLine() {
        RunOptions o = Main.parse(List.of("--wpt", "/wpt", "websockets", "/websockets/Close-1000.any.html?wss",
                "--variants", "default,wss", "--expectations", "e.json", "--update-expectations",
                "--report=r.json", "--jobs", "3", "--timeout-multiplier", "2.5", "--verbose"));
        assertEquals(Path.of("/wpt"), o.wptRoot());
        assertEquals(List.of("websockets", "/websockets/Close-1000.any.html?wss"), o.testPaths());
        assertEquals(Set.of("default", "wss"), o.variants());
        assertEquals(Path.of("e.json"), o.expectations());
        assertTrue(o.updateExpectations());
        assertEquals(Path.of("r.json"), o.report());
        assertEquals(3, o.jobs());
        assertEquals(2.5, o.timeoutMultiplier());
        assertNull(o.serverConfig(), "starts its own server by default");
        assertTrue(o.verbose());
    }

    @Test
    void serverRunningDefaultsToTheCheckoutsServeInfo() {
        assertEquals(Path.of("/wpt/serve-info.json"), Main.parse(List.of("--wpt", "/wpt", "--server-running")).serverConfig());
        assertEquals(Path.of("/tmp/info.json"),
                Main.parse(List.of("--wpt", "/wpt", "--server-running", "/tmp/info.json")).serverConfig());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("websockets")));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--wpt", "/w", "--jobs", "0")));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--wpt", "/w", "--timeout-multiplier", "-1")));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--wpt", "/w", "--update-expectations")));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--wpt", "/w", "--frobnicate")));
        assertThrows(IllegalArgumentException.class, () -> Main.parse(List.of("--wpt")));
    }

    @Test
    void exitCodes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, Main.run(new String[] {"--help"}, o, e));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: wpt-runner"));
        assertEquals(2, Main.run(new String[] {"--bogus"}, o, e));
        assertEquals(3, Main.run(new String[] {"--wpt", "/nonexistent-wpt-checkout"}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a WPT checkout"), err.toString(StandardCharsets.UTF_8));
    }
}
