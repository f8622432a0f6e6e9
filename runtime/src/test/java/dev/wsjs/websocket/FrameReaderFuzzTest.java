package dev.wsjs.websocket;

import static dev.wsjs.websocket.RawFrames.*;
import static dev.wsjs.websocket.WebSocketProtocol.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Random frame streams with fixed seeds: valid streams must decode to exactly the messages that
 * were encoded; mutated and random streams may only end in a {@link ProtocolViolation} or an
 * {@link EOFException}, never another exception. The frame count comes from the system property
 * {@code wsjs.fuzz.frames} (default 100,000) so a long run is one flag away.
 */
class FrameReaderFuzzTest {

    private static final long MAX_MESSAGE = 256 * 1024;

    @Test
    void validStreamsDecodeExactlyAndBrokenOnesFailCleanly() throws Exception {
        long target = Long.getLong("wsjs.fuzz.frames", 100_000);
        long frames = 0;
        long violations = 0;
        for (long seed = 1; frames < target; seed++) {
            Random r = new Random(seed);
            boolean deflate = r.nextBoolean();
            boolean fromClient = r.nextBoolean();
            Role readerRole = fromClient ? Role.SERVER : Role.CLIENT;
            List<byte[]> stream = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            RawFrames.Compressor compressor = new RawFrames.Compressor(false);
            int messages = 1 + r.nextInt(8);
            for (int m = 0; m < messages; m++) {
                addMessage(r, deflate, fromClient, compressor, stream, expected);
            }
            byte[] bytes = concat(stream.toArray(byte[][]::new));
            PerMessageDeflate params = deflate ? new PerMessageDeflate(false, false, 15, 15) : null;
            assertSameEvents(expected, decode(bytes, readerRole, params), seed);
            frames += stream.size();

            // The same stream with a few bytes changed, or plain noise.
            byte[] broken = r.nextInt(10) == 0 ? randomBytes(r, 1 + r.nextInt(200)) : mutate(r, bytes);
            try {
                decode(broken, readerRole, params);
            } catch (ProtocolViolation | EOFException expectedFailure) {
                violations++;
            } catch (Throwable unexpected) {
                throw new AssertionError("seed " + seed + ": " + HexFormat.of().formatHex(broken), unexpected);
            }
            frames += stream.size();
        }
        assertTrue(violations > 0, "mutations never produced a failure: the fuzzer is not fuzzing");
    }

    private static void addMessage(Random r, boolean deflate, boolean masked, RawFrames.Compressor compressor,
            List<byte[]> stream, List<String> expected) {
        boolean text = r.nextBoolean();
        int kind = r.nextInt(100);
        int size = kind < 30 ? r.nextInt(4)
                : kind < 65 ? r.nextInt(200)
                : kind < 99 ? 100 + r.nextInt(2000)
                : 65_000 + r.nextInt(1000); // around the 16-bit length boundary
        byte[] payload;
        if (text) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < size / 3 + 1) {
                int cp = switch (r.nextInt(4)) {
                    case 0 -> 0x20 + r.nextInt(0x5F);
                    case 1 -> 0x80 + r.nextInt(0x780);
                    case 2 -> 0xE000 + r.nextInt(0x1000);
                    default -> 0x10000 + r.nextInt(0x1000);
                };
                sb.appendCodePoint(cp);
            }
            String s = sb.toString();
            payload = s.getBytes(StandardCharsets.UTF_8);
            expected.add(textEvent(s));
        } else {
            payload = randomBytes(r, size);
            expected.add(binaryEvent(payload));
        }
        boolean compress = deflate && r.nextBoolean();
        byte[] wire = compress ? compressor.compress(payload) : payload;
        int fragments = r.nextInt(3) == 0 ? 1 + r.nextInt(5) : 1;
        int at = 0;
        for (int f = 0; f < fragments; f++) {
            int end = f == fragments - 1 ? wire.length : at + r.nextInt(wire.length - at + 1);
            int opcode = f == 0 ? (text ? OPCODE_TEXT : OPCODE_BINARY) : OPCODE_CONTINUATION;
            int rsv = f == 0 && compress ? 0x40 : 0;
            stream.add(frame(f == fragments - 1, rsv, opcode, Arrays.copyOfRange(wire, at, end), masked ? r.nextInt() : null));
            at = end;
            if (r.nextInt(4) == 0) {
                byte[] ping = randomBytes(r, r.nextInt(126));
                stream.add(frame(true, 0, OPCODE_PING, ping, masked ? r.nextInt() : null));
                String event = "ping:" + HexFormat.of().formatHex(ping);
                if (f < fragments - 1) {
                    expected.add(expected.size() - 1, event); // arrives while the message is unfinished
                } else {
                    expected.add(event);
                }
            }
        }
    }

    private static void assertSameEvents(List<String> expected, List<String> actual, long seed) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail("seed " + seed + ": event " + i + " differs: expected " + abbreviate(expected.get(i))
                        + " but was " + abbreviate(actual.get(i)));
            }
        }
        assertEquals(expected.size(), actual.size(), "seed " + seed + ": number of events");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…(" + s.length() + " chars)";
    }

    private static List<String> decode(byte[] bytes, Role role, PerMessageDeflate deflate) throws Exception {
        Buffer in = new Buffer().write(bytes);
        List<String> events = new ArrayList<>();
        FrameReader reader = new FrameReader(in, role, MAX_MESSAGE, deflate, new FrameReader.Handler() {
            @Override public void onText(String text) { events.add(textEvent(text)); }
            @Override public void onBinary(java.nio.ByteBuffer data) {
                byte[] b = new byte[data.remaining()];
                data.get(b);
                events.add(binaryEvent(b));
            }
            @Override public void onPing(byte[] payload) { events.add("ping:" + HexFormat.of().formatHex(payload)); }
            @Override public void onPong(byte[] payload) { events.add("pong:" + HexFormat.of().formatHex(payload)); }
            @Override public void onClose(int code, String reason) { events.add("close:" + code + ":" + reason); }
        });
        try {
            while (!in.exhausted()) {
                reader.readFrame();
            }
        } finally {
            reader.release();
        }
        return events;
    }

    // Messages are compared by length and content hash: exact enough, and cheap for 64 KiB payloads.
    private static String textEvent(String s) {
        return "text:" + s.length() + ":" + s.hashCode() + ":" + s.substring(0, Math.min(8, s.length()));
    }

    private static String binaryEvent(byte[] b) {
        return "binary:" + b.length + ":" + Arrays.hashCode(b);
    }

    private static byte[] mutate(Random r, byte[] bytes) {
        byte[] copy = bytes.clone();
        int changes = 1 + r.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int at = r.nextInt(Math.min(copy.length, 64 + r.nextInt(copy.length)));
            copy[at] ^= (byte) (1 << r.nextInt(8));
        }
        return copy;
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
