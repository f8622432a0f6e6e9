package dev.wsjs.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.server.LocalWebSocketServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a script must not reach: Java (classes, reflection, the ops object), the environment
 * unless granted, process control beyond {@code wsjs.exit}. Module file access has its own test.
 */
class SandboxTest {

    private static WsjsRuntime runtime() {
        return WsjsRuntime.builder().console((level, text) -> {}).build();
    }

    private static String typeOf(String global) {
        try (WsjsRuntime rt = runtime()) {
            return rt.eval("typeof globalThis['" + global + "'] + '/' + ('" + global + "' in globalThis)").asString();
        }
    }

    @ParameterizedTest(name = "no global {0}")
    @ValueSource(strings = {"Java", "Polyglot", "Graal", "Packages", "java", "javax", "javafx", "com", "org", "edu",
            "JavaImporter", "JavaAdapter"})
    void noJavaInteropGlobal(String name) {
        assertEquals("undefined/false", typeOf(name));
    }

    @ParameterizedTest(name = "no global {0}")
    @ValueSource(strings = {"load", "loadWithNewGlobal", "print", "printErr", "quit", "exit", "readline", "read",
            "readbuffer", "require", "module", "exports", "process", "Deno", "Bun", "Debug", "Realm", "arguments",
            "$EXEC", "$ENV", "$ARG", "$OPTIONS"})
    void noShellOrServerRuntimeGlobal(String name) {
        assertEquals("undefined/false", typeOf(name));
    }

    @ParameterizedTest(name = "no global {0}")
    @ValueSource(strings = {"Worker", "SharedWorker", "ServiceWorker", "importScripts", "Thread", "spawn", "sync"})
    void noThreadCreatingGlobal(String name) {
        assertEquals("undefined/false", typeOf(name));
    }

    @Test
    void aJavaObjectAnEmbedderHandsInExposesNoMethods() {
        try (WsjsRuntime rt = runtime()) {
            Value probe = rt.eval("(o) => [typeof o.getClass, typeof o.delete, typeof o.listFiles, typeof o.toString,"
                    + " Reflect.ownKeys(o).length, (() => { try { return String(o.getClass()); } catch (e) { return e.name; } })()].join()");
            assertEquals("undefined,undefined,undefined,function,0,TypeError",
                    probe.execute(new java.io.File("/")).asString(), "only @HostAccess.Export members are visible");
        }
    }

    @Test
    void nothingReachableFromTheGlobalIsAJavaObject() throws Exception {
        try (LocalWebSocketServer server = LocalWebSocketServer.start();
             WsjsRuntime rt = WsjsRuntime.builder().location("http://127.0.0.1:" + server.port() + "/")
                     .console((level, text) -> {}).start()) {
            // Live WebSocket objects and received messages of both binary types join the walk.
            rt.evalAsync("""
                    new Promise((resolve, reject) => {
                      const ws = new WebSocket('/echo');
                      const samples = [ws];
                      ws.onopen = () => { ws.send(new Uint8Array([1, 2, 3])); };
                      ws.onerror = () => reject(new Error('no connection'));
                      ws.onmessage = (e) => {
                        samples.push(e, e.data);
                        if (ws.binaryType === 'blob') { ws.binaryType = 'arraybuffer'; ws.send('text'); ws.send(new Uint8Array([4])); return; }
                        if (samples.length >= 7) { globalThis.extraSamples = samples; resolve(samples.length); }
                      };
                    })""").get(30, java.util.concurrent.TimeUnit.SECONDS);
            List<String> found = hostValuesReached(rt);
            assertTrue(found.isEmpty(), "host objects reachable: " + found);
            int reached = rt.submit(ctx -> (int) ctx.getBindings("js").getMember("reachedCount").asInt()).get();
            assertTrue(reached > 1000, "the walk reached " + reached + " objects");
        }
    }

    @Test
    void theReachabilityWalkFindsAJavaObjectWhenThereIsOne() throws Exception {
        // The control for the test above: the same walk, with a host object planted deep inside.
        try (WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start()) {
            rt.submit(ctx -> {
                ctx.eval("js", "globalThis.plant = (o) => { Object.defineProperty(Blob.prototype, 'planted', { get() { return { deeper: [o] }; } }); }")
                        .execute(new StringBuilder("planted"));
                return null;
            }).get();
            List<String> found = hostValuesReached(rt);
            assertEquals(List.of("planted"), found);
        }
    }

