package dev.wsjs.ops;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import org.graalvm.polyglot.HostAccess;

/**
 * Randomness for {@code crypto.getRandomValues} and {@code crypto.randomUUID}: a pool of bytes
 * from a {@link SecureRandom}, refilled in one bulk call when used up. The JS layer wraps the pool
 * once as an ArrayBuffer (no copy) and copies the fresh bytes {@link #take} points at into the
 * caller's array; each byte is handed out once. Invoked only by the loop thread.
 */
public final class CryptoOps {

    /** getRandomValues takes at most 65,536 bytes, so one request always fits. */
    static final int POOL_SIZE = 65_536;

    private final SecureRandom random = new SecureRandom();
    private final byte[] pool = new byte[POOL_SIZE];
    private final ByteBuffer poolBuffer = ByteBuffer.wrap(pool);
    /** The first byte of the pool not handed out yet; POOL_SIZE forces a refill on first use. */
    private int next = POOL_SIZE;

    CryptoOps() {}

    /** The pool the offsets of {@link #take} refer to; the layer only reads it. */
    @HostAccess.Export
    public ByteBuffer pool() {
        return poolBuffer;
    }

    /**
     * Reserves {@code length} (at most 65,536) fresh random bytes of the pool and returns the offset
     * of the first one.
     */
    @HostAccess.Export
    public int take(int length) {
        if (length < 0 || length > POOL_SIZE) throw new IllegalArgumentException("length " + length);
        if (POOL_SIZE - next < length) {
            random.nextBytes(pool);
            next = 0;
        }
        int offset = next;
        next += length;
        return offset;
    }

    /** https://w3c.github.io/webcrypto/#dfn-generate-a-random-uuid */
    @HostAccess.Export
    public String randomUUID() {
        // 1. Let bytes be a byte sequence of length 16.
        // 2. Fill bytes with cryptographically secure random bytes.
        int at = take(16);
        byte[] bytes = new byte[16];
        System.arraycopy(pool, at, bytes, 0, 16);
        // 3. Set the 4 most significant bits of bytes[6], which represent the UUID version, to 0100.
        bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x40);
        // 4. Set the 2 most significant bits of bytes[8], which represent the UUID variant, to 10.
        bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
        // 5. Return the string concatenation of the lowercase hexadecimal bytes, with "-" after bytes 4, 6, 8 and 10.
        char[] out = new char[36];
        int o = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) out[o++] = '-';
            out[o++] = HEX[(bytes[i] >> 4) & 0xF];
            out[o++] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
