package dev.wsjs.server;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A client's opening handshake request as the server received it: request target, headers
 * (names case-insensitive, repeated headers kept in order) and the subprotocols it offered.
 */
public final class UpgradeRequest {

    private final String method;
    private final String target;
    private final Map<String, List<String>> headers;
    private final List<String> protocols;
    private final InetSocketAddress remoteAddress;

    UpgradeRequest(String method, String target, Map<String, List<String>> headers, InetSocketAddress remoteAddress) {
        this.method = method;
        this.target = target;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.remoteAddress = remoteAddress;
        List<String> offered = new ArrayList<>();
        for (String value : headers("Sec-WebSocket-Protocol")) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    offered.add(item.trim());
                }
            }
        }
        this.protocols = List.copyOf(offered);
    }

    /** The request method (GET for a valid handshake). */
    public String method() {
        return method;
    }

    /** The request target as sent: path and query, still percent-encoded. */
    public String target() {
        return target;
    }

    /** The target's path, without the query. */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The target's query without '?', or null if there is none. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All values of a header in the order received (empty if absent). */
    public List<String> headers(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    /** The header names received. */
    public Set<String> headerNames() {
        return headers.keySet();
    }

    /** The subprotocols the client offered, in its order of preference. */
    public List<String> protocols() {
        return protocols;
    }

    /** The client's address. */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}
