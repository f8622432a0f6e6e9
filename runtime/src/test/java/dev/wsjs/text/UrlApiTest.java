package dev.wsjs.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The URL class: setters (the parser's state overrides), origin, statics, searchParams, IDL shape. */
class UrlApiTest {

    private static TextJs js;

    @BeforeAll
    static void start() {
        js = new TextJs().withInternals();
        js.eval("""
                // [href, attribute, new value, expected href afterwards]
                var runSetters = (failures, cases) => {
                  for (const [href, attribute, value, expected] of cases) {
                    const url = new URL(href);
                    url[attribute] = value;
                    check(failures, "<" + href + ">." + attribute + " = " + show(value), url.href, expected);
                  }
                };
                """);
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    @Test
    void protocolSetterKeepsSpecialnessAndDropsDefaultPorts() {
        js.assertNoFailures("""
                runSetters(failures, [
                  ["http://h/", "protocol", "https", "https://h/"],
                  ["http://h/", "protocol", "HTTPS:junk", "https://h/"],
                  ["http://h/", "protocol", "foo", "http://h/"],
                  ["foo://h/", "protocol", "http", "foo://h/"],
                  ["foo://h/", "protocol", "bar", "bar://h/"],
                  ["http://u@h/", "protocol", "file", "http://u@h/"],
                  ["http://h:8/", "protocol", "file", "http://h:8/"],
                  ["file:///x", "protocol", "https", "file:///x"],
                  ["file://h/x", "protocol", "https", "https://h/x"],
                  ["https://h:80/", "protocol", "http", "http://h/"],
                  ["http://h/", "protocol", "1x", "http://h/"],
                  ["http://h/", "protocol", "ht tp", "http://h/"],
                  ["http://h/", "protocol", "", "http://h/"],
                  ["mailto:x", "protocol", "sms", "sms:x"],
                ]);
                """);
    }

    @Test
    void credentialSettersPercentEncodeAndNeedAHost() {
        js.assertNoFailures("""
                runSetters(failures, [
                  ["http://h/", "username", "a@b:c", "http://a%40b%3Ac@h/"],
                  ["http://h/", "password", "p w\\u00e9", "http://:p%20w%C3%A9@h/"],
                  ["http://u:p@h/", "username", "", "http://:p@h/"],
                  ["http://u:p@h/", "password", "", "http://u@h/"],
                  ["file:///x", "username", "u", "file:///x"],
                  ["foo:/x", "password", "p", "foo:/x"],
                  ["foo:///x", "username", "u", "foo:///x"],
                ]);
                """);
    }

    @Test
    void hostAndHostnameSettersUseTheHostStates() {
        js.assertNoFailures("""
                runSetters(failures, [
                  ["http://h/p", "host", "x:81", "http://x:81/p"],
                  ["http://h:82/p", "host", "x", "http://x:82/p"],
                  ["http://h/p", "host", "x:", "http://x/p"],
                  ["http://h/p", "host", "x:81junk", "http://x:81/p"],
                  ["http://h/p", "host", "x/y?z", "http://x/p"],
                  ["http://h/p", "host", "", "http://h/p"],
                  ["http://h/p", "host", "a b", "http://h/p"],
                  ["http://h/p", "host", "[::1]:3", "http://[::1]:3/p"],
                  ["http://h/p", "host", "0x7f.1", "http://127.0.0.1/p"],
                  ["http://h/p", "hostname", "x:81", "http://h/p"],
                  ["http://h:82/p", "hostname", "X\\u00c4", "http://xn--x-0fa:82/p"],
                  ["foo://h/p", "host", "", "foo:///p"],
                  ["foo://u@h/p", "host", "", "foo://u@h/p"],
                  ["foo://h:1/p", "hostname", "", "foo://h:1/p"],
                  ["mailto:x", "host", "h", "mailto:x"],
                  ["file://h/p", "host", "localhost", "file:///p"],
                  ["file://h/p", "host", "", "file:///p"],
                  ["file://h/p", "hostname", "x:1", "file://h/p"],
                ]);
                """);
    }

    @Test
    void portSetterParsesLeadingDigits() {
        js.assertNoFailures("""
                runSetters(failures, [
                  ["http://h/", "port", "8080abc", "http://h:8080/"],
                  ["http://h:1/", "port", "", "http://h/"],
                  ["http://h:1/", "port", "80", "http://h/"],
                  ["http://h:1/", "port", "65536", "http://h:1/"],
                  ["http://h:1/", "port", "x1", "http://h:1/"],
                  ["file://h/", "port", "1", "file://h/"],
                  ["foo:/x", "port", "1", "foo:/x"],
                ]);
                """);
    }

    @Test
    void pathnameSearchAndHashSetters() {
        js.assertNoFailures("""
                runSetters(failures, [
                  ["http://h/a?q#f", "pathname", "b/c d", "http://h/b/c%20d?q#f"],
                  ["http://h/a", "pathname", "x?y#z", "http://h/x%3Fy%23z"],
                  ["http://h/a", "pathname", "\\\\x\\\\..\\\\y", "http://h/y"],
                  ["foo://h/a", "pathname", "", "foo://h"],
                  ["foo:/a", "pathname", "", "foo:/"],
                  ["foo://h/a", "pathname", "b", "foo://h/b"],
                  ["mailto:x", "pathname", "y", "mailto:x"],
                  ["http://h/?q#f", "search", "a b", "http://h/?a%20b#f"],
                  ["http://h/?q#f", "search", "??x#y", "http://h/??x%23y#f"],
                  ["http://h/?q#f", "search", "", "http://h/#f"],
                  ["http://h/?q#f", "search", "?", "http://h/?#f"],
                  ["http://h/#f", "hash", "#g h", "http://h/#g%20h"],
                  ["http://h/#f", "hash", "", "http://h/"],
                  ["http://h/", "hash", "#", "http://h/#"],
                  ["mailto:x", "hash", "y", "mailto:x#y"],
                ]);
                """);
    }

    @Test
    void hrefSetterReplacesTheRecordOrThrows() {
        js.assertEval("https://x/?b=2|2|TypeError",
                "const u = new URL('http://h/?a=1'); const sp = u.searchParams;"
                        + "u.href = 'https://x/?b=2';"
                        + "const err = attempt(() => { u.href = 'nope'; });"
                        + "[u.href, sp.get('b'), err.split(':')[0]].join('|')");
    }

    @Test
    void gettersFollowTheStandard() {
        js.assertNoFailures("""
                const u = new URL("https://us%20er:pa@EXAMPLE.org:8443/a/b?q=1#frag");
                check(failures, "protocol", u.protocol, "https:");
                check(failures, "username", u.username, "us%20er");
                check(failures, "password", u.password, "pa");
                check(failures, "host", u.host, "example.org:8443");
                check(failures, "hostname", u.hostname, "example.org");
                check(failures, "port", u.port, "8443");
                check(failures, "pathname", u.pathname, "/a/b");
                check(failures, "search", u.search, "?q=1");
                check(failures, "hash", u.hash, "#frag");
                check(failures, "toJSON", u.toJSON(), u.href);
                check(failures, "toString", String(u), u.href);
                check(failures, "JSON", JSON.stringify({ u }), '{"u":"' + u.href + '"}');
                const empty = new URL("foo:x?#");
                check(failures, "empty search", empty.search, "");
                check(failures, "empty hash", empty.hash, "");
                check(failures, "null host", empty.host + "|" + empty.hostname + "|" + empty.port, "||");
                """);
    }

    @Test
    void originSerialization() {
        js.assertNoFailures("""
                const cases = [
                  ["http://h:8080/p", "http://h:8080"],
                  ["https://u:p@H/", "https://h"],
                  ["ws://[::1]:80/", "ws://[::1]"],
                  ["wss://1.2.3.4:1/", "wss://1.2.3.4:1"],
                  ["ftp://h/", "ftp://h"],
                  ["blob:https://h:1/uuid", "https://h:1"],
                  ["blob:ftp://h/", "null"],
                  ["blob:blob:http://h/", "null"],
                  ["blob:nope", "null"],
                  ["file:///x", "null"],
                  ["foo://h", "null"],
                  ["data:text/plain,x", "null"],
                ];
                for (const [href, origin] of cases) check(failures, "origin of " + href, new URL(href).origin, origin);
                """);
    }

    @Test
    void staticsParseAndCanParse() {
        js.assertNoFailures("""
                check(failures, "canParse ok", URL.canParse("x", "http://h/"), true);
                check(failures, "canParse bad base", URL.canParse("x", "nope"), false);
                check(failures, "canParse no base", URL.canParse("x"), false);
                check(failures, "canParse undefined base", URL.canParse("http://h", undefined), true);
                check(failures, "parse null", URL.parse("x"), null);
                check(failures, "parse", URL.parse("/y", "http://h/x").href, "http://h/y");
                check(failures, "parse is a URL", URL.parse("http://h/") instanceof URL, true);
                check(failures, "parse gives new objects", URL.parse("http://h/") !== URL.parse("http://h/"), true);
                check(failures, "parse searchParams", URL.parse("http://h/?a=1").searchParams.get("a"), "1");
                check(failures, "base as URL", new URL("y", new URL("http://h/x/")).href, "http://h/x/y");
                check(failures, "null base is a string", attempt(() => new URL("y", null)).split(":")[0], "TypeError");
                """);
    }

    @Test
    void searchParamsIsLiveBothWays() {
        js.assertNoFailures("""
                const u = new URL("http://h/p?a=1&b=2#f");
                const sp = u.searchParams;
                check(failures, "SameObject", u.searchParams === sp, true);
                sp.append("c", "x y");
                check(failures, "append", u.href, "http://h/p?a=1&b=2&c=x+y#f");
                sp.delete("a");
                sp.set("b", "\\u00e9");
                check(failures, "delete/set", u.search, "?b=%C3%A9&c=x+y");
                sp.delete("b");
                sp.delete("c");
                check(failures, "empty list nulls the query", u.href, "http://h/p#f");
                u.search = "?z=1&z=2";
                check(failures, "search setter", sp.getAll("z").join(), "1,2");
                u.search = "";
                check(failures, "search cleared", sp.size, 0);
                u.href = "http://h/?k=v";
                check(failures, "href setter", sp.get("k"), "v");
                const raw = new URL("http://h/?a=b ~");
                check(failures, "raw query", raw.href, "http://h/?a=b%20~");
                raw.searchParams.sort();
                check(failures, "reserialized query", raw.href, "http://h/?a=b+%7E");
                const opaque = new URL("sc:x?a=1");
                opaque.searchParams.append("b", "2");
                check(failures, "opaque path query", opaque.href, "sc:x?a=1&b=2");
                """);
    }

    @Test
    void interfaceShapeAndBrandChecks() {
        js.assertNoFailures("""
                const proto = URL.prototype;
                check(failures, "URL.length", URL.length, 1);
                check(failures, "parse.length", URL.parse.length, 1);
                check(failures, "canParse.length", URL.canParse.length, 1);
                check(failures, "toStringTag", Object.prototype.toString.call(new URL("http://h/")), "[object URL]");
                const href = Object.getOwnPropertyDescriptor(proto, "href");
                check(failures, "href accessor", typeof href.get + typeof href.set + href.enumerable + href.configurable, "functionfunctiontruetrue");
                const origin = Object.getOwnPropertyDescriptor(proto, "origin");
                check(failures, "origin readonly", origin.set, undefined);
                check(failures, "toString enumerable", Object.getOwnPropertyDescriptor(proto, "toString").enumerable, true);
                check(failures, "global not enumerable", Object.getOwnPropertyDescriptor(globalThis, "URL").enumerable, false);
                check(failures, "no arguments", attempt(() => new URL()), "TypeError: Failed to construct 'URL': 1 argument required, but only 0 present.");
                check(failures, "call without new", attempt(() => URL("http://h/")).split(":")[0], "TypeError");
                check(failures, "getter brand", attempt(() => href.get.call({})), "TypeError: Illegal invocation");
                check(failures, "prototype brand", attempt(() => Object.create(proto).href), "TypeError: Illegal invocation");
                check(failures, "setter brand", attempt(() => href.set.call(new URLSearchParams(), "x")), "TypeError: Illegal invocation");
                class MyURL extends URL { extra() { return this.host; } }
                const mine = new MyURL("http://sub.h/");
                check(failures, "subclass", mine instanceof URL && mine.extra() === "sub.h", true);
                check(failures, "invalid message", attempt(() => new URL("x")), "TypeError: Failed to construct 'URL': Invalid URL: 'x'");
                check(failures, "webidl brand", internals.webidl.isBranded(mine, proto), true);
                """);
    }

    @Test
    void internalsParseAndSerializeForOtherLayers() {
        js.assertNoFailures("""
                const url = internals.url;
                const record = url.parse("  WS://H:80/p?q#f ");
                check(failures, "record", [record.scheme, record.host, record.port, record.path.join("/"), record.query, record.fragment].join("|"), "ws|h||p|q|f");
                check(failures, "serialize", url.serialize(record), "ws://h/p?q#f");
                check(failures, "serialize excluding fragment", url.serialize(record, true), "ws://h/p?q");
                check(failures, "failure", url.parse("/x"), null);
                check(failures, "relative", url.serialize(url.parse("/x", record)), "ws://h/x");
                check(failures, "lone surrogate", url.serialize(url.parse("http://h/\\ud800")), "http://h/%EF%BF%BD");
                check(failures, "fromRecord", url.fromRecord(record).href, "ws://h/p?q#f");
                check(failures, "URL", url.URL, URL);
                """);
    }
}
