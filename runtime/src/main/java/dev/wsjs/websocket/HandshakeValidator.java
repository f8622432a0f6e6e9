package dev.wsjs.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Response;

/**
 * The client's checks of the server's opening handshake answer (RFC 6455 section 4.1, "the
 * client MUST validate the server's response", and the WebSockets/Fetch standards' "establish a
 * WebSocket connection"). Any failed check fails the connection.
 */
final class HandshakeValidator {

    /** The server's answer broke a rule; the message says which. */
    static final class BadHandshake extends Exception {
        BadHandshake(String message) {
            super(message, null, false, false);
        }
    }

    /** What the server agreed to. */
    record Accepted(String protocol, String extensions, PerMessageDeflate deflate) {}

    private HandshakeValidator() {}

    static Accepted validate(Response response, String key, List<String> offeredProtocols, boolean offeredDeflate)
            throws BadHandshake {
        // 1. The status code must be 101; a redirect is not followed (WebSockets standard).
        int code = response.code();
        if (code != 101) {
            if (code >= 300 && code < 400) {
                throw new BadHandshake("server redirected (" + code + " to " + response.header("Location")
                        + "); WebSocket handshakes do not follow redirects");
            }
            throw new BadHandshake("expected HTTP 101 Switching Protocols, got " + code);
        }
        // 2. Upgrade must be "websocket", ASCII case-insensitively.
        List<String> upgrade = response.headers("Upgrade");
        if (upgrade.size() != 1 || !upgrade.get(0).trim().equalsIgnoreCase("websocket")) {
            throw new BadHandshake("Upgrade header is " + upgrade + ", not websocket");
        }
        // 3. Connection must contain the token "Upgrade", ASCII case-insensitively.
        if (!containsToken(response.headers("Connection"), "upgrade")) {
            throw new BadHandshake("Connection header " + response.headers("Connection") + " has no upgrade token");
        }
        // 4. Sec-WebSocket-Accept must be base64(SHA-1(key + GUID)).
        List<String> accept = response.headers("Sec-WebSocket-Accept");
        String expected = WebSocketProtocol.acceptKey(key);
        if (accept.size() != 1 || !accept.get(0).trim().equals(expected)) {
            throw new BadHandshake("Sec-WebSocket-Accept is " + accept + ", expected " + expected);
        }
        // 5-6. The extensions and the subprotocol the server selected.
        return negotiated(response.headers("Sec-WebSocket-Extensions"), response.headers("Sec-WebSocket-Protocol"),
                offeredProtocols, offeredDeflate);
    }

    /**
     * The checks of the server's selections, shared by HTTP/1.1 and HTTP/2 (RFC 8441 section 5
     * keeps them unchanged): only offered extensions with valid parameters, exactly one offered
     * subprotocol when any was offered, none otherwise.
     */
    static Accepted negotiated(List<String> extensionValues, List<String> protocolValues, List<String> offeredProtocols,
            boolean offeredDeflate) throws BadHandshake {
        // 5. Only extensions the client offered, with valid parameters.
        PerMessageDeflate deflate;
        try {
            deflate = PerMessageDeflate.acceptServerResponse(ExtensionHeader.parse(extensionValues), offeredDeflate);
        } catch (ExtensionHeader.MalformedException | IllegalArgumentException e) {
            throw new BadHandshake("Sec-WebSocket-Extensions " + extensionValues + ": " + e.getMessage());
        }
        // 6. A subprotocol only if one was offered, exactly one of them, and one when any was requested.
        String protocol = "";
        if (!protocolValues.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (String value : protocolValues) {
                for (String item : value.split(",", -1)) {
                    items.add(item.trim());
                }
            }
            if (items.size() != 1 || items.get(0).isEmpty()) {
                throw new BadHandshake("Sec-WebSocket-Protocol must name one subprotocol: " + protocolValues);
            }
            protocol = items.get(0);
            if (!offeredProtocols.contains(protocol)) {
                throw new BadHandshake("server chose subprotocol " + protocol + ", which the client did not offer "
                        + offeredProtocols);
            }
        } else if (!offeredProtocols.isEmpty()) {
            throw new BadHandshake("server chose none of the subprotocols " + offeredProtocols);
        }
        return new Accepted(protocol, String.join(", ", extensionValues).trim(), deflate);
    }

    private static boolean containsToken(List<String> values, String token) {
        for (String value : values) {
            for (String item : value.split(",")) {
                if (item.trim().toLowerCase(Locale.ROOT).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
