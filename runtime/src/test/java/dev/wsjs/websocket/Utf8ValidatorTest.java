package dev.wsjs.websocket;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Utf8ValidatorTest {

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void acceptsWellFormedTextSplitAtEveryPoint() {
        byte[] text = "ascii κόσμε 日本語 \uD83D\uDE00 end, and a longer ASCII tail to use the fast path".getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= text.length; split++) {
            Utf8Validator v = new Utf8Validator();
            assertTrue(v.feed(text, 0, split), "first piece at " + split);
            assertTrue(v.feed(text, split, text.length - split), "second piece at " + split);
            assertTrue(v.isComplete(), "complete at " + split);
        }
    }

    @Test
    void acceptsBoundaryCodePoints() {
        for (String ok : new String[] {"00", "7f", "c2 80", "df bf", "e0 a0 80", "ed 9f bf", "ee 80 80", "ef bf bf",
                "f0 90 80 80", "f4 8f bf bf", "f3 bf bf bf"}) {
            byte[] b = hex(ok);
            assertTrue(Utf8Validator.isValid(b, 0, b.length), ok);
        }
    }

    @Test
    void rejectsMalformedSequences() {
        for (String bad : new String[] {"80", "bf", "c0 80", "c1 bf", "e0 80 80", "e0 9f bf", "ed a0 80", "ed bf bf",
                "f0 80 80 80", "f0 8f bf bf", "f4 90 80 80", "f5 80 80 80", "ff", "fe", "c2 41", "e1 80 41",
                "41 42 43 44 45 46 47 48 c3 28"}) {
            byte[] b = hex(bad);
            assertFalse(new Utf8Validator().feed(b, 0, b.length), bad);
        }
    }

    @Test
    void truncatedSequenceIsIncompleteNotInvalid() {
        byte[] b = hex("e6 97");
        Utf8Validator v = new Utf8Validator();
        assertTrue(v.feed(b, 0, b.length));
        assertFalse(v.isComplete());
        assertFalse(Utf8Validator.isValid(b, 0, b.length));
    }
}
