package dev.wsjs.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TextEncoder, atob/btoa, and the UTF-8 helpers other layers use through internals.encoding. */
class TextEncoderTest {

    private static TextJs js;

    @BeforeAll
    static void start() {
        js = new TextJs().withInternals();
        js.eval("var bytesOf = (u8) => Array.from(u8).join(' ');");
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    @Test
    void encodeProducesUtf8OfScalarValues() {
        js.assertNoFailures("""
                const te = new TextEncoder();
                check(failures, "encoding", te.encoding, "utf-8");
                check(failures, "ranges", bytesOf(te.encode("a\\u007f\\u0080\\u07ff\\u0800\\uffff\\ud800\\udc00\\udbff\\udfff")),
                  "97 127 194 128 223 191 224 160 128 239 191 191 240 144 128 128 244 143 191 191");
                check(failures, "lone surrogates", bytesOf(te.encode("\\ud800a\\udc00")), "239 191 189 97 239 191 189");
                check(failures, "default", te.encode().length, 0);
                check(failures, "undefined", te.encode(undefined).length, 0);
                check(failures, "null", bytesOf(te.encode(null)), "110 117 108 108");
                check(failures, "new object", te.encode("x") !== te.encode("x"), true);
                const big = "\\u00e9\\ud83d\\ude00\\ud800".repeat(300);
                const bytes = te.encode(big);
                check(failures, "big length", bytes.length, 9 * 300);
                check(failures, "big buffer is exact", bytes.buffer.byteLength, 9 * 300);
                check(failures, "big buffer is ordinary", attempt(() => bytes.buffer.transfer().byteLength), 9 * 300);
                check(failures, "big round trip", new TextDecoder().decode(te.encode(big)), big.replaceAll("\\ud800", "\\ufffd"));
                check(failures, "small and big agree", bytesOf(te.encode("\\u00e9".repeat(255))), bytesOf(te.encode("\\u00e9".repeat(256)).subarray(2)));
                """);
    }

    @Test
    void encodeIntoStopsAtWholeCodePoints() {
        js.assertNoFailures("""
                const te = new TextEncoder();
                const into = (source, size, offset = 0) => {
                  const buffer = new Uint8Array(size + offset).fill(0xEE);
                  const result = te.encodeInto(source, buffer.subarray(offset));
                  return result.read + "/" + result.written + ":" + bytesOf(buffer.subarray(offset));
                };
                check(failures, "fits", into("a\\u00e9", 3), "2/3:97 195 169");
                check(failures, "two-byte does not fit", into("a\\u00e9", 2), "1/1:97 238");
                check(failures, "pair counts two", into("\\ud83d\\ude00b", 5), "3/5:240 159 152 128 98");
                check(failures, "pair does not fit", into("\\ud83d\\ude00", 3), "0/0:238 238 238");
                check(failures, "lone surrogate", into("\\udc00", 3), "1/3:239 191 189");
                check(failures, "empty destination", into("abc", 0), "0/0:");
                check(failures, "view offset", into("ab", 2, 3), "2/2:97 98");
                const big = "\\u4e2d".repeat(400);
                const target = new Uint8Array(1200);
                const r = te.encodeInto(big, target);
                check(failures, "big", r.read + "/" + r.written, "400/1200");
                check(failures, "big bytes", new TextDecoder().decode(target), big);
                const partial = te.encodeInto(big, new Uint8Array(1000));
                check(failures, "big partial", partial.read + "/" + partial.written, "333/999");
                check(failures, "result shape", JSON.stringify(te.encodeInto("a", new Uint8Array(1))), '{"read":1,"written":1}');
                check(failures, "shared", te.encodeInto("hi", new Uint8Array(new SharedArrayBuffer(2))).written, 2);
                check(failures, "not Uint8Array", attempt(() => te.encodeInto("a", new Uint16Array(1))).split(":")[0], "TypeError");
                check(failures, "arguments", attempt(() => te.encodeInto("a")), "TypeError: Failed to execute 'encodeInto' on 'TextEncoder': 2 arguments required, but only 1 present.");
                """);
    }

    @Test
    void textEncoderShape() {
        js.assertNoFailures("""
                const proto = TextEncoder.prototype;
                check(failures, "length", TextEncoder.length, 0);
                check(failures, "encode.length", proto.encode.length, 0);
                check(failures, "encodeInto.length", proto.encodeInto.length, 2);
                check(failures, "toStringTag", Object.prototype.toString.call(new TextEncoder()), "[object TextEncoder]");
                check(failures, "encoding accessor", Object.getOwnPropertyDescriptor(proto, "encoding").enumerable, true);
                check(failures, "brand", attempt(() => proto.encode.call({})), "TypeError: Illegal invocation");
                check(failures, "encoding brand", attempt(() => proto.encoding), "TypeError: Illegal invocation");
                """);
    }

    @Test
    void btoaAndAtobUseForgivingBase64() {
        js.assertNoFailures("""
                check(failures, "btoa", btoa(""), "");
                check(failures, "btoa 1", btoa("a"), "YQ==");
                check(failures, "btoa 2", btoa("ab"), "YWI=");
                check(failures, "btoa latin1", btoa("\\u00ff\\u0000\\u0080"), "/wCA");
                check(failures, "btoa converts", btoa(12), "MTI=");
                check(failures, "atob", atob("YWJj"), "abc");
                check(failures, "atob padding", atob("YQ=="), "a");
                check(failures, "atob no padding", atob("YQ"), "a");
                check(failures, "atob whitespace", atob(" Y\\tW\\nJ\\fj\\r "), "abc");
                check(failures, "atob unused bits", atob("YR"), "a");
                check(failures, "atob high bytes", codeUnits(atob("/wCA")), "ff 0 80");
                check(failures, "atob empty", atob(""), "");
                check(failures, "atob undefined", attempt(() => atob(undefined)).split(":")[0], "InvalidCharacterError");
                check(failures, "btoa undefined", btoa(undefined), "dW5kZWZpbmVk");
                const invalid = ["a", "YQ=", "YQ===", "Y=Q=", "YQ==YQ==", "=", "YQ*", "YQ\\u00a0", "YQ-_", "abcde"];
                for (const data of invalid) {
                  const e = attempt(() => atob(data));
                  check(failures, "atob " + show(data), e.split(":")[0], "InvalidCharacterError");
                }
                const e = (() => { try { btoa("\\u0100"); } catch (err) { return err; } })();
                check(failures, "btoa error type", e instanceof DOMException && e.name === "InvalidCharacterError" && e.code === 5, true);
                check(failures, "atob arguments", attempt(() => atob()).split(":")[0], "TypeError");
                const long = "\\u00e9x\\u0001".repeat(1000);
                check(failures, "long round trip", atob(btoa(long)), long);
                const desc = Object.getOwnPropertyDescriptor(globalThis, "atob");
                check(failures, "global operation", desc.writable && desc.enumerable && desc.configurable, true);
                check(failures, "names", atob.name + btoa.name + atob.length + btoa.length, "atobbtoa11");
                """);
    }

    @Test
    void internalsEncodingHelpers() {
        js.assertNoFailures("""
                const enc = internals.encoding;
                check(failures, "utf8Encode", bytesOf(enc.utf8Encode("\\u00e9\\ud800")), "195 169 239 191 189");
                check(failures, "utf8Decode skips a BOM", enc.utf8Decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x41])), "A");
                check(failures, "utf8DecodeWithoutBOM keeps it", codeUnits(enc.utf8DecodeWithoutBOM(new Uint8Array([0xEF, 0xBB, 0xBF]))), "feff");
                check(failures, "or fail", enc.utf8DecodeWithoutBOMOrFail(new Uint8Array([0x41, 0xFF])), null);
                check(failures, "or fail ok", enc.utf8DecodeWithoutBOMOrFail(new Uint8Array([0x41]).buffer), "A");
                for (const s of ["", "a", "\\u00e9", "\\u4e2d", "\\ud83d\\ude00", "\\ud800", "\\udc00\\ud800", "x\\u00e9\\ud83d\\ude00".repeat(100)]) {
                  check(failures, "byteLength " + s.length, enc.utf8ByteLength(s), enc.utf8Encode(s).length);
                }
                """);
    }
}
