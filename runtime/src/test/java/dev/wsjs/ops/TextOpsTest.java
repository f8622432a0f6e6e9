package dev.wsjs.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The Java side of the URL and Encoding layers, without a JS context. */
class TextOpsTest {

    private final TextOps ops = new TextOps();

    @Test
    void domainToAsciiUsesNontransitionalProcessingAndIgnoresDnsRulesWhenLenient() {
        assertEquals("xn--fa-hia.de", ops.domainToASCII("fa\u00df.de", false));
        assertEquals("xn--53h.example", ops.domainToASCII("\u2615.example", false));
        assertEquals("xn----x-9la", ops.domainToASCII("\u00e9--x", false));
        assertEquals("xn--9ca..b", ops.domainToASCII("\u00e9..b", false));
        assertEquals("a.b", ops.domainToASCII("a\u3002B\u00ad", false));
        // CheckBidi and CheckJoiners stay on; invalid Punycode and disallowed code points fail.
        assertNull(ops.domainToASCII("a\u200db", false));
        assertNull(ops.domainToASCII("\u05d0a", false));
        assertNull(ops.domainToASCII("\u00e9.xn--a", false));
        assertNull(ops.domainToASCII("\ufffd", false));
    }

    @Test
    void domainToAsciiStrictAddsHyphenStd3AndLengthRules() {
        assertNull(ops.domainToASCII("ab--\u00e9", true));
        assertEquals("xn--ab---epa", ops.domainToASCII("ab--\u00e9", false));
        assertNull(ops.domainToASCII("-\u00e9", true));
        assertNull(ops.domainToASCII("\u00e9..b", true));
        assertNull(ops.domainToASCII("a_\u00e9", true));
        assertEquals("xn--a_-cja", ops.domainToASCII("a_\u00e9", false));
        assertNull(ops.domainToASCII("a".repeat(64) + ".\u00e9", true));
        assertEquals("xn--9ca.de", ops.domainToASCII("\u00e9.de", true));
    }

    @Test
    void utf8EncodeReplacesLoneSurrogates() {
        assertEquals("61 ef bf bd f0 9f 98 80 ef bf bd", hex(ops.utf8Encode("a\ud800\ud83d\ude00\udc00").array()));
        assertEquals(11.0, ops.utf8ByteLength("a\ud800\ud83d\ude00\udc00"));
        assertEquals("abc", TextOps.toWellFormed("abc"));
    }

    @Test
    void base64FollowsForgivingBase64() {
        assertEquals("YWI=", ops.base64Encode("ab"));
        assertNull(ops.base64Encode("\u0100"));
        assertEquals("ab", ops.base64Decode(" Y W\nI= "));
        assertEquals("ab", ops.base64Decode("YWI"));
        assertEquals("\u00ff\u00fe", ops.base64Decode("//4="));
        assertNull(ops.base64Decode("YWI=="));
        assertNull(ops.base64Decode("Y"));
        assertNull(ops.base64Decode("YW-I"));
        assertNull(ops.base64Decode("YW=I"));
        assertEquals("", ops.base64Decode(""));
        assertEquals("", ops.base64Decode(" \t"));
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) sb.append(sb.isEmpty() ? "" : " ").append(String.format("%02x", b & 0xFF));
        return sb.toString();
    }
}
