package dev.wsjs.globals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsjs.WsjsRuntime;
import dev.wsjs.blob.ScriptRunner;
import org.junit.jupiter.api.Test;

/** navigator, location, and the self/window aliases of the global object. */
class NavigatorLocationTest {

    @Test
    void navigatorDescribesTheRuntime() {
        try (ScriptRunner js = new ScriptRunner(WsjsRuntime.builder().userAgent("test-agent/1.0"))) {
            js.assertEval("test-agent/1.0,true,true," + Runtime.getRuntime().availableProcessors() + ",Mozilla,Netscape,Gecko", """
                    [navigator.userAgent, navigator instanceof Navigator, navigator.onLine, navigator.hardwareConcurrency,
                     navigator.appCodeName, navigator.appName, navigator.product].join()""");
            js.assertEval("true,true,true,true", """
                    const langs = navigator.languages;
                    [navigator.language.length > 0, Object.isFrozen(langs), langs === navigator.languages, langs[0] === navigator.language].join()""");
            js.assertEval("TypeError,TypeError", """
                    const err = (f) => { try { f(); return 'no'; } catch (e) { return e.name; } };
                    [err(() => new Navigator()), err(() => Object.getOwnPropertyDescriptor(Navigator.prototype, 'userAgent').get.call({}))].join()""");
        }
    }

    @Test
    void locationIsAReadOnlyViewOfTheRuntimeUrl() {
        try (ScriptRunner js = new ScriptRunner()) {
            js.assertEval("http://127.0.0.1:8080/app/page.html?q=1#top|http://127.0.0.1:8080|http:|127.0.0.1:8080|127.0.0.1|8080|/app/page.html|?q=1|#top",
                    "[location.href, location.origin, location.protocol, location.host, location.hostname, location.port, location.pathname, location.search, location.hash].join('|')");
            js.assertEval("http://127.0.0.1:8080/app/page.html?q=1#top,true,true", "[String(location), location instanceof Location, `${location}` === location.href].join()");
            js.assertEval("NotSupportedError,NotSupportedError,NotSupportedError,NotSupportedError", """
                    const err = (f) => { try { f(); return 'no'; } catch (e) { return e.name; } };
                    [err(() => { location.href = 'http://x/'; }), err(() => location.assign('/')), err(() => location.reload()),
                     err(() => { globalThis.location = 'http://x/'; })].join()""");
            // [LegacyUnforgeable]: own, non-configurable members of the instance.
            js.assertEval("false,true,false", """
                    const d = Object.getOwnPropertyDescriptor(location, 'href');
                    [d.configurable, typeof d.get === 'function', Object.getOwnPropertyDescriptor(globalThis, 'location').configurable].join()""");
            js.assertEval("TypeError", "try { new Location(); 'no' } catch (e) { e.name }");
        }
    }

    @Test
    void withoutAUrlThereIsNoLocation() {
        try (ScriptRunner js = new ScriptRunner(WsjsRuntime.builder())) {
            js.assertEval("undefined,false", "[typeof location, 'location' in globalThis].join()");
        }
    }

    @Test
    void selfAndWindowAliasTheGlobalObjectWhenAsked() {
        try (ScriptRunner js = new ScriptRunner()) {
            js.assertEval("true,true,false", "[self === globalThis, window === globalThis, Object.getOwnPropertyDescriptor(globalThis, 'window').configurable].join()");
            js.assertEval("get window,get crypto,get navigator,set performance,get href", """
                    const d = (o, k) => Object.getOwnPropertyDescriptor(o, k);
                    [d(globalThis, 'window').get.name, d(globalThis, 'crypto').get.name, d(globalThis, 'navigator').get.name,
                     d(globalThis, 'performance').set.name, d(location, 'href').get.name].join()""");
            // self is [Replaceable].
            js.assertEval("1", "self = 1; String(globalThis.self)");
        }
        try (ScriptRunner js = new ScriptRunner(WsjsRuntime.builder().windowAliases(false))) {
            assertEquals("undefined,undefined", js.eval("[typeof self, typeof window].join()"));
        }
    }

    @Test
    void isSecureContextFollowsThePotentiallyTrustworthyUrlRules() {
        String[][] cases = {
                {"https://example.com/", "true"}, {"http://example.com/", "false"}, {"http://127.8.0.1:81/", "true"},
                {"http://[::1]/", "true"}, {"http://[::2]/", "false"}, {"http://app.localhost./", "true"},
                {"http://localhost.example/", "false"}, {"file:///srv/page.html", "true"}, {"ftp://example.com/", "false"}};
        for (String[] c : cases) {
            try (ScriptRunner js = new ScriptRunner(WsjsRuntime.builder().location(c[0]))) {
                js.assertEval(c[1], "String(isSecureContext)");
            }
        }
        try (ScriptRunner js = new ScriptRunner(WsjsRuntime.builder())) {
            js.assertEval("true,true", "[isSecureContext, crossOriginIsolated].join()");
            // Readonly attributes of the global: accessors with a getter only, enumerable, configurable.
            js.assertEval("get isSecureContext,undefined,true,true,TypeError", """
                    const d = Object.getOwnPropertyDescriptor(globalThis, 'isSecureContext');
                    let err = 'none';
                    try { d.get.call({}); } catch (e) { err = e.name; }
                    [d.get.name, String(d.set), d.enumerable, d.configurable, err].join()""");
        }
    }
}
