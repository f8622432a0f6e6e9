package dev.wsjs.websocket;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the client sends in the opening handshake.
 *
 * @param url a {@code ws:} or {@code wss:} URL without fragment; user info becomes a Basic
 *        {@code Authorization} header
 * @param protocols the subprotocols offered, in order of preference (may be empty)
 * @param origin the {@code Origin} header value, or null for none
 * @param userAgent the {@code User-Agent} header value, or null for OkHttp's default
 * @param extraHeaders further request headers; the headers of the upgrade itself always win
 */
public record HandshakeRequest(URI url, List<String> protocols, String origin, String userAgent,
        Map<String, String> extraHeaders) {

    public HandshakeRequest {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("not a ws: or wss: URL: " + url);
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("a WebSocket URL has no fragment: " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("a WebSocket URL needs a host: " + url);
        }
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
    }

    /** A request for {@code url} with no subprotocols, no Origin and default headers. */
    public static HandshakeRequest of(URI url) {
        return new HandshakeRequest(url, List.of(), null, null, Map.of());
    }

    /** Whether the URL is {@code wss:}. */
    public boolean secure() {
        return "wss".equalsIgnoreCase(url.getScheme());
    }

    /** The port the connection goes to: the URL's, else 80 for ws: and 443 for wss:. */
    public int effectivePort() {
        int port = url.getPort();
        return port != -1 ? port : secure() ? 443 : 80;
    }
}
