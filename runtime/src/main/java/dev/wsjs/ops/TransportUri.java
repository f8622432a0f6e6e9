package dev.wsjs.ops;

import java.net.URI;

/**
 * Turns the URL Standard's serialization of a {@code ws:}/{@code wss:} URL into a {@link URI} for
 * the transport. The URL Standard leaves some characters as they are that {@code java.net.URI}
 * refuses ({@code | ^ ` { } [ ] \ "} in the path or query, a {@code %} not followed by two hex
 * digits); they are percent-encoded here, which is also how OkHttp puts them on the wire, so the
 * server sees the same request target.
 */
final class TransportUri {

    /** Characters of a path or query that java.net.URI refuses but the URL Standard may leave unencoded. */
    private static final String REFUSED = "\"<>\\^`{|}[] ";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private TransportUri() {}

    /**
     * <p>A host name outside RFC 2396 but valid for the URL Standard (with '_', say) gives a URI
     * whose authority is "registry-based" ({@link URI#getHost()} is null);
     * {@link dev.wsjs.websocket.HandshakeRequest#host()} reads the host from it.
     *
     * @throws IllegalArgumentException if the result is still no URI java.net.URI accepts (e.g. a
     *         host name with '{' or '`', which the URL Standard allows in a domain)
     */
    static URI of(String href) {
        int afterScheme = href.indexOf("://");
        int authorityStart = afterScheme < 0 ? 0 : afterScheme + 3;
        int pathStart = firstOf(href, authorityStart, '/', '?');
        StringBuilder sb = null;
        for (int i = authorityStart; i < href.length(); i++) {
            char ch = href.charAt(i);
            boolean encode = (ch == '%' && !hexPairAt(href, i + 1))
                    || ch <= 0x20 || ch == 0x7f
                    || (i >= pathStart && REFUSED.indexOf(ch) >= 0);
            if (encode && sb == null) {
                sb = new StringBuilder(href.length() + 16).append(href, 0, i);
            }
            if (sb != null) {
                if (encode) {
                    // Only ASCII characters are encoded (the serialization is ASCII anyway).
                    sb.append('%').append(HEX[(ch >> 4) & 0xF]).append(HEX[ch & 0xF]);
                } else {
                    sb.append(ch);
                }
            }
        }
        return URI.create(sb == null ? href : sb.toString());
    }

    private static int firstOf(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == a || ch == b) return i;
        }
        return s.length();
    }

    private static boolean hexPairAt(String s, int i) {
        return i + 1 < s.length() && isHex(s.charAt(i)) && isHex(s.charAt(i + 1));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
