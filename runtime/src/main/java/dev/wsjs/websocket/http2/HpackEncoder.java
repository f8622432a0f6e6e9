package dev.wsjs.websocket.http2;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes header lists as HPACK literals without indexing (RFC 7541 section 6.2.2), raw strings,
 * names from the static table where it has them. A client that sends one request per connection
 * gains nothing from the dynamic table, and never touching it keeps the peer's decoder state trivial.
 */
final class HpackEncoder {

    private HpackEncoder() {}

    static byte[] encode(List<HeaderField> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        for (HeaderField f : fields) {
            int nameIndex = staticNameIndex(f.name());
            // Section 6.2.2: '0000' then the name index (4-bit prefix), 0 meaning a literal name.
            integer(out, 0x00, 4, nameIndex);
            if (nameIndex == 0) {
                string(out, f.name());
            }
            string(out, f.value());
        }
        return out.toByteArray();
    }

    private static int staticNameIndex(String name) {
        for (int i = 1; i <= HpackStaticTable.LENGTH; i++) {
            if (HpackStaticTable.ENTRIES[i].name().equals(name)) return i;
        }
        return 0;
    }

    /** Section 5.1: the value in an N-bit prefix after the flag bits {@code first}. */
    static void integer(ByteArrayOutputStream out, int first, int prefixBits, int value) {
        int max = (1 << prefixBits) - 1;
        if (value < max) {
            out.write(first | value);
            return;
        }
        out.write(first | max);
        value -= max;
        while (value >= 0x80) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    /** Section 5.2 with H = 0. Non-ASCII values go out as UTF-8, as OkHttp writes them on HTTP/1.1. */
    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        integer(out, 0x00, 7, bytes.length);
        out.writeBytes(bytes);
    }
}
