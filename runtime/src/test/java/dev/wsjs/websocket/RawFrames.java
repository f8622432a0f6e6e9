package dev.wsjs.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;

/** Hand-made frame bytes for tests: any bits, any length encoding, masked or not. */
public final class RawFrames {

    private RawFrames() {}

    public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, Integer maskKey) {
        return frame(fin, rsv, opcode, payload, maskKey, -1);
    }

    /**
     * @param rsv the RSV bits already shifted into place (0x40, 0x20, 0x10)
     * @param lengthBytes force the length encoding: 0 (7-bit), 2 (16-bit), 8 (64-bit) or -1 (minimal)
     */
    public static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, Integer maskKey, int lengthBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | rsv | opcode);
        int maskBit = maskKey != null ? 0x80 : 0;
        int len = payload.length;
        int encoding = lengthBytes >= 0 ? lengthBytes : len <= 125 ? 0 : len <= 0xFFFF ? 2 : 8;
        if (encoding == 0) {
            out.write(maskBit | len);
        } else if (encoding == 2) {
            out.write(maskBit | 126);
            out.write(len >>> 8);
            out.write(len);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) len >>> shift));
            }
        }
        byte[] body = payload.clone();
        if (maskKey != null) {
            int k = maskKey;
            out.write(k >>> 24);
            out.write(k >>> 16);
            out.write(k >>> 8);
            out.write(k);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= (byte) (k >>> (8 * (3 - (i & 3))));
            }
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] closePayload(int code, String reason) {
        byte[] r = text(reason);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >>> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return p;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A raw-DEFLATE compressor that strips the 00 00 FF FF tail, as RFC 7692 senders do. */
    static final class Compressor {
        private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        private final boolean resetEachMessage;

        Compressor(boolean resetEachMessage) {
            this.resetEachMessage = resetEachMessage;
        }

        byte[] compress(byte[] data) {
            deflater.setInput(data);
            byte[] buf = new byte[data.length + 64];
            int len = 0;
            while (true) {
                int n = deflater.deflate(buf, len, buf.length - len, Deflater.SYNC_FLUSH);
                len += n;
                if (len < buf.length) break;
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            if (resetEachMessage) deflater.reset();
            if (len < 4) {
                return new byte[] {0x00}; // RFC 7692 section 7.2.3.6: an empty message as one empty block
            }
            return Arrays.copyOf(buf, len - 4);
        }
    }
}
