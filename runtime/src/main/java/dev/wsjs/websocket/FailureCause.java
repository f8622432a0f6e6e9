package dev.wsjs.websocket;

/**
 * Why a connection failed. Diagnostics only: scripts see close code 1006 and no detail, as the
 * WebSockets standard requires.
 */
public enum FailureCause {
    /** The port is on the Fetch standard's bad-port list; nothing was sent. */
    BAD_PORT,
    /** The host name did not resolve. */
    DNS,
    /** The TCP connection could not be established. */
    CONNECT,
    /** The TLS handshake failed (certificate, protocol or host name). */
    TLS,
    /** The opening handshake did not finish within the handshake timeout. */
    HANDSHAKE_TIMEOUT,
    /** The server's answer was not a valid 101 upgrade for this request (RFC 6455 section 4.1). */
    BAD_HANDSHAKE,
    /** The peer broke the framing rules; close code 1002 was sent. */
    PROTOCOL_ERROR,
    /** A text message or close reason was not UTF-8; close code 1007 was sent. */
    INVALID_UTF8,
    /** An incoming message was over the size limit; close code 1009 was sent. */
    MESSAGE_TOO_BIG,
    /** The outgoing queue went over its byte limit. */
    BUFFER_FULL,
    /** The closing handshake did not finish within the close timeout. */
    CLOSE_TIMEOUT,
    /** A keep-alive ping got no pong within the pong timeout. */
    PONG_TIMEOUT,
    /** The TCP connection broke or ended without a closing handshake. */
    CONNECTION_LOST,
    /** The application failed the connection, or the client was closed. */
    ABORTED,
    /** The runtime's limit on open WebSockets was reached; nothing was sent. */
    TOO_MANY_CONNECTIONS,
    /** The URL is valid for scripts but the transport cannot request it (e.g. a host name with '{', which java.net.URI refuses); nothing was sent. */
    UNSUPPORTED_URL
}
