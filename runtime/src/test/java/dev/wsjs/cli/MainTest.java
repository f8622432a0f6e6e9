package dev.wsjs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes and messages. */
class MainTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUncaughtErrorInATaskExitsWithOne() {
        Result r = run("-e", "setTimeout(() => { throw new Error('boom') }, 1); setTimeout(() => { globalThis.never = 1 }, 500)");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("Uncaught Error: boom"), r.err());
    }

    @Test
    void anUnhandledRejectionExitsWithOne() {
        Result r = run("-e", "Promise.reject(new TypeError('nope'))");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Uncaught (in promise) TypeError: nope"), r.err());
    }

    @Test
    void aScriptThatFinishesExitsWithZeroAfterItsTimers(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("ok.js");
        Files.writeString(script, "setTimeout(() => wsjs.exit(wsjs.args.length === 2 && wsjs.args[1] === 'b' ? 0 : 3), 5);");
        assertEquals(0, run(script.toString(), "a", "b").code());
    }

    @Test
    void wsjsExitEndsTheProgramAtOnceWithItsCode() {
        Result r = run("-e", "console.log('before'); try { wsjs.exit(7) } finally { console.log('finally') } console.log('after')");
        assertEquals(7, r.code());
        assertEquals("before", r.out().strip(), "nothing runs after exit, not even finally blocks");
    }

    @Test
    void usageErrorsSayWhatWasWrongInOneLine() {
        Result unknown = run("--frobnicate", "x.js");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().startsWith("wsjs: unknown option '--frobnicate'"), unknown.err());
        Result missing = run("does-not-exist.js");
        assertEquals(2, missing.code());
        assertEquals("wsjs: cannot find script 'does-not-exist.js': no such file", missing.err().strip());
        assertEquals(2, run().code());
        assertEquals(2, run("--location", "not a url", "-e", "1").code());
    }

    @Test
    void helpAndVersion() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Usage: wsjs"));
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().contains("mode: "), version.out());
    }

    @Test
    void environmentIsOnlyVisibleWhenGranted() {
        assertEquals(0, run("-e", "wsjs.exit(wsjs.env === undefined ? 0 : 1)").code());
        assertEquals(0, run("--allow-env", "-e", "wsjs.exit(typeof wsjs.env.PATH === 'string' ? 0 : 1)").code());
    }
}
