package dev.wsjs.websocket;

import java.util.List;
import java.util.Map;

/**
 * The parameters of a negotiated permessage-deflate extension (RFC 7692 section 7) and the
 * negotiation rules of both roles.
 *
 * @param serverNoContextTakeover the server resets its compressor after each message
 * @param clientNoContextTakeover the client resets its compressor after each message
 * @param serverMaxWindowBits LZ77 window of the server's compressor (8..15)
 * @param clientMaxWindowBits LZ77 window of the client's compressor (8..15)
 */
public record PerMessageDeflate(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
        int serverMaxWindowBits, int clientMaxWindowBits) {

    public static final String NAME = "permessage-deflate";
    static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    /** The window java.util.zip always compresses with. */
    static final int ZLIB_WINDOW_BITS = 15;

    /** What the client offers: any client window is fine for us (section 7.1.2.2). */
    public static final String CLIENT_OFFER = NAME + "; " + CLIENT_MAX_WINDOW_BITS;

    /** Whether the compressor of {@code role} may use context takeover. */
    public boolean noContextTakeover(Role role) {
        return role == Role.CLIENT ? clientNoContextTakeover : serverNoContextTakeover;
    }

    /**
     * Whether {@code role} may compress outgoing messages: java.util.zip only produces 15-bit
     * windows, so a smaller negotiated window means sending uncompressed messages (allowed: RSV1
     * is per message, section 6).
     */
    public boolean canCompress(Role role) {
        return (role == Role.CLIENT ? clientMaxWindowBits : serverMaxWindowBits) == ZLIB_WINDOW_BITS;
    }

    /** The response header value a server sends for these parameters. */
    public String toResponseHeader(boolean echoClientMaxWindowBits) {
        StringBuilder sb = new StringBuilder(NAME);
        if (serverNoContextTakeover) sb.append("; ").append(SERVER_NO_CONTEXT_TAKEOVER);
        if (clientNoContextTakeover) sb.append("; ").append(CLIENT_NO_CONTEXT_TAKEOVER);
        if (serverMaxWindowBits != ZLIB_WINDOW_BITS) sb.append("; ").append(SERVER_MAX_WINDOW_BITS).append('=').append(serverMaxWindowBits);
        if (echoClientMaxWindowBits || clientMaxWindowBits != ZLIB_WINDOW_BITS) {
            sb.append("; ").append(CLIENT_MAX_WINDOW_BITS).append('=').append(clientMaxWindowBits);
        }
        return sb.toString();
    }

    /**
     * Client side (RFC 7692 section 5.1 and 7.1): validates the server's response extensions
     * against {@link #CLIENT_OFFER}. Returns null when the server accepted no extension.
     *
     * @throws IllegalArgumentException naming what is wrong: an extension we did not offer, a
     *         repeated permessage-deflate, an unknown parameter or an invalid value
     */
    public static PerMessageDeflate acceptServerResponse(List<ExtensionHeader.Extension> extensions, boolean offered) {
        PerMessageDeflate result = null;
        for (ExtensionHeader.Extension ext : extensions) {
            if (!offered || !NAME.equals(ext.name())) {
                throw new IllegalArgumentException("server accepted an extension the client did not offer: " + ext.name());
            }
            if (result != null) {
                throw new IllegalArgumentException("server accepted permessage-deflate twice");
            }
            boolean serverNoTakeover = false;
            boolean clientNoTakeover = false;
            int serverBits = ZLIB_WINDOW_BITS;
            int clientBits = ZLIB_WINDOW_BITS;
            for (Map.Entry<String, String> p : ext.params().entrySet()) {
                switch (p.getKey()) {
                    case SERVER_NO_CONTEXT_TAKEOVER -> serverNoTakeover = noValue(p);
                    case CLIENT_NO_CONTEXT_TAKEOVER -> clientNoTakeover = noValue(p);
                    // Section 7.1.2.1: a server may limit its own window even if not asked to.
                    case SERVER_MAX_WINDOW_BITS -> serverBits = windowBits(p, false);
                    // Section 7.1.2.2: allowed in a response because we offered it.
                    case CLIENT_MAX_WINDOW_BITS -> clientBits = windowBits(p, false);
                    default -> throw new IllegalArgumentException("unknown permessage-deflate parameter: " + p.getKey());
                }
            }
            result = new PerMessageDeflate(serverNoTakeover, clientNoTakeover, serverBits, clientBits);
        }
        return result;
    }

    /**
     * Server side (RFC 7692 section 5.1): the first acceptable permessage-deflate offer, or null.
     *
     * @param serverNoContextTakeover whether the server wants to reset its compressor per message
     */
    public static PerMessageDeflate negotiateServer(List<ExtensionHeader.Extension> offers, boolean serverNoContextTakeover) {
        offer:
        for (ExtensionHeader.Extension ext : offers) {
            if (!NAME.equals(ext.name())) {
                continue;
            }
            boolean serverNoTakeover = serverNoContextTakeover;
            boolean clientNoTakeover = false;
            int serverBits = ZLIB_WINDOW_BITS;
            int clientBits = ZLIB_WINDOW_BITS;
            try {
                for (Map.Entry<String, String> p : ext.params().entrySet()) {
                    switch (p.getKey()) {
                        case SERVER_NO_CONTEXT_TAKEOVER -> serverNoTakeover = noValue(p);
                        case CLIENT_NO_CONTEXT_TAKEOVER -> clientNoTakeover = noValue(p);
                        case SERVER_MAX_WINDOW_BITS -> serverBits = windowBits(p, false);
                        // Section 7.1.2.2: without a value it only says the client supports the parameter.
                        case CLIENT_MAX_WINDOW_BITS -> clientBits = p.getValue() == null ? ZLIB_WINDOW_BITS : windowBits(p, false);
                        default -> {
                            continue offer; // section 7.1: decline an offer with an unknown parameter
                        }
                    }
                }
            } catch (IllegalArgumentException invalid) {
                continue; // an invalid offer is declined, the next one may be fine
            }
            return new PerMessageDeflate(serverNoTakeover, clientNoTakeover, serverBits, clientBits);
        }
        return null;
    }

    private static boolean noValue(Map.Entry<String, String> p) {
        if (p.getValue() != null) {
            throw new IllegalArgumentException(p.getKey() + " takes no value: " + p.getValue());
        }
        return true;
    }

    /** Section 7.1.2: a decimal integer without leading zeros in 8..15. */
    private static int windowBits(Map.Entry<String, String> p, boolean valueOptional) {
        String v = p.getValue();
        if (v == null) {
            if (valueOptional) return ZLIB_WINDOW_BITS;
            throw new IllegalArgumentException(p.getKey() + " needs a value");
        }
        if (!v.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException(p.getKey() + " is not a window size: " + v);
        }
        int bits = Integer.parseInt(v);
        if (bits < 8 || bits > 15) {
            throw new IllegalArgumentException(p.getKey() + " outside 8..15: " + v);
        }
        return bits;
    }
}
