package dev.wsjs.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** RFC 6455 section 5.3 masking: XOR with a 4-byte key, eight bytes at a time. */
final class Masking {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Masking() {}

    /**
     * XORs {@code data[offset, offset+length)} in place with the key, where the first byte is at
     * {@code payloadPosition} of the frame's payload (masking is keyed by position modulo 4).
     *
     * @param key the masking key as sent on the wire, first byte most significant
     */
    static void apply(byte[] data, int offset, int length, int key, long payloadPosition) {
        // The key as it applies from this position, first byte lowest, repeated to 64 bits.
        int rotated = Integer.rotateLeft(key, 8 * (int) (payloadPosition & 3));
        long lane = Integer.reverseBytes(rotated) & 0xFFFFFFFFL;
        long pattern = lane | (lane << 32);
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            LONGS.set(data, i, (long) LONGS.get(data, i) ^ pattern);
        }
        for (int shift = 0; i < end; i++, shift += 8) {
            data[i] ^= (byte) (pattern >>> shift);
        }
    }
}
