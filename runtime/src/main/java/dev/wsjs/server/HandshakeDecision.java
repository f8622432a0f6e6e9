package dev.wsjs.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** A {@link Handler}'s answer to an opening handshake: accept it, or reject it with an HTTP status. */
public sealed interface HandshakeDecision {

    /**
     * Accept the upgrade.
     *
     * @param protocol the chosen subprotocol (one the client offered), or null for none
     * @param headers extra response headers (e.g. Set-Cookie)
     */
    record Accept(String protocol, Map<String, String> headers) implements HandshakeDecision {
        public Accept {
            headers = Map.copyOf(headers);
        }

        /** The same decision with one more response header. */
        public Accept withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Accept(protocol, more);
        }
    }

    /** Answer with this status and a plain-text body instead of 101; the connection then closes. */
    record Reject(int status, String body) implements HandshakeDecision {
        public Reject {
            if (status < 200 || status > 599 || status == 101) {
                throw new IllegalArgumentException("not a rejection status: " + status);
            }
            body = body == null ? "" : body;
        }
    }

    /** Accept without a subprotocol. */
    static Accept accept() {
        return new Accept(null, Map.of());
    }

    /** Accept with a subprotocol (null for none). */
    static Accept accept(String protocol) {
        return new Accept(protocol, Map.of());
    }

    /** Reject with an HTTP status and body. */
    static Reject reject(int status, String body) {
        return new Reject(status, body);
    }
}
