package dev.wsjs.websocket;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masking keys for a client's frames. RFC 6455 section 5.3 wants each key unpredictable (a peer
 * or script that could guess the next key could choose the bytes on the wire), so the keys come
 * from an AES-CTR keystream keyed once per connection from {@link SecureRandom}: cryptographically
 * unpredictable, yet one block cipher call per 32 keys instead of a SecureRandom call per frame.
 *
 * <p>Not thread safe: owned by the connection's writer thread.
 */
final class MaskKeys {

    private static final int KEYS_PER_REFILL = 32;

    private final Cipher keystream;
    private final byte[] zeros = new byte[KEYS_PER_REFILL * 4];
    private final byte[] block = new byte[KEYS_PER_REFILL * 4];
    private int next = block.length;

    MaskKeys(SecureRandom seedSource) {
        byte[] key = new byte[16];
        byte[] iv = new byte[16];
        seedSource.nextBytes(key);
        seedSource.nextBytes(iv);
        try {
            keystream = Cipher.getInstance("AES/CTR/NoPadding");
            keystream.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is required of every Java platform", e);
        }
    }

    /** The next 4-byte key, first wire byte most significant. */
    int nextKey() {
        if (next == block.length) {
            try {
                keystream.update(zeros, 0, zeros.length, block, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            next = 0;
        }
        int key = ((block[next] & 0xFF) << 24) | ((block[next + 1] & 0xFF) << 16)
                | ((block[next + 2] & 0xFF) << 8) | (block[next + 3] & 0xFF);
        next += 4;
        return key;
    }
}
