package dev.wsjs.websocket.http2;

import java.io.IOException;
import java.util.List;
import okio.BufferedSource;

/**
 * Reads HTTP/2 frames (RFC 9113 sections 4 and 6) from the connection and hands them to a
 * {@link Handler}: padding is stripped, priority fields skipped, a HEADERS block is joined with
 * its CONTINUATION frames and HPACK-decoded. Unknown frame types are ignored (section 5.5).
 * Used by the connection's reader thread only.
 */
final class Http2FrameReader {

    static final int TYPE_DATA = 0x0;
    static final int TYPE_HEADERS = 0x1;
    static final int TYPE_PRIORITY = 0x2;
    static final int TYPE_RST_STREAM = 0x3;
    static final int TYPE_SETTINGS = 0x4;
    static final int TYPE_PUSH_PROMISE = 0x5;
    static final int TYPE_PING = 0x6;
    static final int TYPE_GOAWAY = 0x7;
    static final int TYPE_WINDOW_UPDATE = 0x8;
    static final int TYPE_CONTINUATION = 0x9;

    static final int FLAG_END_STREAM = 0x1;
    static final int FLAG_ACK = 0x1;
    static final int FLAG_END_HEADERS = 0x4;
    static final int FLAG_PADDED = 0x8;
    static final int FLAG_PRIORITY = 0x20;

    /** What the reader found; each call happens on the reader thread. */
    interface Handler {
        /**
         * A DATA frame: {@code dataLength} bytes are next in {@code source} and the handler must consume
         * exactly them; {@code flowControlled} is the whole payload with padding (section 6.9.1).
         */
        void data(int streamId, boolean endStream, BufferedSource source, int dataLength, int flowControlled)
                throws IOException;

        void headers(int streamId, boolean endStream, List<HeaderField> fields) throws IOException;

        void rstStream(int streamId, int errorCode) throws IOException;

        /** SETTINGS: {@code ids[i]} = {@code values[i]}; for an ACK both are empty. */
        void settings(boolean ack, int[] ids, long[] values) throws IOException;

        void ping(boolean ack, long payload) throws IOException;

        void goAway(int lastStreamId, int errorCode, String debugData) throws IOException;

        void windowUpdate(int streamId, int increment) throws IOException;
    }

    private final BufferedSource source;
    private final HpackDecoder hpack;
    private final int maxFrameSize;
    private final int maxHeaderBlockBytes;

    /**
     * @param maxFrameSize the SETTINGS_MAX_FRAME_SIZE this endpoint advertised
     * @param maxHeaderBlockBytes bound on one compressed header block (HEADERS + CONTINUATIONs)
     */
    Http2FrameReader(BufferedSource source, HpackDecoder hpack, int maxFrameSize, int maxHeaderBlockBytes) {
        this.source = source;
        this.hpack = hpack;
        this.maxFrameSize = maxFrameSize;
        this.maxHeaderBlockBytes = maxHeaderBlockBytes;
    }

    /** Reads one frame (a HEADERS frame with all its CONTINUATIONs counts as one). */
    void readFrame(Handler handler) throws IOException {
        // Section 4.1: 24-bit length, 8-bit type, 8-bit flags, R bit + 31-bit stream id.
        source.require(9);
        int length = readMedium();
        int type = source.readByte() & 0xff;
        int flags = source.readByte() & 0xff;
        int streamId = source.readInt() & 0x7fffffff;
        // Section 4.2: a frame over our SETTINGS_MAX_FRAME_SIZE is a FRAME_SIZE_ERROR.
        if (length > maxFrameSize) {
            throw new Http2Exception(Http2Exception.FRAME_SIZE_ERROR, "frame of " + length + " bytes");
        }
        switch (type) {
            case TYPE_DATA -> readData(handler, length, flags, streamId);
            case TYPE_HEADERS -> readHeaders(handler, length, flags, streamId);
            case TYPE_PRIORITY -> {
                // Section 6.3: 5 bytes; the client ignores priorities.
                requireStream(streamId, "PRIORITY");
                if (length != 5) throw frameSize("PRIORITY", length);
                source.skip(5);
            }
            case TYPE_RST_STREAM -> {
                requireStream(streamId, "RST_STREAM");
                if (length != 4) throw frameSize("RST_STREAM", length);
                handler.rstStream(streamId, source.readInt());
            }
            case TYPE_SETTINGS -> readSettings(handler, length, flags, streamId);
            case TYPE_PUSH_PROMISE ->
                // Section 8.4: we sent SETTINGS_ENABLE_PUSH = 0, so a push is a connection error.
                throw new Http2Exception(Http2Exception.PROTOCOL_ERROR, "PUSH_PROMISE although push is disabled");
            case TYPE_PING -> {
                // Section 6.7: 8 opaque bytes on stream 0.
                if (streamId != 0) throw protocol("PING on stream " + streamId);
                if (length != 8) throw frameSize("PING", length);
                handler.ping((flags & FLAG_ACK) != 0, source.readLong());
            }
            case TYPE_GOAWAY -> {
                // Section 6.8: last stream id, error code, debug data, on stream 0.
                if (streamId != 0) throw protocol("GOAWAY on stream " + streamId);
                if (length < 8) throw frameSize("GOAWAY", length);
                int lastStreamId = source.readInt() & 0x7fffffff;
                int errorCode = source.readInt();
                String debug = source.readUtf8(length - 8);
                handler.goAway(lastStreamId, errorCode, debug);
            }
            case TYPE_WINDOW_UPDATE -> {
                // Section 6.9: 31-bit increment; 0 is a PROTOCOL_ERROR (stream error on a stream).
                if (length != 4) throw frameSize("WINDOW_UPDATE", length);
                int increment = source.readInt() & 0x7fffffff;
                handler.windowUpdate(streamId, increment);
            }
            case TYPE_CONTINUATION ->
                // Section 6.10: only directly after HEADERS without END_HEADERS, which readHeaders consumes.
                throw protocol("CONTINUATION without a preceding HEADERS");
            default -> source.skip(length); // section 5.5: unknown types are ignored
        }
    }

