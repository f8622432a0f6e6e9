package dev.wsjs.websocket;

/**
 * The peer broke RFC 6455 or RFC 7692: the connection is failed with {@link #closeCode()}.
 * Thrown by the frame reader, caught by the connection; never reaches an application.
 */
public final class ProtocolViolation extends Exception {

    private final FailureCause cause;
    private final int closeCode;

    public ProtocolViolation(FailureCause cause, int closeCode, String detail) {
        super(detail, null, false, false);
        this.cause = cause;
        this.closeCode = closeCode;
    }

    static ProtocolViolation protocol(String detail) {
        return new ProtocolViolation(FailureCause.PROTOCOL_ERROR, WebSocketProtocol.CLOSE_PROTOCOL_ERROR, detail);
    }

    static ProtocolViolation invalidUtf8(String detail) {
        return new ProtocolViolation(FailureCause.INVALID_UTF8, WebSocketProtocol.CLOSE_INVALID_PAYLOAD, detail);
    }

    static ProtocolViolation tooBig(String detail) {
        return new ProtocolViolation(FailureCause.MESSAGE_TOO_BIG, WebSocketProtocol.CLOSE_MESSAGE_TOO_BIG, detail);
    }

    /** The failure category. */
    public FailureCause failureCause() {
        return cause;
    }

    /** The status code of the close frame to send. */
    public int closeCode() {
        return closeCode;
    }
}
