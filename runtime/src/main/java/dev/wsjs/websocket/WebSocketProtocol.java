package dev.wsjs.websocket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Constants and small pure functions of RFC 6455. */
public final class WebSocketProtocol {

    private WebSocketProtocol() {}

    // Opcodes, RFC 6455 section 5.2.
    public static final int OPCODE_CONTINUATION = 0x0;
    public static final int OPCODE_TEXT = 0x1;
    public static final int OPCODE_BINARY = 0x2;
    public static final int OPCODE_CLOSE = 0x8;
    public static final int OPCODE_PING = 0x9;
    public static final int OPCODE_PONG = 0xA;

    // Header bits.
    static final int B0_FIN = 0x80;
    static final int B0_RSV1 = 0x40;
    static final int B0_RSV2 = 0x20;
    static final int B0_RSV3 = 0x10;
    static final int B0_OPCODE = 0x0F;
    static final int B1_MASK = 0x80;
    static final int B1_LENGTH = 0x7F;

    /** RFC 6455 section 5.5: all control frames have a payload of 125 bytes or less. */
    public static final int MAX_CONTROL_PAYLOAD = 125;
    /** A close reason fits in a control frame after the two code bytes. */
    public static final int MAX_CLOSE_REASON_BYTES = MAX_CONTROL_PAYLOAD - 2;

    // Close codes, RFC 6455 section 7.4.1.
    public static final int CLOSE_NORMAL = 1000;
    public static final int CLOSE_GOING_AWAY = 1001;
    public static final int CLOSE_PROTOCOL_ERROR = 1002;
    public static final int CLOSE_UNSUPPORTED_DATA = 1003;
    /** Never on the wire: the close frame had no status code. */
    public static final int CLOSE_NO_STATUS = 1005;
    /** Never on the wire: the connection closed without a close frame. */
    public static final int CLOSE_ABNORMAL = 1006;
    public static final int CLOSE_INVALID_PAYLOAD = 1007;
    public static final int CLOSE_POLICY_VIOLATION = 1008;
    public static final int CLOSE_MESSAGE_TOO_BIG = 1009;
    public static final int CLOSE_MANDATORY_EXTENSION = 1010;
    public static final int CLOSE_INTERNAL_ERROR = 1011;

    /** RFC 6455 section 1.3: the GUID appended to the key before hashing. */
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** The Sec-WebSocket-Accept value for a Sec-WebSocket-Key (RFC 6455 section 4.2.2 step 5.4). */
    public static String acceptKey(String secWebSocketKey) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((secWebSocketKey + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /**
     * Whether a status code may appear in a received close frame (RFC 6455 section 7.4): the codes
     * defined by the RFC and the IANA registry (1000-1003, 1007-1014) and the ranges for libraries
     * and applications (3000-4999). 1004-1006, 1015 and the unassigned rest are protocol errors.
     */
    public static boolean isValidReceivedCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    /** Whether a status code may be sent: the same set as may be received. */
    public static boolean isValidSentCloseCode(int code) {
        return isValidReceivedCloseCode(code);
    }

    /** Whether an opcode is a control frame's (section 5.5: the most significant opcode bit is set). */
    static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }
}