    /** Runs the walk of reachable.js and returns the host and proxy values it reached. */
    private static List<String> hostValuesReached(WsjsRuntime rt) throws Exception {
        rt.evalAsync("(" + resource("reachable.js") + ").then((list) => { globalThis.reached = list; globalThis.reachedCount = list.length; return list.length; })")
                .get(120, java.util.concurrent.TimeUnit.SECONDS);
        return rt.submit(ctx -> {
            Value list = ctx.getBindings("js").getMember("reached");
            List<String> host = new ArrayList<>();
            for (long i = 0; i < list.getArraySize(); i++) {
                Value v = list.getArrayElement(i);
                if (v.isHostObject() || v.isProxyObject()) host.add(String.valueOf(v.isHostObject() ? v.asHostObject() : v));
            }
            return host;
        }).get();
    }

    @Test
    void theOpsObjectIsNotReachableByItsShape() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).start()) {
            rt.evalAsync("(" + resource("reachable.js") + ").then((list) => { globalThis.reached = list; return list.length; })")
                    .get(120, java.util.concurrent.TimeUnit.SECONDS);
            Object hits = rt.evalAsync("reached.filter((o) => { try { return 'ws' in o && 'runtime' in o || typeof o.connect === 'function' && typeof o.setEventCallback === 'function' || typeof o.exit === 'function' && typeof o.startTimer === 'function'; } catch { return false; } }).length")
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, hits);
        }
    }

    @Test
    void platformFunctionsThrowOnlyJavaScriptErrorsForAnyArgument() throws Exception {
        try (WsjsRuntime rt = WsjsRuntime.builder().location("http://127.0.0.1:1/app")
                .console((level, text) -> {}).onUncaughtError((report, runtime) -> {}).start()) {
            rt.evalAsync("(" + resource("reachable.js") + ").then((list) => { globalThis.reached = list; return list.length; })")
                    .get(120, java.util.concurrent.TimeUnit.SECONDS);
            rt.evalAsync("globalThis.fuzzed = (" + resource("fuzz.js") + ")(reached); fuzzed.calls").get(300, java.util.concurrent.TimeUnit.SECONDS);
            // Let rejected promises settle.
            rt.evalAsync("new Promise((r) => setTimeout(r, 200))").get(30, java.util.concurrent.TimeUnit.SECONDS);
            List<String> leaks = rt.submit(ctx -> {
                Value fuzzed = ctx.getBindings("js").getMember("fuzzed");
                Value thrown = fuzzed.getMember("thrown");
                List<String> bad = new ArrayList<>();
                for (long i = 0; i < thrown.getArraySize(); i++) {
                    Value entry = thrown.getArrayElement(i);
                    Value error = entry.getMember("error");
                    String text = describe(error);
                    if (error.isHostObject() || text.contains("java.") || text.contains("org.graalvm") || text.contains("dev.wsjs.")) {
                        bad.add(entry.getMember("fn") + " with argument set #" + entry.getMember("args") + ": " + text);
                    }
                }
                assertTrue(fuzzed.getMember("calls").asInt() > 5000, "calls: " + fuzzed.getMember("calls"));
                return bad;
            }).get();
            assertTrue(leaks.isEmpty(), "host exceptions reached scripts:\n" + String.join("\n", leaks));
        }
    }

    private static String describe(Value error) {
        try {
            if (error.hasMember("stack") && error.getMember("stack").isString()) return error.getMember("stack").asString();
            return error.toString();
        } catch (RuntimeException e) {
            return "<" + e + ">";
        }
    }

    @Test
    void errorPrepareStackTraceCannotCaptureFrames() {
        try (WsjsRuntime rt = runtime()) {
            String r = rt.eval("""
                    let called = false;
                    Error.prepareStackTrace = (error, frames) => { called = true; return frames; };
                    const stack = new Error('x').stack;
                    delete Error.prepareStackTrace;
                    [typeof stack, called, typeof Error.captureStackTrace, typeof Error.stackTraceLimit].join()""").asString();
            assertEquals("string,false,undefined,undefined", r);
        }
    }

    @Test
    void stackTracesShowNoJavaFrames() {
        try (WsjsRuntime rt = runtime()) {
            String stacks = rt.eval("""
                    const stacks = [];
                    try { new WebSocket('not a url'); } catch (e) { stacks.push(e.stack); }
                    try { new Blob([new Proxy({}, { get() { throw new Error('deep'); } })]); } catch (e) { stacks.push(e.stack); }
                    const t = new EventTarget();
                    t.addEventListener('x', () => { stacks.push(new Error('in a listener').stack); });
                    t.dispatchEvent(new Event('x'));
                    stacks.join('\\n---\\n')""").asString();
            assertTrue(stacks.contains("in a listener"), stacks);
            assertFalse(stacks.contains("java.") || stacks.contains("dev.wsjs.") || stacks.contains("org.graalvm"), stacks);
        }
    }

    @Test
    void functionConstructorAndIndirectEvalReachOnlyTheGlobal() {
        try (WsjsRuntime rt = runtime()) {
            assertEquals("true,undefined,undefined,true", rt.eval("""
                    [Function('return this')() === globalThis, (0, eval)('typeof Java'),
                     (function () { return this; }).constructor('return typeof Polyglot')(),
                     Object.getPrototypeOf(async function () {}).constructor('return this')() instanceof Promise].join()""").asString());
        }
    }

    @ParameterizedTest(name = "import(''{0}'') is refused without a module root")
    @ValueSource(strings = {"java.lang", "java.lang.System", "./x.mjs", "/etc/passwd", "file:///etc/hostname",
            "http://127.0.0.1:1/x.mjs", "jar:file:///x.jar!/x.mjs"})
    void dynamicImportWithoutAModuleRootIsRefused(String specifier) {
        List<String> out = new CopyOnWriteArrayList<>();
        try (WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> out.add(text)).build()) {
            rt.eval("import('" + specifier + "').then((m) => console.log('loaded ' + Object.keys(m)), (e) => console.log('refused ' + e.name));");
            rt.runUntil(() -> !out.isEmpty(), Duration.ofSeconds(30));
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0).startsWith("refused "), out.toString());
        }
    }

    @Test
    void environmentVariablesAreInvisibleUnlessGranted() {
        try (WsjsRuntime rt = runtime()) {
            assertEquals("undefined,undefined,undefined", rt.eval(
                    "[typeof wsjs.env, typeof globalThis.process, typeof globalThis.$ENV].join()").asString());
            // Nothing on the global holds a value of the real environment (PATH is set on any machine).
            String path = System.getenv("PATH");
            assertNotNull(path);
            Value search = rt.eval("(needle) => JSON.stringify(Object.getOwnPropertyNames(globalThis).map((k) => { try { return String(globalThis[k]); } catch { return ''; } })).includes(needle)");
            assertFalse(search.execute(path).asBoolean());
        }
    }

    @Test
    void grantedEnvironmentIsExactlyTheGrantedMapAndFrozen() {
        try (WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> {}).env(Map.of("ONLY", "this")).build()) {
            assertEquals("ONLY,this,true,undefined", rt.eval(
                    "'use strict'; [Object.keys(wsjs.env).join(), wsjs.env.ONLY, Object.isFrozen(wsjs.env), String(wsjs.env.PATH)].join()").asString());
            assertEquals("TypeError", rt.eval("'use strict'; try { wsjs.env.ONLY = 'x'; 'changed' } catch (e) { e.name }").asString());
        }
    }

    @Test
    void wsjsExitEndsTheRuntimeNotTheJvmAndCannotBeCaught() {
        List<String> out = new CopyOnWriteArrayList<>();
        WsjsRuntime rt = WsjsRuntime.builder().console((level, text) -> out.add(text)).build();
        rt.eval("try { wsjs.exit(7); } catch (e) { console.log('caught ' + e); } finally { console.log('finally ran'); } console.log('went on');");
        assertTrue(rt.isClosed());
        assertEquals(7, rt.exitCode());
        assertEquals(List.of(), out, "nothing runs after wsjs.exit");
        // The JVM and other runtimes go on.
        try (WsjsRuntime other = runtime()) {
            assertEquals(2, other.eval("1 + 1").asInt());
        }
    }

    @Test
    void scriptsCannotRedefineTheExitOfOtherRuntimes() {
        try (WsjsRuntime a = runtime(); WsjsRuntime b = runtime()) {
            a.eval("globalThis.wsjs = { exit() {} }; Object.getPrototypeOf(globalThis).polluted = true;");
            assertEquals("function,undefined", b.eval("[typeof wsjs.exit, typeof globalThis.polluted].join()").asString());
            b.eval("wsjs.exit(0)");
            assertTrue(b.isClosed());
            assertFalse(a.isClosed());
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SandboxTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
