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

    /** Runs the CLI in a new JVM with extra JVM options (the engine's options are fixed once per process). */
    private static Result runInNewJvm(java.util.List<String> jvmOptions, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // What the wsjs launcher passes besides the mode's options.
        command.addAll(java.util.List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
                "-Dpolyglotimpl.AttachLibraryFailureAction=ignore", "-Dpolyglot.engine.WarnInterpreterOnly=false"));
        command.addAll(jvmOptions);
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the CLI did not exit");
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void aBadEngineOptionIsOneLineAndAUsageError() throws Exception {
        Result unknown = runInNewJvm(java.util.List.of("-Dpolyglot.engine.NoSuchOption=1"), "-e", "console.log(1)");
        assertEquals(2, unknown.code(), unknown.err());
        assertEquals("", unknown.out());
        // Without the compiler, Truffle itself may first print its interpreter-only notice; ours is the last line.
        String last = unknown.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("wsjs: bad GraalVM engine option") && last.contains("engine.NoSuchOption"), unknown.err());
        assertTrue(!unknown.err().contains("\tat "), "no stack trace: " + unknown.err());

        Result experimental = runInNewJvm(java.util.List.of("-Dpolyglot.engine.SynchronousThreadLocalActionMaxWait=60"), "-e", "console.log(1)");
        assertEquals(2, experimental.code(), experimental.err());
        assertTrue(experimental.err().contains("-Dwsjs.experimentalOptions=true"), experimental.err());

        Result allowed = runInNewJvm(java.util.List.of("-Dpolyglot.engine.SynchronousThreadLocalActionMaxWait=60",
                "-Dwsjs.experimentalOptions=true"), "-e", "console.log(1)");
        assertEquals(0, allowed.code(), allowed.err());
        assertEquals("1", allowed.out().strip());
    }
}
