package dev.wsjs.websocket.http2;

import java.io.IOException;

/** A protocol error of the HTTP/2 connection or of one stream, with its RFC 9113 section 7 error code. */
public final class Http2Exception extends IOException {

    public static final int NO_ERROR = 0x0;
    public static final int PROTOCOL_ERROR = 0x1;
    public static final int INTERNAL_ERROR = 0x2;
    public static final int FLOW_CONTROL_ERROR = 0x3;
    public static final int SETTINGS_TIMEOUT = 0x4;
    public static final int STREAM_CLOSED = 0x5;
    public static final int FRAME_SIZE_ERROR = 0x6;
    public static final int REFUSED_STREAM = 0x7;
    public static final int CANCEL = 0x8;
    public static final int COMPRESSION_ERROR = 0x9;
    public static final int CONNECT_ERROR = 0xa;
    public static final int ENHANCE_YOUR_CALM = 0xb;
    public static final int INADEQUATE_SECURITY = 0xc;
    public static final int HTTP_1_1_REQUIRED = 0xd;

    private final int errorCode;

    public Http2Exception(int errorCode, String message) {
        super(message + " (" + name(errorCode) + ")");
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The error code's name from RFC 9113 section 7, or its hex value for unknown codes. */
    public static String name(int code) {
        return switch (code) {
            case NO_ERROR -> "NO_ERROR";
            case PROTOCOL_ERROR -> "PROTOCOL_ERROR";
            case INTERNAL_ERROR -> "INTERNAL_ERROR";
            case FLOW_CONTROL_ERROR -> "FLOW_CONTROL_ERROR";
            case SETTINGS_TIMEOUT -> "SETTINGS_TIMEOUT";
            case STREAM_CLOSED -> "STREAM_CLOSED";
            case FRAME_SIZE_ERROR -> "FRAME_SIZE_ERROR";
            case REFUSED_STREAM -> "REFUSED_STREAM";
            case CANCEL -> "CANCEL";
            case COMPRESSION_ERROR -> "COMPRESSION_ERROR";
            case CONNECT_ERROR -> "CONNECT_ERROR";
            case ENHANCE_YOUR_CALM -> "ENHANCE_YOUR_CALM";
            case INADEQUATE_SECURITY -> "INADEQUATE_SECURITY";
            case HTTP_1_1_REQUIRED -> "HTTP_1_1_REQUIRED";
            default -> "0x" + Integer.toHexString(code);
        };
    }
}
