package dev.wsjs.websocket.http2;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HPACK decoding against the examples of RFC 7541 Appendix C, and the encoder's round trip. */
class HpackTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static HeaderField f(String name, String value) {
        return new HeaderField(name, value);
    }

    @Test
    void requestsWithHuffmanShareTheDynamicTable() throws Exception {
        // RFC 7541 C.4.1 - C.4.3: the same decoder across three requests.
        HpackDecoder d = new HpackDecoder(4096, 65536);
        assertEquals(List.of(f(":method", "GET"), f(":scheme", "http"), f(":path", "/"),
                f(":authority", "www.example.com")), d.decode(hex("8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff")));
        assertEquals(57, d.tableSize());
        assertEquals(List.of(f(":method", "GET"), f(":scheme", "http"), f(":path", "/"),
                f(":authority", "www.example.com"), f("cache-control", "no-cache")),
                d.decode(hex("8286 84be 5886 a8eb 1064 9cbf")));
        assertEquals(110, d.tableSize());
        assertEquals(List.of(f(":method", "GET"), f(":scheme", "https"), f(":path", "/index.html"),
                f(":authority", "www.example.com"), f("custom-key", "custom-value")),
                d.decode(hex("8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf")));
        assertEquals(164, d.tableSize());
    }

    @Test
    void requestWithoutHuffman() throws Exception {
        // RFC 7541 C.3.1.
        HpackDecoder d = new HpackDecoder(4096, 65536);
        assertEquals(List.of(f(":method", "GET"), f(":scheme", "http"), f(":path", "/"),
                f(":authority", "www.example.com")),
                d.decode(hex("8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d")));
    }

    @Test
    void tableSizeUpdateThenResponseFieldsWithEviction() throws Exception {
        // A size update to 256 (RFC 7541 C.6's table size), then C.6.1's response.
        HpackDecoder d = new HpackDecoder(4096, 65536);
        assertEquals(List.of(f(":status", "302"), f("cache-control", "private"),
                f("date", "Mon, 21 Oct 2013 20:13:21 GMT"), f("location", "https://www.example.com")),
                d.decode(hex("3fe101488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff"
                        + "6e919d29ad171863c78f0b97c8e9ae82ae43d3")));
        assertEquals(222, d.tableSize());
        // C.6.2: ":status 307" evicts the oldest entry (":status 302") to fit in 256.
        assertEquals(List.of(f(":status", "307"), f("cache-control", "private"),
                f("date", "Mon, 21 Oct 2013 20:13:21 GMT"), f("location", "https://www.example.com")),
                d.decode(hex("4883 640e ffc1 c0bf")));
        assertEquals(222, d.tableSize());
    }

    @Test
    void sizeUpdateAboveTheAdvertisedLimitOrAfterAFieldIsAnError() {
        HpackDecoder d = new HpackDecoder(100, 65536);
        assertThrows(Http2Exception.class, () -> d.decode(hex("3f 46"))); // 31 + 70 = 101 > 100
        assertThrows(Http2Exception.class, () -> new HpackDecoder(4096, 65536).decode(hex("82 20")));
    }

    @Test
    void badIndicesAndTruncationAreCompressionErrors() {
        HpackDecoder d = new HpackDecoder(4096, 65536);
        Http2Exception zero = assertThrows(Http2Exception.class, () -> d.decode(hex("80")));
        assertEquals(Http2Exception.COMPRESSION_ERROR, zero.errorCode());
        assertThrows(Http2Exception.class, () -> d.decode(hex("be"))); // 62: empty dynamic table
        assertThrows(Http2Exception.class, () -> d.decode(hex("0003 6162"))); // name cut short
        assertThrows(Http2Exception.class, () -> d.decode(hex("ff ff ff ff ff 0f"))); // integer overflow
    }

    @Test
    void huffmanPaddingRules() throws Exception {
        // "a" is 00011 (5 bits): padded with three 1 bits it is 0x1f.
        assertArrayEquals("a".getBytes(), Huffman.decode(new byte[] {0x1f}, 0, 1));
        // Padding of zeros instead of ones.
        assertThrows(Http2Exception.class, () -> Huffman.decode(new byte[] {0x18}, 0, 1));
        // Eight bits of padding (a whole extra 0xff byte).
        assertThrows(Http2Exception.class, () -> Huffman.decode(new byte[] {0x1f, (byte) 0xff}, 0, 2));
        // The EOS symbol itself (30 ones) inside the string.
        assertThrows(Http2Exception.class, () -> Huffman.decode(hex("ffff ffff"), 0, 4));
    }

    @Test
    void canonicalCodesMatchTheTableEndpoints() {
        int[] codes = Huffman.codes();
        // RFC 7541 Appendix B: '0' = 00000, 'a' = 00011, EOS = 30 ones, 0 = 1111111111000 (13 bits).
        assertEquals(0x0, codes['0']);
        assertEquals(0x3, codes['a']);
        assertEquals(0x3fffffff, codes[256]);
        assertEquals(0x1ff8, codes[0]);
        assertEquals(13, Huffman.codeLength(0));
    }

    @Test
    void encoderOutputDecodes() throws Exception {
        List<HeaderField> fields = List.of(f(":method", "CONNECT"), f(":protocol", "websocket"),
                f(":path", "/chat?x=1"), f("sec-websocket-protocol", "a".repeat(300)), f("user-agent", "wsjs é"));
        List<HeaderField> decoded = new HpackDecoder(4096, 65536).decode(HpackEncoder.encode(fields));
        assertEquals(fields.subList(0, 4), decoded.subList(0, 4));
        assertEquals("wsjs \u00c3\u00a9", decoded.get(4).value()); // UTF-8 octets, one char each
    }

    @Test
    void headerListSizeIsBounded() {
        HpackDecoder d = new HpackDecoder(4096, 100);
        byte[] big = HpackEncoder.encode(List.of(f("x", "y".repeat(100))));
        Http2Exception e = assertThrows(Http2Exception.class, () -> d.decode(big));
        assertEquals(Http2Exception.PROTOCOL_ERROR, e.errorCode());
    }
}
