package dev.wsjs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsjs.WsjsRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ES modules read their own directory tree and nothing else. Every file outside the root sets
 * {@code globalThis.leaked} when evaluated, so a read that got through shows even if the import
 * looked refused.
 */
class ModuleSandboxTest {

    @TempDir
    Path dir;
    Path root;
    Path outside;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> uncaught = new CopyOnWriteArrayList<>();

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectory(dir.resolve("app"));
        outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(dir.resolve("secret.mjs"), "globalThis.leaked = true; export const secret = 42;");
        Files.writeString(outside.resolve("secret.mjs"), "globalThis.leaked = true; export const secret = 43;");
        Files.writeString(dir.resolve("secret.json"), "{\"leaked\": true}");
        Files.writeString(dir.resolve("secret.js"), "globalThis.leaked = true;");
        Files.writeString(root.resolve("lib.mjs"), "export const ok = 'yes';");
        Files.createDirectory(root.resolve("sub"));
        Files.writeString(root.resolve("sub").resolve("inner.mjs"), "export { ok } from '../lib.mjs';");
    }

    /** Runs main.mjs with {@code body} and returns what it logged. */
    private List<String> runMain(String body) throws IOException {
        Path main = root.resolve("main.mjs");
        Files.writeString(main, body);
        try (WsjsRuntime rt = WsjsRuntime.builder().moduleRoot(root)
                .console((level, text) -> out.add(text))
                .onUncaughtError((report, runtime) -> uncaught.add(report))
                .build()) {
            rt.evalModule(main);
            rt.runUntilIdle();
            out.add("leaked=" + rt.eval("globalThis.leaked === true").asBoolean());
        }
        return out;
    }

    private void assertRefused(String specifier) throws IOException {
        List<String> log = runMain("try { await import(" + specifier + "); console.log('loaded'); }"
                + " catch (e) { console.log('refused ' + e.name); }");
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("refused "), log.toString());
        assertEquals("leaked=false", log.get(1));
    }

    @Test
    void importsInsideTheRootWork() throws IOException {
        // The control for the refusals below.
        List<String> log = runMain("import { ok } from './sub/inner.mjs'; const m = await import('./sub/../lib.mjs');"
                + " console.log(ok + ' ' + m.ok);");
        assertEquals(List.of("yes yes", "leaked=false"), log);
    }

    @Test
    void parentDirectoryImportIsRefused() throws IOException {
        assertRefused("'../secret.mjs'");
    }

    @Test
    void deepParentTraversalIsRefused() throws IOException {
        assertRefused("'./sub/../../secret.mjs'");
    }

    @Test
    void percentEncodedTraversalIsRefused() throws IOException {
        assertRefused("'./%2e%2e/secret.mjs'");
    }

    @Test
    void absolutePathImportIsRefused() throws IOException {
        assertRefused("'" + dir.resolve("secret.mjs").toAbsolutePath() + "'");
    }

    @Test
    void fileUrlImportIsRefused() throws IOException {
        assertRefused("'" + dir.resolve("secret.mjs").toUri() + "'");
    }

    @Test
    void systemFileImportIsRefused() throws IOException {
        List<String> log = runMain("try { await import('/etc/passwd'); console.log('loaded'); }"
                + " catch (e) { console.log('refused ' + e.name); }");
        assertTrue(log.get(0).startsWith("refused "), log.toString());
    }

    @Test
    void jsonImportOutsideTheRootIsRefused() throws IOException {
        List<String> log = runMain("try { const m = await import('../secret.json', { with: { type: 'json' } });"
                + " console.log('loaded ' + JSON.stringify(m.default)); } catch (e) { console.log('refused ' + e.name); }");
        assertTrue(log.get(0).startsWith("refused "), log.toString());
    }

    @Test
    void httpUrlImportIsRefused() throws IOException {
        assertRefused("'http://127.0.0.1:1/secret.mjs'");
    }

    @Test
    void symlinkedFileToOutsideIsRefused() throws IOException {
        assumeTrue(symlink(root.resolve("link.mjs"), dir.resolve("secret.mjs")), "symbolic links unsupported here");
        assertRefused("'./link.mjs'");
    }

    @Test
    void symlinkedDirectoryToOutsideIsRefused() throws IOException {
        assumeTrue(symlink(root.resolve("linked"), outside), "symbolic links unsupported here");
        assertRefused("'./linked/secret.mjs'");
    }

    @Test
    void staticImportOutsideTheRootFailsTheModuleBeforeItRuns() throws IOException {
        List<String> log = runMain("import { secret } from '../secret.mjs'; console.log('ran ' + secret);");
        assertEquals(List.of("leaked=false"), log);
        assertEquals(1, uncaught.size(), uncaught.toString());
    }

    @Test
    void classicScriptsOutsideTheRootCannotBeImportedEither() throws IOException {
        assertRefused("'../secret.js'");
    }

    private static boolean symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
