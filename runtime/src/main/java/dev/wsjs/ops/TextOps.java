package dev.wsjs.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import dev.wsjs.blob.Utf8;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.shadowed.com.ibm.icu.text.IDNA;

/**
 * Text operations the URL and Encoding layers hand to Java when Java is much faster than a JS loop
 * (bulk UTF-8, base64) or has the data (UTS #46 IDNA, from the ICU4J that GraalJS ships).
 * Stateless; invoked only by the loop thread.
 */
public final class TextOps {

    /**
     * UTS #46 with the URL Standard's flags: CheckBidi, CheckJoiners, nontransitional processing.
     * UseSTD3ASCIIRules, CheckHyphens and VerifyDnsLength are what {@code beStrict} turns on; ICU
     * always checks hyphens and DNS lengths, so those errors are ignored when not strict.
     */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(
            IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE);
    private static final IDNA UTS46_STRICT = IDNA.getUTS46Instance(
            IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.NONTRANSITIONAL_TO_UNICODE
                    | IDNA.USE_STD3_RULES);

    /** Errors that only CheckHyphens=true or VerifyDnsLength=true make fatal. */
    private static final Set<IDNA.Error> LENIENT_ERRORS = EnumSet.of(
            IDNA.Error.HYPHEN_3_4, IDNA.Error.LEADING_HYPHEN, IDNA.Error.TRAILING_HYPHEN,
            IDNA.Error.EMPTY_LABEL, IDNA.Error.LABEL_TOO_LONG, IDNA.Error.DOMAIN_NAME_TOO_LONG);

    TextOps() {}

