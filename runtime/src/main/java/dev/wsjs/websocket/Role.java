package dev.wsjs.websocket;

/** Which end of a connection this is: it decides masking (RFC 6455 section 5.1) and closing order. */
public enum Role {
    /** Masks what it sends, rejects masked frames, waits for the server to close TCP. */
    CLIENT,
    /** Sends unmasked frames, requires masked ones, closes TCP after the closing handshake. */
    SERVER
}
