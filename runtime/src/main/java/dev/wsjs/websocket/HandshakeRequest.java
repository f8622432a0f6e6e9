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
        if (Authority.of(url).host() == null) {
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

    /**
     * The URL's host as the URL Standard parsed it: a domain, an IPv4 address or a bracketed IPv6
     * address. Not {@link URI#getHost()}, which is null for domains the URL Standard allows and RFC 2396
     * does not (a label with '_' or ending in '-', common in container and service names).
     */
    public String host() {
        return Authority.of(url).host();
    }

    /** The URL's user info, still percent-encoded, or null if it has none. */
    public String rawUserInfo() {
        return Authority.of(url).userInfo();
    }

    /** The port the connection goes to: the URL's, else 80 for ws: and 443 for wss:. */
    public int effectivePort() {
        int port = Authority.of(url).port();
        return port != -1 ? port : secure() ? 443 : 80;
    }

    /**
     * The parts of a URL's authority. java.net.URI splits only authorities that follow RFC 2396's
     * server-based grammar and keeps any other as one "registry-based" string; this splits that
     * string the way the URL Standard serialized it ({@code userinfo@host:port}).
     */
    private record Authority(String userInfo, String host, int port) {
        static Authority of(URI url) {
            if (url.getHost() != null) {
                return new Authority(url.getRawUserInfo(), url.getHost(), url.getPort());
            }
            String raw = url.getRawAuthority();
            if (raw == null) {
                return new Authority(null, null, -1);
            }
            int at = raw.lastIndexOf('@');
            String userInfo = at < 0 ? null : raw.substring(0, at);
            String hostPort = raw.substring(at + 1);
            int colon = hostPort.lastIndexOf(':');
            if (hostPort.startsWith("[") && colon < hostPort.indexOf(']')) {
                colon = -1; // a colon inside an IPv6 address
            }
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = -1;
            if (colon >= 0 && colon + 1 < hostPort.length()) {
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a port: " + url, e);
                }
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("port out of range: " + url);
                }
            }
            return new Authority(userInfo, host.isEmpty() ? null : host, port);
        }
    }
}
