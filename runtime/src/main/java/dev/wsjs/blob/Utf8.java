package dev.wsjs.blob;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding exactly as the Encoding Standard defines it (https://encoding.spec.whatwg.org/):
 * every maximal invalid subsequence becomes one U+FFFD, which the JDK's decoder does differently
 * for some inputs (it turns an encoded surrogate such as {@code ED A0 80} into one U+FFFD, the
 * standard into three).
 */
public final class Utf8 {

    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {}

    /**
     * https://encoding.spec.whatwg.org/#utf-8-decode: decodes {@code length} bytes of {@code bytes}
     * from {@code offset}, dropping a leading byte order mark.
     */
    public static String decode(byte[] bytes, int offset, int length) {
        // 1. Let buffer be the result of peeking three bytes from ioQueue, converted to a byte sequence.
        // 2. If buffer is 0xEF 0xBB 0xBF, then read three bytes from ioQueue. (Do nothing with those bytes.)
        if (length >= 3 && bytes[offset] == (byte) 0xEF && bytes[offset + 1] == (byte) 0xBB
                && bytes[offset + 2] == (byte) 0xBF) {
            offset += 3;
            length -= 3;
        }
        // 3. Process a queue with an instance of UTF-8's decoder, ioQueue, output, and "replacement".
        return decodeWithoutBom(bytes, offset, length);
    }

    /** https://encoding.spec.whatwg.org/#utf-8-decode-without-bom. */
    public static String decodeWithoutBom(byte[] bytes, int offset, int length) {
        // The JDK decoder is intrinsified and agrees with the standard on valid input, which is the
        // common case; a U+FFFD in its output means the input may have been invalid (or held an
        // encoded U+FFFD), and only then does the exact decoder below run.
        String fast = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (fast.indexOf(REPLACEMENT) < 0) return fast;
        return decodeExactly(bytes, offset, length);
    }

    /** https://encoding.spec.whatwg.org/#utf-8-decoder with error mode "replacement". */
    static String decodeExactly(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        // UTF-8's decoder has an associated UTF-8 code point, UTF-8 bytes seen, and UTF-8 bytes needed
        // (all initially 0), a UTF-8 lower boundary (initially 0x80), and a UTF-8 upper boundary
        // (initially 0xBF).
        int codePoint = 0;
        int bytesSeen = 0;
        int bytesNeeded = 0;
        int lowerBoundary = 0x80;
        int upperBoundary = 0xBF;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            // 3. If UTF-8 bytes needed is 0, then based on byte:
            if (bytesNeeded == 0) {
                i++;
                if (b <= 0x7F) {
                    // 0x00 to 0x7F: Return a code point whose value is byte.
                    out.append((char) b);
                } else if (b >= 0xC2 && b <= 0xDF) {
                    // 0xC2 to 0xDF: Set UTF-8 bytes needed to 1. Set UTF-8 code point to byte & 0x1F.
                    bytesNeeded = 1;
                    codePoint = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    // 0xE0 to 0xEF: 1. If byte is 0xE0, then set UTF-8 lower boundary to 0xA0.
                    if (b == 0xE0) lowerBoundary = 0xA0;
                    // 2. If byte is 0xED, then set UTF-8 upper boundary to 0x9F.
                    if (b == 0xED) upperBoundary = 0x9F;
                    // 3. Set UTF-8 bytes needed to 2. 4. Set UTF-8 code point to byte & 0xF.
                    bytesNeeded = 2;
                    codePoint = b & 0xF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    // 0xF0 to 0xF4: 1. If byte is 0xF0, then set UTF-8 lower boundary to 0x90.
                    if (b == 0xF0) lowerBoundary = 0x90;
                    // 2. If byte is 0xF4, then set UTF-8 upper boundary to 0x8F.
                    if (b == 0xF4) upperBoundary = 0x8F;
                    // 3. Set UTF-8 bytes needed to 3. 4. Set UTF-8 code point to byte & 0x7.
                    bytesNeeded = 3;
                    codePoint = b & 0x7;
                } else {
                    // Otherwise: Return error.
                    out.append(REPLACEMENT);
                }
                continue;
            }
            // 4. If byte is not in the range UTF-8 lower boundary to UTF-8 upper boundary, inclusive, then:
            if (b < lowerBoundary || b > upperBoundary) {
                // 1. Set UTF-8 code point, UTF-8 bytes needed, and UTF-8 bytes seen to 0, UTF-8 lower
                //    boundary to 0x80, and UTF-8 upper boundary to 0xBF.
                codePoint = 0;
                bytesNeeded = 0;
                bytesSeen = 0;
                lowerBoundary = 0x80;
                upperBoundary = 0xBF;
                // 2. Restore byte to ioQueue (i is not advanced). 3. Return error.
                out.append(REPLACEMENT);
                continue;
            }
            i++;
            // 5. Set UTF-8 lower boundary to 0x80 and UTF-8 upper boundary to 0xBF.
            lowerBoundary = 0x80;
            upperBoundary = 0xBF;
            // 6. Set UTF-8 code point to (UTF-8 code point << 6) | (byte & 0x3F).
            codePoint = (codePoint << 6) | (b & 0x3F);
            // 7. Increase UTF-8 bytes seen by one.
            bytesSeen++;
            // 8. If UTF-8 bytes seen is not equal to UTF-8 bytes needed, return continue.
            if (bytesSeen != bytesNeeded) continue;
            // 9-11. Let code point be UTF-8 code point; reset the state; return the code point.
            out.appendCodePoint(codePoint);
            codePoint = 0;
            bytesNeeded = 0;
            bytesSeen = 0;
        }
        // 1. If byte is end-of-queue and UTF-8 bytes needed is not 0, set UTF-8 bytes needed to 0 and
        //    return error.
        if (bytesNeeded != 0) out.append(REPLACEMENT);
        return out.toString();
    }
}