    private void readData(Handler handler, int length, int flags, int streamId) throws IOException {
        requireStream(streamId, "DATA");
        int padding = 0;
        int rest = length;
        if ((flags & FLAG_PADDED) != 0) {
            if (length < 1) throw frameSize("DATA", length);
            padding = source.readByte() & 0xff;
            rest--;
        }
        // Section 6.1: padding as long as the payload or longer is a PROTOCOL_ERROR.
        if (padding > rest) throw protocol("DATA padding " + padding + " exceeds the payload");
        handler.data(streamId, (flags & FLAG_END_STREAM) != 0, source, rest - padding, length);
        source.skip(padding);
    }

    private void readHeaders(Handler handler, int length, int flags, int streamId) throws IOException {
        requireStream(streamId, "HEADERS");
        int rest = length;
        int padding = 0;
        if ((flags & FLAG_PADDED) != 0) {
            if (rest < 1) throw frameSize("HEADERS", length);
            padding = source.readByte() & 0xff;
            rest--;
        }
        if ((flags & FLAG_PRIORITY) != 0) {
            // Section 6.2: exclusive bit + stream dependency (4 bytes) and weight (1 byte), ignored.
            if (rest < 5) throw frameSize("HEADERS", length);
            source.skip(5);
            rest -= 5;
        }
        if (padding > rest) throw protocol("HEADERS padding " + padding + " exceeds the payload");
        okio.Buffer block = new okio.Buffer();
        source.readFully(block, rest - padding);
        source.skip(padding);
        boolean endHeaders = (flags & FLAG_END_HEADERS) != 0;
        while (!endHeaders) {
            // Section 6.10: CONTINUATION frames of the same stream follow, nothing else.
            source.require(9);
            int contLength = readMedium();
            int contType = source.readByte() & 0xff;
            int contFlags = source.readByte() & 0xff;
            int contStream = source.readInt() & 0x7fffffff;
            if (contType != TYPE_CONTINUATION || contStream != streamId) {
                throw protocol("expected CONTINUATION of stream " + streamId + ", got type " + contType
                        + " on stream " + contStream);
            }
            if (contLength > maxFrameSize) throw frameSize("CONTINUATION", contLength);
            if (block.size() + contLength > maxHeaderBlockBytes) {
                throw new Http2Exception(Http2Exception.ENHANCE_YOUR_CALM, "header block over " + maxHeaderBlockBytes + " bytes");
            }
            source.readFully(block, contLength);
            endHeaders = (contFlags & FLAG_END_HEADERS) != 0;
        }
        List<HeaderField> fields = hpack.decode(block.readByteArray());
        handler.headers(streamId, (flags & FLAG_END_STREAM) != 0, fields);
    }

    private void readSettings(Handler handler, int length, int flags, int streamId) throws IOException {
        // Section 6.5: stream 0; an ACK is empty; otherwise a multiple of 6 bytes.
        if (streamId != 0) throw protocol("SETTINGS on stream " + streamId);
        boolean ack = (flags & FLAG_ACK) != 0;
        if (ack) {
            if (length != 0) throw frameSize("SETTINGS ACK", length);
            handler.settings(true, new int[0], new long[0]);
            return;
        }
        if (length % 6 != 0) throw frameSize("SETTINGS", length);
        int n = length / 6;
        int[] ids = new int[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = source.readShort() & 0xffff;
            values[i] = source.readInt() & 0xffffffffL;
        }
        handler.settings(false, ids, values);
    }

    private int readMedium() throws IOException {
        return (source.readByte() & 0xff) << 16 | (source.readByte() & 0xff) << 8 | (source.readByte() & 0xff);
    }

    private static void requireStream(int streamId, String type) throws Http2Exception {
        if (streamId == 0) throw protocol(type + " on stream 0");
    }

    private static Http2Exception protocol(String message) {
        return new Http2Exception(Http2Exception.PROTOCOL_ERROR, message);
    }

    private static Http2Exception frameSize(String type, int length) {
        return new Http2Exception(Http2Exception.FRAME_SIZE_ERROR, type + " frame of " + length + " bytes");
    }
}