    /**
     * The URL Standard's "domain parser ToASCII": UTS #46 ToASCII with CheckHyphens,
     * UseSTD3ASCIIRules and VerifyDnsLength set to {@code beStrict}. Returns null on failure.
     */
    @HostAccess.Export
    public String domainToASCII(String domain, boolean beStrict) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder result = new StringBuilder(domain.length() + 8);
        (beStrict ? UTS46_STRICT : UTS46).nameToASCII(domain, result, info);
        if (info.hasErrors()) {
            if (beStrict) return null;
            for (IDNA.Error error : info.getErrors()) {
                if (!LENIENT_ERRORS.contains(error)) return null;
            }
        }
        return result.toString();
    }

    /**
     * UTF-8 encode: the bytes of {@code s}, a lone surrogate encoded as U+FFFD (as for a scalar
     * value string). The buffer becomes a JS ArrayBuffer without a copy.
     */
    @HostAccess.Export
    public ByteBuffer utf8Encode(String s) {
        return ByteBuffer.wrap(toWellFormed(s).getBytes(StandardCharsets.UTF_8));
    }

    /** The number of bytes {@link #utf8Encode} produces for {@code s}. */
    @HostAccess.Export
    public double utf8ByteLength(String s) {
        long n = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3; // a BMP code point, or a lone surrogate encoded as U+FFFD
            }
        }
        return n;
    }

    /**
     * UTF-8 decode without BOM of {@code length} bytes of a JS ArrayBuffer from {@code offset}.
     * With {@code fatal} returns null at the first error (the JDK decoder accepts exactly the
     * standard's well-formed UTF-8); otherwise every error becomes U+FFFD as the Encoding
     * Standard's decoder does it.
     */
    @HostAccess.Export
    public String utf8Decode(Value arrayBuffer, double offset, int length, boolean fatal) {
        byte[] bytes = new byte[length];
        arrayBuffer.readBuffer((long) offset, bytes, 0, length);
        if (!fatal) return Utf8.decodeWithoutBom(bytes, 0, length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * btoa's encoding step: {@code data} as bytes (each code unit one byte) in base64, or null
     * if a code unit is above U+00FF (the caller throws InvalidCharacterError).
     */
    @HostAccess.Export
    public String base64Encode(String data) {
        int length = data.length();
        for (int i = 0; i < length; i++) {
            if (data.charAt(i) > 0xFF) return null;
        }
        return Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The Infra Standard's forgiving-base64 decode, returning the bytes as a string of code units
     * U+0000–U+00FF (atob's result), or null for failure.
     */
    @HostAccess.Export
    public String base64Decode(String data) {
        // 1. Remove all ASCII whitespace from data.
        StringBuilder clean = null;
        int length = data.length();
        for (int i = 0; i < length; i++) {
            char c = data.charAt(i);
            boolean whitespace = c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
            if (whitespace && clean == null) clean = new StringBuilder(data.substring(0, i));
            else if (!whitespace && clean != null) clean.append(c);
        }
        CharSequence input = clean == null ? data : clean;
        int end = input.length();
        // 2. If data's code point length divides by 4 leaving no remainder, then: if data ends
        //    with one or two U+003D (=) code points, then remove them from data.
        if (end % 4 == 0 && end > 0 && input.charAt(end - 1) == '=') {
            end--;
            if (input.charAt(end - 1) == '=') end--;
        }
        // 3. If data's code point length divides by 4 leaving a remainder of 1, return failure.
        if (end % 4 == 1) return null;
        // 4. If data contains a code point that is not one of U+002B (+), U+002F (/), ASCII
        //    alphanumeric, then return failure.
        // 5.–8. Decode 6 bits per code point, 8 bits per output byte; at the end, 12 buffered
        //    bits give one byte and 18 give two (the rest is discarded).
        byte[] output = new byte[end / 4 * 3 + 2];
        int n = 0;
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            int value = base64Value(input.charAt(i));
            if (value < 0) return null;
            buffer = (buffer << 6) | value;
            bits += 6;
            if (bits == 24) {
                output[n++] = (byte) (buffer >> 16);
                output[n++] = (byte) (buffer >> 8);
                output[n++] = (byte) buffer;
                buffer = 0;
                bits = 0;
            }
        }
        if (bits == 12) {
            output[n++] = (byte) (buffer >> 4);
        } else if (bits == 18) {
            output[n++] = (byte) (buffer >> 10);
            output[n++] = (byte) (buffer >> 2);
        }
        return new String(output, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static int base64Value(char c) {
        if (c >= 'A' && c <= 'Z') return c - 'A';
        if (c >= 'a' && c <= 'z') return c - 'a' + 26;
        if (c >= '0' && c <= '9') return c - '0' + 52;
        if (c == '+') return 62;
        if (c == '/') return 63;
        return -1;
    }

    /** {@code s} with every lone surrogate replaced by U+FFFD; {@code s} itself when it has none. */
    static String toWellFormed(String s) {
        int length = s.length();
        char[] copy = null;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (copy == null) copy = s.toCharArray();
            copy[i] = '\uFFFD';
        }
        return copy == null ? s : new String(copy);
    }

    /**
     * The index single-byte of a legacy single-byte encoding of the Encoding Standard, by encoding
     * name, as 128 UTF-16 code units for pointers 0–127; U+FFFD marks a pointer with no code point
     * (no single-byte index maps to U+FFFD). Null for any other name. Read from the standard's
     * tables in {@code dev/wsjs/encoding/single-byte-indexes.txt} on first use.
     */
    @HostAccess.Export
    public String singleByteIndex(String encoding) {
        return SingleByteIndexes.ALL.get(encoding);
    }

    /** Loaded when an encoding first needs its index: most programs never decode a legacy encoding. */
    private static final class SingleByteIndexes {
        static final Map<String, String> ALL = load();

        private static Map<String, String> load() {
            Map<String, String> indexes = new HashMap<>();
            try (InputStream in = TextOps.class.getResourceAsStream("/dev/wsjs/encoding/single-byte-indexes.txt")) {
                if (in == null) throw new IllegalStateException("single-byte-indexes.txt is missing");
                for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] fields = line.strip().split(" ");
                    if (fields.length != 129) throw new IllegalStateException("bad index line for " + fields[0]);
                    StringBuilder index = new StringBuilder(128);
                    for (int i = 1; i < fields.length; i++) {
                        index.append(fields[i].equals("-") ? '\uFFFD' : (char) Integer.parseInt(fields[i], 16));
                    }
                    indexes.put(fields[0], index.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // ISO-8859-8-I is ISO-8859-8 (the "I" only changes the text direction in documents).
            indexes.put("ISO-8859-8-I", indexes.get("ISO-8859-8"));
            return Map.copyOf(indexes);
        }
    }
}
