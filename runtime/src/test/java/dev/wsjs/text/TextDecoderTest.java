package dev.wsjs.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TextDecoder: labels, the UTF-8 and UTF-16 decoders' error handling, BOM handling, streaming and
 * fatal mode. Inputs of 256 bytes or more take the Java path, smaller ones the JS path; both are
 * exercised with the same bytes.
 */
class TextDecoderTest {

    private static TextJs js;

    @BeforeAll
    static void start() {
        js = new TextJs().withInternals();
        js.eval("""
                var decode = (bytes, label = "utf-8", options = {}) => new TextDecoder(label, options).decode(new Uint8Array(bytes));
                // Decodes in chunks of `size` bytes with stream: true, then flushes.
                var decodeStreaming = (bytes, size, label = "utf-8", options = {}) => {
                  const decoder = new TextDecoder(label, options);
                  const all = new Uint8Array(bytes);
                  let out = "";
                  for (let i = 0; i < all.length; i += size) out += decoder.decode(all.subarray(i, i + size), { stream: true });
                  return out + decoder.decode();
                };
                // A deterministic byte generator weighted towards UTF-8 edge cases.
                var randomBytes = (seed, length) => {
                  const interesting = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
                                       0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x8F, 0x90, 0x9F, 0xA0, 0xBB];
                  const out = new Uint8Array(length);
                  let x = seed;
                  for (let i = 0; i < length; i++) {
                    x = (x * 1103515245 + 12345) >>> 0;
                    out[i] = (x >>> 16) % 3 === 0 ? (x >>> 8) & 0xFF : interesting[(x >>> 8) % interesting.length];
                  }
                  return out;
                };
                """);
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    @Test
    void everyLabelOfTheSupportedEncodingsIsRecognized() {
        js.assertNoFailures("""
                const labels = {
                  "utf-8": ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"],
                  "utf-16be": ["unicodefffe", "utf-16be"],
                  "utf-16le": ["csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le"],
                  "windows-1252": ["ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
                                   "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1",
                                   "us-ascii", "windows-1252", "x-cp1252"],
                  "x-user-defined": ["x-user-defined"],
                };
                for (const [name, list] of Object.entries(labels)) {
                  for (const label of list) {
                    check(failures, label, new TextDecoder(label).encoding, name);
                    check(failures, "padded upper " + label, new TextDecoder("\\t\\n\\f\\r " + label.toUpperCase() + " ").encoding, name);
                  }
                }
                check(failures, "default", new TextDecoder().encoding, "utf-8");
                check(failures, "undefined", new TextDecoder(undefined).encoding, "utf-8");
                """);
    }

    @Test
    void unknownReplacementAndUnsupportedLabelsThrowRangeError() {
        js.assertNoFailures("""
                for (const label of ["", "utf-7", "utf-8 x", "\\u00a0utf-8", "null", "replacement", "iso-2022-kr", "hz-gb-2312", "gbk", "shift_jis", "big5"]) {
                  check(failures, show(label), attempt(() => new TextDecoder(label)).split(":")[0], "RangeError");
                }
                check(failures, "null label", attempt(() => new TextDecoder(null)).split(":")[0], "RangeError");
                check(failures, "symbol label", attempt(() => new TextDecoder(Symbol())).split(":")[0], "TypeError");
                """);
    }

    @Test
    void utf8ErrorsBecomeOneReplacementPerMaximalSubpart() {
        js.assertNoFailures("""
                const cases = [
                  [[0x41, 0x80, 0x42], "41 fffd 42"],
                  [[0xC0, 0x80], "fffd fffd"],
                  [[0xC2], "fffd"],
                  [[0xC2, 0x41], "fffd 41"],
                  [[0xE0, 0x80, 0x80], "fffd fffd fffd"],
                  [[0xE0, 0xA0], "fffd"],
                  [[0xE0, 0xA0, 0x41], "fffd 41"],
                  [[0xED, 0xA0, 0x80], "fffd fffd fffd"],
                  [[0xED, 0x9F, 0xBF], "d7ff"],
                  [[0xEF, 0xBF, 0xBD], "fffd"],
                  [[0xF0, 0x8F, 0xBF, 0xBF], "fffd fffd fffd fffd"],
                  [[0xF0, 0x90, 0x80, 0x80], "10000"],
                  [[0xF4, 0x8F, 0xBF, 0xBF], "10ffff"],
                  [[0xF4, 0x90, 0x80, 0x80], "fffd fffd fffd fffd"],
                  [[0xF5, 0xFF, 0xFE], "fffd fffd fffd"],
                  [[0xF0, 0x9F, 0x98], "fffd"],
                  [[0xF0, 0x9F, 0x98, 0x41, 0x80], "fffd 41 fffd"],
                ];
                for (const [bytes, expected] of cases) {
                  check(failures, "small " + bytes, codeUnits(decode(bytes)), expected);
                  // The same bytes after 300 ASCII bytes go through Java.
                  const padded = new Array(300).fill(0x61).concat(bytes);
                  check(failures, "large " + bytes, codeUnits(decode(padded).slice(300)), expected);
                  // Fatal mode, on both paths, fails exactly when some byte was replaced.
                  const valid = bytes.length === new TextEncoder().encode(decode(bytes)).length
                    && new TextEncoder().encode(decode(bytes)).every((b, i) => b === bytes[i]);
                  for (const input of [bytes, padded]) {
                    const fatal = attempt(() => decode(input, "utf-8", { fatal: true }));
                    check(failures, "fatal " + input.length + " " + bytes, fatal.startsWith("TypeError"), !valid);
                  }
                }
                """);
    }

    @Test
    void javaAndJsDecodersAgreeOnArbitraryBytes() {
        js.assertNoFailures("""
                for (let seed = 1; seed <= 12; seed++) {
                  const bytes = randomBytes(seed, 600 + seed);
                  const whole = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
                  const chunked = decodeStreaming(bytes, 1 + (seed % 7), "utf-8", { ignoreBOM: true });
                  check(failures, "seed " + seed + " streaming", chunked, whole);
                  const big = decodeStreaming(bytes, 257 + seed, "utf-8", { ignoreBOM: true });
                  check(failures, "seed " + seed + " big chunks", big, whole);
                  const viaInternals = internals.encoding.utf8DecodeWithoutBOM(bytes);
                  check(failures, "seed " + seed + " internals", viaInternals, whole);
                  // Well-formed exactly when the replacement decoding encodes back to the same bytes.
                  const again = new TextEncoder().encode(whole);
                  const wellFormed = again.length === bytes.length && again.every((b, i) => b === bytes[i]);
                  const expected = wellFormed ? whole : "TypeError";
                  const fatalWhole = attempt(() => new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
                  const fatalSmall = attempt(() => decodeStreaming(bytes, 5, "utf-8", { fatal: true, ignoreBOM: true }));
                  check(failures, "seed " + seed + " fatal", fatalWhole.startsWith("TypeError") ? "TypeError" : fatalWhole, expected);
                  check(failures, "seed " + seed + " fatal streaming", fatalSmall.startsWith("TypeError") ? "TypeError" : fatalSmall, expected);
                  check(failures, "seed " + seed + " internals or fail", internals.encoding.utf8DecodeWithoutBOMOrFail(bytes), wellFormed ? whole : null);
                }
                const valid = new TextEncoder().encode("a\\u00e9\\u4e2d\\ud83d\\ude00".repeat(200));
                check(failures, "valid fatal", new TextDecoder("utf-8", { fatal: true }).decode(valid), "a\\u00e9\\u4e2d\\ud83d\\ude00".repeat(200));
                check(failures, "valid streamed", decodeStreaming(valid, 3), "a\\u00e9\\u4e2d\\ud83d\\ude00".repeat(200));
                """);
    }

    @Test
    void bomIsSkippedOnceUnlessIgnored() {
        js.assertNoFailures("""
                check(failures, "utf-8 bom", codeUnits(decode([0xEF, 0xBB, 0xBF, 0x41])), "41");
                check(failures, "second bom kept", codeUnits(decode([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF])), "feff");
                check(failures, "ignoreBOM", codeUnits(decode([0xEF, 0xBB, 0xBF, 0x41], "utf-8", { ignoreBOM: true })), "feff 41");
                check(failures, "utf-16le bom", codeUnits(decode([0xFF, 0xFE, 0x41, 0x00], "utf-16le")), "41");
                check(failures, "utf-16be bom", codeUnits(decode([0xFE, 0xFF, 0x00, 0x41], "utf-16be")), "41");
                check(failures, "other endianness bom is a character", codeUnits(decode([0xFE, 0xFF], "utf-16le")), "fffe");
                check(failures, "windows-1252 keeps bytes", codeUnits(decode([0xEF, 0xBB, 0xBF], "windows-1252")), "ef bb bf");
                check(failures, "streamed bom", decodeStreaming([0xEF, 0xBB, 0xBF, 0x41, 0x42], 1), "AB");
                const d = new TextDecoder();
                check(failures, "empty chunk does not see the bom", d.decode(new Uint8Array(0), { stream: true }), "");
                check(failures, "then the bom", d.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x43]), { stream: true }), "C");
                check(failures, "not again in the stream", codeUnits(d.decode(new Uint8Array([0xEF, 0xBB, 0xBF]))), "feff");
                check(failures, "a new stream skips it again", d.decode(new Uint8Array([0xEF, 0xBB, 0xBF, 0x44])), "D");
                """);
    }

    @Test
    void utf16DecodersPairSurrogatesAndReportLoneOnes() {
        js.assertNoFailures("""
                check(failures, "le", codeUnits(decode([0x41, 0x00, 0x3D, 0xD8, 0x00, 0xDE], "utf-16le")), "41 1f600");
                check(failures, "be", codeUnits(decode([0x00, 0x41, 0xD8, 0x3D, 0xDE, 0x00], "utf-16be")), "41 1f600");
                check(failures, "lead then bmp", codeUnits(decode([0x00, 0xD8, 0x42, 0x00], "utf-16le")), "fffd 42");
                check(failures, "lead then lead", codeUnits(decode([0x00, 0xD8, 0x00, 0xD8, 0x00, 0xDC], "utf-16le")), "fffd 10000");
                check(failures, "lone trail", codeUnits(decode([0x00, 0xDC, 0x41, 0x00], "utf-16le")), "fffd 41");
                check(failures, "odd byte", codeUnits(decode([0x41, 0x00, 0x42], "utf-16le")), "41 fffd");
                check(failures, "lead at end", codeUnits(decode([0x00, 0xD8], "utf-16le")), "fffd");
                check(failures, "streamed pair", codeUnits(decodeStreaming([0x3D, 0xD8, 0x00, 0xDE, 0x41, 0x00], 1, "utf-16le")), "1f600 41");
                check(failures, "streamed broken pair", codeUnits(decodeStreaming([0x00, 0xD8, 0x41, 0x00], 3, "utf-16le")), "fffd 41");
                check(failures, "fatal lone", attempt(() => decode([0x00, 0xDC], "utf-16le", { fatal: true })).split(":")[0], "TypeError");
                check(failures, "fatal odd", attempt(() => decode([0x41], "utf-16be", { fatal: true })).split(":")[0], "TypeError");
                """);
    }

    @Test
    void fatalStreamsKeepTheBytesAfterTheError() {
        js.assertNoFailures("""
                const d = new TextDecoder("utf-8", { fatal: true });
                check(failures, "incomplete is fine while streaming", d.decode(new Uint8Array([0xC3]), { stream: true }), "");
                check(failures, "flush fails", attempt(() => d.decode()).split(":")[0], "TypeError");
                check(failures, "then a fresh stream", d.decode(new Uint8Array([0x41])), "A");
                const s = new TextDecoder("utf-8", { fatal: true });
                check(failures, "error mid stream", attempt(() => s.decode(new Uint8Array([0x41, 0xE2, 0x41, 0x42]), { stream: true })).split(":")[0], "TypeError");
                check(failures, "queued bytes come next", s.decode(new Uint8Array([0x43]), { stream: true }), "ABC");
                const u = new TextDecoder("utf-16le", { fatal: true });
                check(failures, "utf-16 error", attempt(() => u.decode(new Uint8Array([0x00, 0xD8, 0x41, 0x00]), { stream: true })).split(":")[0], "TypeError");
                check(failures, "utf-16 restored unit", u.decode(new Uint8Array([0x42, 0x00])), "AB");
                check(failures, "message", attempt(() => new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xFF]))),
                  "TypeError: Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid for encoding utf-8.");
                check(failures, "fatal getter", new TextDecoder("utf-8", { fatal: 1 }).fatal, true);
                check(failures, "ignoreBOM getter", new TextDecoder("utf-8", { ignoreBOM: "yes" }).ignoreBOM, true);
                """);
    }

    @Test
    void singleByteDecoders() {
        js.assertNoFailures("""
                const all = Array.from({ length: 256 }, (_, i) => i);
                const w = decode(all, "windows-1252");
                check(failures, "length", w.length, 256);
                check(failures, "ascii", w.slice(0, 128), String.fromCharCode(...all.slice(0, 128)));
                check(failures, "c1", codeUnits(w.slice(0x80, 0x90)), "20ac 81 201a 192 201e 2026 2020 2021 2c6 2030 160 2039 152 8d 17d 8f");
                check(failures, "c1 high", codeUnits(w.slice(0x90, 0xA0)), "90 2018 2019 201c 201d 2022 2013 2014 2dc 2122 161 203a 153 9d 17e 178");
                check(failures, "latin1", w.slice(0xA0), String.fromCharCode(...all.slice(0xA0)));
                const x = decode(all, "x-user-defined");
                check(failures, "x-user-defined", codeUnits(x.slice(126, 130)), "7e 7f f780 f781");
                check(failures, "x-user-defined end", x.charCodeAt(255), 0xF7FF);
                """);
    }

    @Test
    void inputsOfEveryBufferSourceType() {
        js.assertNoFailures("""
                const bytes = new Uint8Array([0x68, 0x69, 0x21, 0x21]);
                const d = new TextDecoder();
                check(failures, "ArrayBuffer", d.decode(bytes.buffer), "hi!!");
                check(failures, "DataView", d.decode(new DataView(bytes.buffer, 1, 2)), "i!");
                check(failures, "Uint16Array", d.decode(new Uint16Array(bytes.buffer, 2, 1)), "!!");
                check(failures, "offset view", d.decode(bytes.subarray(1, 3)), "i!");
                check(failures, "SharedArrayBuffer", d.decode(new Uint8Array(new SharedArrayBuffer(2)).fill(0x61)), "aa");
                check(failures, "no input", d.decode(), "");
                check(failures, "undefined input", d.decode(undefined), "");
                const detached = new Uint8Array([0x61]).buffer;
                const view = new Uint8Array(detached);
                const dataView = new DataView(detached);
                detached.transfer();
                check(failures, "detached", d.decode(detached), "");
                check(failures, "detached view", d.decode(view), "");
                check(failures, "detached DataView", d.decode(dataView), "");
                check(failures, "not a buffer", attempt(() => d.decode([0x61])).split(":")[0], "TypeError");
                check(failures, "string", attempt(() => d.decode("a")).split(":")[0], "TypeError");
                check(failures, "null", attempt(() => d.decode(null)).split(":")[0], "TypeError");
                check(failures, "options", attempt(() => d.decode(bytes, 1)).split(":")[0], "TypeError");
                """);
    }

    @Test
    void interfaceShapeAndBrandChecks() {
        js.assertNoFailures("""
                const proto = TextDecoder.prototype;
                check(failures, "length", TextDecoder.length, 0);
                check(failures, "decode.length", proto.decode.length, 0);
                check(failures, "toStringTag", Object.prototype.toString.call(new TextDecoder()), "[object TextDecoder]");
                for (const name of ["encoding", "fatal", "ignoreBOM"]) {
                  const desc = Object.getOwnPropertyDescriptor(proto, name);
                  check(failures, name, typeof desc.get + desc.set + desc.enumerable, "functionundefinedtrue");
                  check(failures, name + " brand", attempt(() => desc.get.call({})), "TypeError: Illegal invocation");
                }
                check(failures, "decode brand", attempt(() => proto.decode.call(new TextEncoder())), "TypeError: Illegal invocation");
                check(failures, "without new", attempt(() => TextDecoder()).split(":")[0], "TypeError");
                class Mine extends TextDecoder {}
                check(failures, "subclass", new Mine("utf-16").encoding, "utf-16le");
                """);
    }
}
