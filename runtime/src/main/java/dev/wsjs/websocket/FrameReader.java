package dev.wsjs.websocket;

import static dev.wsjs.websocket.WebSocketProtocol.*;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import okio.BufferedSource;

/**
 * Reads RFC 6455 frames from a socket and reassembles them into messages: checks every framing
 * rule of section 5, unmasks (server role), validates UTF-8 while the bytes arrive (section 8.1),
 * inflates permessage-deflate messages (RFC 7692) with the size limit applied to the inflated
 * bytes, and hands whole messages and control frames to a {@link Handler}.
 *
 * <p>Not thread safe: owned by the connection's reader thread, which alone calls
 * {@link #readFrame()} and {@link #release()}.
 */
public final class FrameReader {

    /** Receives what the reader decoded; called on the reader thread from within {@link #readFrame()}. */
    public interface Handler {
        void onText(String text);

        /** A binary message; the buffer (position 0, limit = size) belongs to the handler. */
        void onBinary(ByteBuffer data);

        void onPing(byte[] payload);

        void onPong(byte[] payload);

        /** A close frame: code 1005 when it had no payload. */
        void onClose(int code, String reason);
    }

    /** RFC 7692 section 7.2.2: the bytes the sender removed from the end of each message. */
    private static final byte[] DEFLATE_TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};
    private static final int SCRATCH_BYTES = 16 * 1024;
    /** A reused text buffer larger than this is dropped after the message to give the memory back. */
    private static final int KEEP_TEXT_BUFFER_BYTES = 1024 * 1024;
    /**
     * A single-frame binary message from this size up is read into direct memory. The script side
     * copies a received ArrayBuffer out of a direct buffer in bulk, several times faster than out of a
     * heap buffer before GraalJS has compiled the copy (2.5 vs 17 ms per MiB measured); below this
     * size a direct allocation costs more than the copy it speeds up.
     */
    static final int DIRECT_BINARY_BYTES = 64 * 1024;

    private final BufferedSource source;
    private final Role role;
    private final long maxMessageBytes;
    private final PerMessageDeflate deflate;
    private final Handler handler;

    private final byte[] controlPayload = new byte[MAX_CONTROL_PAYLOAD];
    private final Utf8Validator utf8 = new Utf8Validator();

    // The message being reassembled; messageOpcode is -1 between messages.
    private int messageOpcode = -1;
    private boolean messageCompressed;
    private long messageWireBytes;
    private byte[] message;
    /** Instead of {@link #message}: a large single-frame binary message (see {@link #DIRECT_BINARY_BYTES}). */
    private ByteBuffer directMessage;
    private int messageLength;

    private byte[] textBuffer;
    private byte[] scratch;
    private Inflater inflater;

    // Traffic so far: plain fields, the reader thread is the only one to touch them.
    private long messagesRead;
    private long payloadBytesRead;
    private long wireBytesRead;

    /**
     * @param role this end's role: a server requires masked frames, a client rejects them
     * @param deflate the negotiated permessage-deflate parameters, or null
     */
    public FrameReader(BufferedSource source, Role role, long maxMessageBytes, PerMessageDeflate deflate, Handler handler) {
        this.source = source;
        this.role = role;
        this.maxMessageBytes = maxMessageBytes;
        this.deflate = deflate;
        this.handler = handler;
    }

    /**
     * Reads one frame, blocking, and reports to the handler whatever it completes.
     *
     * @throws ProtocolViolation when the peer broke a rule; the connection must be failed with its code
     * @throws IOException when the socket fails or ends ({@link EOFException})
     */
    public void readFrame() throws IOException, ProtocolViolation {
        // Section 5.2: base framing header.
        int b0 = source.readByte() & 0xFF;
        int b1 = source.readByte() & 0xFF;
        boolean fin = (b0 & B0_FIN) != 0;
        boolean rsv1 = (b0 & B0_RSV1) != 0;
        int opcode = b0 & B0_OPCODE;
        boolean masked = (b1 & B1_MASK) != 0;
        int length7 = b1 & B1_LENGTH;

        // RSV2/RSV3 belong to no negotiated extension: fail (section 5.2).
        if ((b0 & (B0_RSV2 | B0_RSV3)) != 0) {
            throw ProtocolViolation.protocol("reserved bits RSV2/RSV3 set without an extension defining them");
        }
        boolean control = isControl(opcode);
        if (control) {
            if (opcode != OPCODE_CLOSE && opcode != OPCODE_PING && opcode != OPCODE_PONG) {
                throw ProtocolViolation.protocol("unknown control opcode 0x" + Integer.toHexString(opcode));
            }
            // Section 5.5: control frames are never fragmented and carry at most 125 bytes.
            if (!fin) {
                throw ProtocolViolation.protocol("fragmented control frame (opcode 0x" + Integer.toHexString(opcode) + ")");
            }
            if (length7 > MAX_CONTROL_PAYLOAD) {
                throw ProtocolViolation.protocol("control frame payload over 125 bytes");
            }
            if (rsv1) {
                throw ProtocolViolation.protocol("RSV1 set on a control frame");
            }
        } else if (opcode != OPCODE_CONTINUATION && opcode != OPCODE_TEXT && opcode != OPCODE_BINARY) {
            throw ProtocolViolation.protocol("unknown data opcode 0x" + Integer.toHexString(opcode));
        }
        // Section 5.1: a client's frames are masked, a server's are not.
        if (role == Role.SERVER && !masked) {
            throw ProtocolViolation.protocol("unmasked frame from a client");
        }
        if (role == Role.CLIENT && masked) {
            throw ProtocolViolation.protocol("masked frame from a server");
        }

        long length = length7;
        if (length7 == 126) {
            length = source.readShort() & 0xFFFF;
        } else if (length7 == 127) {
            length = source.readLong();
            // Section 5.2: the most significant bit of a 64-bit length MUST be 0.
            if (length < 0) {
                throw ProtocolViolation.protocol("64-bit payload length with the most significant bit set");
            }
        }
        int maskKey = masked ? source.readInt() : 0;
        wireBytesRead += 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0) + length;

        if (control) {
            readControlFrame(opcode, (int) length, masked, maskKey);
        } else {
            readDataFrame(opcode, fin, rsv1, length, masked, maskKey);
        }
    }

    /** Whole text and binary messages read so far. */
    public long messagesRead() {
        return messagesRead;
    }

    /** Payload bytes of those messages, after inflation. */
    public long payloadBytesRead() {
        return payloadBytesRead;
    }

    /** Bytes of every frame begun so far: headers, masking keys and payloads as sent (compressed). */
    public long wireBytesRead() {
        return wireBytesRead;
    }

    /** Frees the inflater's native memory; the reader is unusable afterwards. */
    public void release() {
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
        message = null;
        directMessage = null;
        textBuffer = null;
        scratch = null;
    }

    // ------------------------------------------------------------------ control frames

    private void readControlFrame(int opcode, int length, boolean masked, int maskKey) throws IOException, ProtocolViolation {
        byte[] payload = controlPayload;
        for (int done = 0; done < length; ) {
            int n = source.read(payload, done, length - done);
            if (n == -1) {
                throw new EOFException("connection ended inside a control frame");
            }
            done += n;
        }
        if (masked) {
            Masking.apply(payload, 0, length, maskKey, 0);
        }
        switch (opcode) {
            case OPCODE_CLOSE -> readClose(payload, length);
            case OPCODE_PING -> handler.onPing(Arrays.copyOf(payload, length));
            default -> handler.onPong(Arrays.copyOf(payload, length));
        }
    }

    private void readClose(byte[] payload, int length) throws ProtocolViolation {
        // Section 5.5.1: an empty body, or a 2-byte code then UTF-8 reason.
        if (length == 0) {
            handler.onClose(CLOSE_NO_STATUS, "");
            return;
        }
        if (length == 1) {
            throw ProtocolViolation.protocol("close frame with a 1-byte payload");
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!isValidReceivedCloseCode(code)) {
            throw ProtocolViolation.protocol("invalid close code " + code);
        }
        if (!Utf8Validator.isValid(payload, 2, length - 2)) {
            throw ProtocolViolation.invalidUtf8("close reason is not valid UTF-8");
        }
        handler.onClose(code, new String(payload, 2, length - 2, StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ data frames

    private void readDataFrame(int opcode, boolean fin, boolean rsv1, long length, boolean masked, int maskKey)
            throws IOException, ProtocolViolation {
        if (opcode == OPCODE_CONTINUATION) {
            if (messageOpcode == -1) {
                throw ProtocolViolation.protocol("continuation frame without a message to continue");
            }
            // RFC 7692 section 6.1: RSV1 marks only the first frame of a compressed message.
            if (rsv1) {
                throw ProtocolViolation.protocol("RSV1 set on a continuation frame");
            }
        } else {
            if (messageOpcode != -1) {
                throw ProtocolViolation.protocol("new data frame while a fragmented message is unfinished");
            }
            if (rsv1 && deflate == null) {
                throw ProtocolViolation.protocol("RSV1 set but permessage-deflate was not negotiated");
            }
            startMessage(opcode, rsv1, fin, length);
        }

        messageWireBytes += length;
        if (messageCompressed) {
            // The inflated size is checked while inflating; this only stops endless streams of
            // compressed bytes that inflate to (almost) nothing.
            if (messageWireBytes > maxMessageBytes + maxMessageBytes / 8 + 1024) {
                throw ProtocolViolation.tooBig("compressed message over " + maxMessageBytes + " bytes");
            }
            readCompressedPayload(length, masked, maskKey);
        } else {
            if (messageLength + length > maxMessageBytes) {
                throw ProtocolViolation.tooBig("message of " + (messageLength + length) + "+ bytes over the limit of "
                        + maxMessageBytes);
            }
            readPlainPayload((int) length, masked, maskKey);
        }

        if (fin) {
            finishMessage();
        }
    }

    private void startMessage(int opcode, boolean compressed, boolean fin, long firstFrameLength) {
        messageOpcode = opcode;
        messageCompressed = compressed;
        messageWireBytes = 0;
        messageLength = 0;
        utf8.reset();
        if (opcode == OPCODE_TEXT) {
            if (textBuffer == null) {
                textBuffer = new byte[1024];
            }
            message = textBuffer;
        } else if (fin && !compressed && role == Role.CLIENT && firstFrameLength >= DIRECT_BINARY_BYTES
                && firstFrameLength <= maxMessageBytes) {
            // A large single-frame binary message from a server (never masked): straight into direct memory.
            message = null;
            directMessage = ByteBuffer.allocateDirect((int) firstFrameLength);
        } else if (fin && !compressed && firstFrameLength <= maxMessageBytes) {
            // A single-frame binary message: read straight into its exact-size, handed-off array.
            message = new byte[(int) firstFrameLength];
        } else {
            message = new byte[(int) Math.min(Math.max(firstFrameLength, 256), maxMessageBytes + 1)];
        }
    }

    /** Reads, unmasks and (for text) validates the payload into the message buffer, as it arrives. */
    private void readPlainPayload(int length, boolean masked, int maskKey) throws IOException, ProtocolViolation {
        if (directMessage != null) {
            // Sized for exactly this one unmasked frame, which is the whole message.
            while (directMessage.hasRemaining()) {
                if (source.read(directMessage) == -1) {
                    throw new EOFException("connection ended inside a frame");
                }
            }
            messageLength = length;
            return;
        }
        ensureCapacity(messageLength + length);
        int done = 0;
        while (done < length) {
            int n = source.read(message, messageLength, length - done);
            if (n == -1) {
                throw new EOFException("connection ended inside a frame");
            }
            if (masked) {
                Masking.apply(message, messageLength, n, maskKey, done);
            }
            if (messageOpcode == OPCODE_TEXT && !utf8.feed(message, messageLength, n)) {
                throw ProtocolViolation.invalidUtf8("text message is not valid UTF-8");
            }
            messageLength += n;
            done += n;
        }
    }

    private void readCompressedPayload(long length, boolean masked, int maskKey) throws IOException, ProtocolViolation {
        if (scratch == null) {
            scratch = new byte[SCRATCH_BYTES];
        }
        if (inflater == null) {
            inflater = new Inflater(true);  // raw DEFLATE, no zlib header (RFC 7692 section 7.2.2)
        }
        long done = 0;
        while (done < length) {
            int n = source.read(scratch, 0, (int) Math.min(scratch.length, length - done));
            if (n == -1) {
                throw new EOFException("connection ended inside a frame");
            }
            if (masked) {
                Masking.apply(scratch, 0, n, maskKey, done);
            }
            inflate(scratch, 0, n);
            done += n;
        }
    }

    /** Inflates input into the message buffer, failing as soon as the inflated size passes the limit. */
    private void inflate(byte[] input, int offset, int length) throws ProtocolViolation {
        if (inflater.finished()) {
            return; // Section 7.2.3.5: after a block with BFINAL set the rest of the message is ignored.
        }
        inflater.setInput(input, offset, length);
        while (true) {
            if (messageLength == message.length) {
                ensureCapacity(messageLength + 1);
            }
            int produced;
            try {
                produced = inflater.inflate(message, messageLength, message.length - messageLength);
            } catch (DataFormatException e) {
                throw ProtocolViolation.protocol("invalid DEFLATE data: " + e.getMessage());
            }
            if (produced > 0) {
                if (messageOpcode == OPCODE_TEXT && !utf8.feed(message, messageLength, produced)) {
                    throw ProtocolViolation.invalidUtf8("text message is not valid UTF-8");
                }
                messageLength += produced;
                if (messageLength > maxMessageBytes) {
                    throw ProtocolViolation.tooBig("inflated message over the limit of " + maxMessageBytes + " bytes");
                }
            } else if (inflater.finished() || inflater.needsInput()) {
                return;
            } else if (inflater.needsDictionary()) {
                throw ProtocolViolation.protocol("DEFLATE data asks for a preset dictionary");
            }
        }
    }

    private void finishMessage() throws ProtocolViolation {
        if (messageCompressed) {
            // Section 7.2.2: append 00 00 FF FF and inflate the rest.
            inflate(DEFLATE_TAIL, 0, DEFLATE_TAIL.length);
            if (inflater.finished() || deflate.noContextTakeover(role == Role.CLIENT ? Role.SERVER : Role.CLIENT)) {
                inflater.reset();
            }
        }
        int opcode = messageOpcode;
        byte[] bytes = message;
        ByteBuffer direct = directMessage;
        int length = messageLength;
        messageOpcode = -1;
        message = null;
        directMessage = null;
        messagesRead++;
        payloadBytesRead += length;
        if (opcode == OPCODE_TEXT) {
            if (!utf8.isComplete()) {
                throw ProtocolViolation.invalidUtf8("text message ends inside a UTF-8 sequence");
            }
            textBuffer = bytes.length > KEEP_TEXT_BUFFER_BYTES ? null : bytes;
            handler.onText(new String(bytes, 0, length, StandardCharsets.UTF_8));
        } else if (direct != null) {
            handler.onBinary(direct.flip());
        } else {
            ByteBuffer data = length == bytes.length ? ByteBuffer.wrap(bytes) : ByteBuffer.wrap(bytes, 0, length).slice();
            handler.onBinary(data);
        }
    }

    private void ensureCapacity(long needed) {
        if (needed <= message.length) {
            return;
        }
        long limit = maxMessageBytes + 1;  // one byte over the limit is how an overflow is noticed
        int capacity = (int) Math.min(Math.max(needed, (long) message.length * 2), limit);
        message = Arrays.copyOf(message, capacity);
        if (messageOpcode == OPCODE_TEXT && capacity <= KEEP_TEXT_BUFFER_BYTES) {
            textBuffer = message;
        }
    }
}
