package dev.wsjs.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** UTF-8 decode per the Encoding Standard: one U+FFFD per maximal invalid subsequence, BOM dropped. */
class Utf8Test {

    private static String decode(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return Utf8.decode(b, 0, b.length);
    }

    @Test
    void validInputDecodesAndALeadingBomIsDropped() {
        assertEquals("A\u00e9\u20ac\uD83D\uDE00", decode(0x41, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80));
        assertEquals("A", decode(0xEF, 0xBB, 0xBF, 0x41));
        assertEquals("\uFEFFA", decode(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x41), "only one BOM is dropped");
        assertEquals("", decode(0xEF, 0xBB, 0xBF));
        assertEquals("\uFFFD", decode(0xEF, 0xBF, 0xBD), "an encoded U+FFFD stays one character");
    }

    @Test
    void invalidSequencesBecomeOneReplacementPerMaximalSubpart() {
        // An encoded surrogate: ED must be followed by 80..9F, so each byte is an error of its own.
        assertEquals("\uFFFD\uFFFD\uFFFD", decode(0xED, 0xA0, 0x80));
        // Overlong forms.
        assertEquals("\uFFFD\uFFFD", decode(0xC0, 0x80));
        assertEquals("\uFFFD\uFFFD\uFFFD", decode(0xF0, 0x80, 0x80));
        // Beyond U+10FFFF.
        assertEquals("\uFFFD\uFFFD", decode(0xF4, 0x90));
        // A truncated sequence is one error, and the byte that cut it short is processed again.
        assertEquals("\uFFFDA", decode(0xE2, 0x82, 0x41));
        assertEquals("\uFFFD", decode(0xE2, 0x82));
        assertEquals("a\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDb", decode(0x61, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x62));
        assertEquals("\uFFFD\u00e9", decode(0xFF, 0xC3, 0xA9));
    }

    @Test
    void decodingARangeHonoursOffsetAndLength() {
        byte[] b = {0x20, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 0x41, 0x42, 0x43};
        assertEquals("AB", Utf8.decode(b, 1, 5));
        assertEquals("\uFEFFAB", Utf8.decodeWithoutBom(b, 1, 5));
    }
}
