package dev.wsjs.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Streaming UTF-8 well-formedness check (RFC 3629 section 4, the Unicode "well-formed UTF-8 byte
 * sequences" table) that can be fed a message in pieces, so an invalid text message fails the
 * connection as soon as the bad byte arrives, also across fragment boundaries.
 *
 * <p>Not thread safe: owned by one reader thread.
 */
public final class Utf8Validator {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    // States: how the next byte is constrained.
    private static final int ACCEPT = 0;
    private static final int REJECT = -1;
    private static final int CONT_1 = 1;        // one more 80..BF
    private static final int CONT_2 = 2;        // two more 80..BF
    private static final int CONT_3 = 3;        // three more 80..BF
    private static final int AFTER_E0 = 4;      // A0..BF, then one more (no overlong 3-byte forms)
    private static final int AFTER_ED = 5;      // 80..9F, then one more (no surrogates)
    private static final int AFTER_F0 = 6;      // 90..BF, then two more (no overlong 4-byte forms)
    private static final int AFTER_F4 = 7;      // 80..8F, then two more (nothing above U+10FFFF)

    private int state = ACCEPT;

    /** Starts a new message. */
    public void reset() {
        state = ACCEPT;
    }

    /** Whether everything fed so far is well formed and ends on a code point boundary. */
    public boolean isComplete() {
        return state == ACCEPT;
    }

    /**
     * Feeds bytes; returns false as soon as they cannot start or continue well-formed UTF-8 (a
     * prefix of a valid sequence at the end is fine: it may continue in the next piece).
     */
    public boolean feed(byte[] bytes, int offset, int length) {
        int s = state;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (s == ACCEPT) {
                // Fast path for ASCII runs, eight bytes at a time.
                while (i + 8 <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                while (i < end && bytes[i] >= 0) {
                    i++;
                }
                if (i == end) {
                    break;
                }
            }
            s = next(s, bytes[i] & 0xFF);
            if (s == REJECT) {
                state = REJECT;
                return false;
            }
            i++;
        }
        state = s;
        return true;
    }

    /** Whether a whole byte range is well-formed UTF-8 (one-shot; does not touch this validator's state). */
    public static boolean isValid(byte[] bytes, int offset, int length) {
        Utf8Validator v = new Utf8Validator();
        return v.feed(bytes, offset, length) && v.isComplete();
    }

    private static int next(int state, int b) {
        switch (state) {
            case ACCEPT:
                if (b < 0x80) return ACCEPT;
                if (b < 0xC2) return REJECT;          // continuation byte or overlong 2-byte lead
                if (b < 0xE0) return CONT_1;
                if (b == 0xE0) return AFTER_E0;
                if (b == 0xED) return AFTER_ED;
                if (b < 0xF0) return CONT_2;
                if (b == 0xF0) return AFTER_F0;
                if (b < 0xF4) return CONT_3;
                if (b == 0xF4) return AFTER_F4;
                return REJECT;                         // F5..FF never appear
            case CONT_1:
                return isContinuation(b) ? ACCEPT : REJECT;
            case CONT_2:
                return isContinuation(b) ? CONT_1 : REJECT;
            case CONT_3:
                return isContinuation(b) ? CONT_2 : REJECT;
            case AFTER_E0:
                return b >= 0xA0 && b <= 0xBF ? CONT_1 : REJECT;
            case AFTER_ED:
                return b >= 0x80 && b <= 0x9F ? CONT_1 : REJECT;
            case AFTER_F0:
                return b >= 0x90 && b <= 0xBF ? CONT_2 : REJECT;
            case AFTER_F4:
                return b >= 0x80 && b <= 0x8F ? CONT_2 : REJECT;
            default:
                return REJECT;
        }
    }

    private static boolean isContinuation(int b) {
        return (b & 0xC0) == 0x80;
    }
}
