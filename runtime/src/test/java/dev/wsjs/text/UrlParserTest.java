package dev.wsjs.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The basic URL parser, state by state, through {@code new URL(input, base)}: each case is
 * [input, base or null, expected href or null for failure].
 */
class UrlParserTest {

    private static TextJs js;

    @BeforeAll
    static void start() {
        js = new TextJs();
        js.eval("""
                var parse = (input, base) => {
                  try {
                    return base === null ? new URL(input).href : new URL(input, base).href;
                  } catch (e) {
                    if (!(e instanceof TypeError)) throw e;
                    return null;
                  }
                };
                var run = (failures, cases) => {
                  for (const [input, base, expected] of cases) {
                    check(failures, "new URL(" + show(input) + ", " + show(base) + ")", parse(input, base), expected);
                  }
                };
                """);
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    @Test
    void schemeStartAndSchemeStates() {
        js.assertNoFailures("""
                run(failures, [
                  ["HTTP://EXAMPLE.COM", null, "http://example.com/"],
                  ["a+B-c.9:x", null, "a+b-c.9:x"],
                  ["1http://x", null, null],
                  ["ht%tp://x", "http://b/", "http://b/ht%tp://x"],
                  ["  \\t\\u0000http://ex\\nample.com/\\r \\u001f", null, "http://example.com/"],
                  ["", null, null],
                  ["", "http://h/p?q#f", "http://h/p?q"],
                  [":", "http://h/p", "http://h/:"],
                ]);
                """);
    }

    @Test
    void noSchemeRelativeAndSlashStates() {
        js.assertNoFailures("""
                run(failures, [
                  ["#frag", "mailto:x?y", "mailto:x?y#frag"],
                  ["x", "mailto:x", null],
                  ["x", "file:///a/b", "file:///a/x"],
                  ["http:foo", "http://h/a/b", "http://h/a/foo"],
                  ["http:/\\\\x", "http://h/", "http://x/"],
                  ["https:foo", "http://h/a/b", "https://foo/"],
                  ["?q", "http://h/p?old#f", "http://h/p?q"],
                  ["#g", "http://h/p?old#f", "http://h/p?old#g"],
                  ["x", "http://u:p@h:81/a/b?q", "http://u:p@h:81/a/x"],
                  ["\\\\y", "http://h/a", "http://h/y"],
                  ["\\\\\\\\y/z", "http://h/a", "http://y/z"],
                  ["//other/p", "http://h/a", "http://other/p"],
                  ["\\\\x", "foo://h/a/b", "foo://h/a/\\\\x"],
                  ["//x/y", "foo://h/a", "foo://x/y"],
                  ["/p", "foo://u@h:5/a", "foo://u@h:5/p"],
                  ["..", "http://h/a/b/c", "http://h/a/"],
                ]);
                """);
    }

    @Test
    void pathOrAuthorityAndOpaquePaths() {
        js.assertNoFailures("""
                run(failures, [
                  ["foo://host/p", null, "foo://host/p"],
                  ["foo:/p", null, "foo:/p"],
                  ["foo:///p", null, "foo:///p"],
                  ["foo:", null, "foo:"],
                  ["sc:a b", null, "sc:a b"],
                  ["sc:a ?x", null, "sc:a%20?x"],
                  ["sc:a #x", null, "sc:a%20#x"],
                  ["sc:\\u0001\\u00e9\\u007f~", null, "sc:%01%C3%A9%7F~"],
                  ["sc:\\ud83d\\ude00", null, "sc:%F0%9F%98%80"],
                  ["foo:/.//p", null, "foo:/.//p"],
                  ["foo:/a/..//p", null, "foo:/.//p"],
                ]);
                """);
    }

    @Test
    void authorityStateCredentials() {
        js.assertNoFailures("""
                run(failures, [
                  ["http://u:p@h/", null, "http://u:p@h/"],
                  ["http://u@p@h/", null, "http://u%40p@h/"],
                  ["http://u:p:q@h/", null, "http://u:p%3Aq@h/"],
                  ["http://:@h/", null, "http://h/"],
                  ["http://:p@h/", null, "http://:p@h/"],
                  ["http://@/", null, null],
                  ["http://u@/", null, null],
                  ["http://\\u00fc:\\u00df@h", null, "http://%C3%BC:%C3%9F@h/"],
                  ["http://a b:c\\"d@h", null, "http://a%20b:c%22d@h/"],
                  ["foo://u@h", null, "foo://u@h"],
                  ["http://h\\\\p", null, "http://h/p"],
                  ["foo://h\\\\p", null, null],
                ]);
                """);
    }

    @Test
    void hostAndPortStates() {
        js.assertNoFailures("""
                run(failures, [
                  ["http://[::1]:8080/", null, "http://[::1]:8080/"],
                  ["http://a:b/", null, null],
                  ["http://a:/", null, "http://a/"],
                  ["http://:80/", null, null],
                  ["foo://:80/", null, null],
                  ["foo://", null, "foo://"],
                  ["foo://?q", null, "foo://?q"],
                  ["http://", null, null],
                  ["http://?x", null, null],
                  ["http://h:0080/", null, "http://h/"],
                  ["http://h:65535/", null, "http://h:65535/"],
                  ["http://h:65536/", null, null],
                  ["http://h:00000000000000000000081/", null, "http://h:81/"],
                  ["wss://h:443", null, "wss://h/"],
                  ["ws://h:443", null, "ws://h:443/"],
                  ["ftp://h:21/", null, "ftp://h/"],
                  ["foo://h:1/", null, "foo://h:1/"],
                  ["http://h:1\\\\x", null, "http://h:1/x"],
                  ["http://[1:2::3]x/", null, null],
                  ["http://[::1]:/", null, "http://[::1]/"],
                ]);
                """);
    }

    @Test
    void fileStates() {
        js.assertNoFailures("""
                run(failures, [
                  ["file:c:\\\\x", null, "file:///c:/x"],
                  ["file://localhost/x", null, "file:///x"],
                  ["file://LocalHost/x", null, "file:///x"],
                  ["file://host/x", null, "file://host/x"],
                  ["file:///C|/x", null, "file:///C:/x"],
                  ["file://c:/x", null, "file:///c:/x"],
                  ["file:///c:/../..", null, "file:///c:/"],
                  ["file://[::1]/x", null, "file://[::1]/x"],
                  ["file://a%20b/x", null, null],
                  ["file:", null, "file:///"],
                  ["file:?q", null, "file:///?q"],
                  ["/d:/x", "file:///c:/a", "file:///d:/x"],
                  ["/x", "file:///c:/a", "file:///c:/x"],
                  ["/x", "file://h/a", "file://h/x"],
                  ["x", "file:///c:/a/b", "file:///c:/a/x"],
                  ["d:", "file:///c:/a", "d:"],
                  ["d|", "file:///c:/a", "file:///d:"],
                  ["d|/x", "file://h/c:/a", "file://h/d:/x"],
                  ["?q", "file:///a?b", "file:///a?q"],
                  ["#f", "file:///a?b", "file:///a?b#f"],
                  ["", "file:///a?b#c", "file:///a?b"],
                  ["..", "file:///c:", "file:///c:/"],
                  ["file:x", "file://h/a/b", "file://h/a/x"],
                  ["\\\\\\\\srv\\\\s", "file:///a", "file://srv/s"],
                ]);
                """);
    }

    @Test
    void pathStateDotsAndPercentEncoding() {
        js.assertNoFailures("""
                run(failures, [
                  ["http://h/a/%2e/b/%2E%2e/c", null, "http://h/a/c"],
                  ["http://h/a/.%2E/b", null, "http://h/b"],
                  ["http://h/a/%2e.", null, "http://h/"],
                  ["http://h/a/..", null, "http://h/"],
                  ["http://h/a/.", null, "http://h/a/"],
                  ["http://h/./", null, "http://h/"],
                  ["http://h/..\\\\x", null, "http://h/x"],
                  ["foo://h/..\\\\x", null, "foo://h/..\\\\x"],
                  ["http://h/a b<>\\"`{}^|", null, "http://h/a%20b%3C%3E%22%60%7B%7D%5E|"],
                  ["http://h/%zz%41", null, "http://h/%zz%41"],
                  ["http://h/\\u00e9\\ud83d\\ude00", null, "http://h/%C3%A9%F0%9F%98%80"],
                  ["http://h/\\ud800x", null, "http://h/%EF%BF%BDx"],
                  ["http://h/?'\\"<>`#f\\"", null, "http://h/?%27%22%3C%3E`#f%22"],
                  ["foo://h/?'\\"", null, "foo://h/?'%22"],
                  ["http://h/?\\u0000&\\u00e9", null, "http://h/?%00&%C3%A9"],
                  ["http://h/#\\"<>` \\u00e9#", null, "http://h/#%22%3C%3E%60%20%C3%A9#"],
                  ["http://h/?#", null, "http://h/?#"],
                ]);
                """);
    }

    @Test
    void ipv4AddressesInEveryNumberForm() {
        js.assertNoFailures("""
                run(failures, [
                  ["http://0x7f.0.0.1/", null, "http://127.0.0.1/"],
                  ["http://0X7F.0.0.1/", null, "http://127.0.0.1/"],
                  ["http://0177.1/", null, "http://127.0.0.1/"],
                  ["http://2130706433/", null, "http://127.0.0.1/"],
                  ["http://127.1/", null, "http://127.0.0.1/"],
                  ["http://127.0.1/", null, "http://127.0.0.1/"],
                  ["http://1.2.3.4./", null, "http://1.2.3.4/"],
                  ["http://4294967295/", null, "http://255.255.255.255/"],
                  ["http://0xffffffff/", null, "http://255.255.255.255/"],
                  ["http://037777777777/", null, "http://255.255.255.255/"],
                  ["http://4294967296/", null, null],
                  ["http://1.16777216/", null, null],
                  ["http://1.16777215/", null, "http://1.255.255.255/"],
                  ["http://256.0.0.1/", null, null],
                  ["http://1.2.3.256/", null, null],
                  ["http://1.2.3.4.5/", null, null],
                  ["http://1.2.3.09/", null, null],
                  ["http://0x/", null, "http://0.0.0.0/"],
                  ["http://0x.0x.0/", null, "http://0.0.0.0/"],
                  ["http://00/", null, "http://0.0.0.0/"],
                  ["http://foo.0x/", null, null],
                  ["http://foo.09/", null, null],
                  ["http://1.2.3.a/", null, "http://1.2.3.a/"],
                  ["http://0x1g/", null, "http://0x1g/"],
                  ["http://1..2/", null, null],
                  ["http://%30x7f.1/", null, "http://127.0.0.1/"],
                  ["http://\\uff11\\uff12\\uff17.0.0.1/", null, "http://127.0.0.1/"],
                  ["http://999999999999999999999/", null, null],
                  ["foo://1.2/", null, "foo://1.2/"],
                ]);
                """);
    }

    @Test
    void ipv6AddressesParsedAndCompressed() {
        js.assertNoFailures("""
                run(failures, [
                  ["http://[0:0:0:0:0:0:0:1]/", null, "http://[::1]/"],
                  ["http://[1:0:0:2:0:0:0:3]/", null, "http://[1:0:0:2::3]/"],
                  ["http://[0:0:1:0:0:2:0:0]/", null, "http://[::1:0:0:2:0:0]/"],
                  ["http://[1:0:1:0:1:0:1:0]/", null, "http://[1:0:1:0:1:0:1:0]/"],
                  ["http://[1::]/", null, "http://[1::]/"],
                  ["http://[::]/", null, "http://[::]/"],
                  ["http://[::ABCD:0001]/", null, "http://[::abcd:1]/"],
                  ["http://[1:2:3:4:5:6:7:8]/", null, "http://[1:2:3:4:5:6:7:8]/"],
                  ["http://[1:2:3:4:5:6:7:8:9]/", null, null],
                  ["http://[1:2:3:4:5:6:7::]/", null, "http://[1:2:3:4:5:6:7:0]/"],
                  ["http://[1::2::3]/", null, null],
                  ["http://[:1]/", null, null],
                  ["http://[1:]/", null, null],
                  ["http://[1:2]/", null, null],
                  ["http://[12345::]/", null, null],
                  ["http://[::1.2.3.4]/", null, "http://[::102:304]/"],
                  ["http://[::ffff:127.0.0.1]/", null, "http://[::ffff:7f00:1]/"],
                  ["http://[1:2:3:4:5:6:1.2.3.4]/", null, "http://[1:2:3:4:5:6:102:304]/"],
                  ["http://[1:2:3:4:5:6:7:1.2.3.4]/", null, null],
                  ["http://[::1.2.3]/", null, null],
                  ["http://[::1.2.3.4.5]/", null, null],
                  ["http://[::1.2.3.256]/", null, null],
                  ["http://[::01.2.3.4]/", null, null],
                  ["http://[::1.2..3]/", null, null],
                  ["http://[::.1.2.3]/", null, null],
                  ["http://[::1.2.3.4x]/", null, null],
                  ["http://[x]/", null, null],
                  ["http://[::1]x/", null, null],
                  ["http://[::1/", null, null],
                  ["foo://[::1]/", null, "foo://[::1]/"],
                ]);
                """);
    }

    @Test
    void opaqueHostsAndDomains() {
        js.assertNoFailures("""
                run(failures, [
                  ["foo://a b/", null, null],
                  ["foo://a<b/", null, null],
                  ["foo://a^b/", null, null],
                  ["foo://\\u00e9/", null, "foo://%C3%A9/"],
                  ["foo://a%zz/", null, "foo://a%zz/"],
                  ["foo://A.B/", null, "foo://A.B/"],
                  ["foo://a\\u0001b/", null, "foo://a%01b/"],
                  ["http://a%2Eb/", null, "http://a.b/"],
                  ["http://%zz/", null, null],
                  ["http://a%00b/", null, null],
                  ["http://a\\u007fb/", null, null],
                  ["http://xn--/", null, "http://xn--/"],
                  ["http://XN--A/", null, "http://xn--a/"],
                  ["http://ex%C3%A4mple/", null, "http://xn--exmple-cua/"],
                  ["http://ex%FFample/", null, null],
                  ["http://\\u2615.example/", null, "http://xn--53h.example/"],
                  ["http://EX\\u00c4MPLE.com/", null, "http://xn--exmple-cua.com/"],
                  ["http://fa\\u00df.de/", null, "http://xn--fa-hia.de/"],
                  ["http://a.b\\u00ad/", null, "http://a.b/"],
                  ["http://a\\u3002b/", null, "http://a.b/"],
                  ["http://a\\u200db/", null, null],
                  ["http://\\u2100/", null, null],
                  ["http://-x.y-/", null, "http://-x.y-/"],
                  ["http://\\u00e9--x/", null, "http://xn----x-9la/"],
                  ["http://a..b/", null, "http://a..b/"],
                  ["http://\\u00e9..b/", null, "http://xn--9ca..b/"],
                  ["http://xn--zca.xn--a/", null, "http://xn--zca.xn--a/"],
                  ["http://\\u00e9.xn--a/", null, null],
                  ["http://" + "a".repeat(70) + ".\\u00e9/", null, "http://" + "a".repeat(70) + ".xn--9ca/"],
                ]);
                """);
    }
}
