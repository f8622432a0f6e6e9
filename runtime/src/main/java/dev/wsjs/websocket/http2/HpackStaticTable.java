package dev.wsjs.websocket.http2;

/** The HPACK static table (RFC 7541 Appendix A), indices 1..61. */
final class HpackStaticTable {

    static final HeaderField[] ENTRIES = {
        null, // index 0 is not used
        f(":authority", ""), f(":method", "GET"), f(":method", "POST"), f(":path", "/"),
        f(":path", "/index.html"), f(":scheme", "http"), f(":scheme", "https"), f(":status", "200"),
        f(":status", "204"), f(":status", "206"), f(":status", "304"), f(":status", "400"),
        f(":status", "404"), f(":status", "500"), f("accept-charset", ""), f("accept-encoding", "gzip, deflate"),
        f("accept-language", ""), f("accept-ranges", ""), f("accept", ""), f("access-control-allow-origin", ""),
        f("age", ""), f("allow", ""), f("authorization", ""), f("cache-control", ""),
        f("content-disposition", ""), f("content-encoding", ""), f("content-language", ""), f("content-length", ""),
        f("content-location", ""), f("content-range", ""), f("content-type", ""), f("cookie", ""),
        f("date", ""), f("etag", ""), f("expect", ""), f("expires", ""),
        f("from", ""), f("host", ""), f("if-match", ""), f("if-modified-since", ""),
        f("if-none-match", ""), f("if-range", ""), f("if-unmodified-since", ""), f("last-modified", ""),
        f("link", ""), f("location", ""), f("max-forwards", ""), f("proxy-authenticate", ""),
        f("proxy-authorization", ""), f("range", ""), f("referer", ""), f("refresh", ""),
        f("retry-after", ""), f("server", ""), f("set-cookie", ""), f("strict-transport-security", ""),
        f("transfer-encoding", ""), f("user-agent", ""), f("vary", ""), f("via", ""),
        f("www-authenticate", ""),
    };

    static final int LENGTH = ENTRIES.length - 1;

    private HpackStaticTable() {}

    private static HeaderField f(String name, String value) {
        return new HeaderField(name, value);
    }
}
