package dev.wsjs.websocket.http2;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The frame writer and reader on RFC 9113's layouts, including padding, priority and CONTINUATION. */
class Http2FramesTest {

    private final Buffer wire = new Buffer();
    private final Http2FrameWriter writer = new Http2FrameWriter(wire);
    private final RecordingFrames seen = new RecordingFrames();

    private Http2FrameReader reader() {
        return new Http2FrameReader(wire, new HpackDecoder(4096, 1 << 20), 16_384, 1 << 20);
    }

    private static byte[] raw(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private Http2Exception failureOf(String hex) {
        wire.write(raw(hex));
        return assertThrows(Http2Exception.class, () -> reader().readFrame(seen));
    }

    @Test
    void controlFramesRoundTrip() throws Exception {
        writer.settings(new int[] {2, 4}, new long[] {0, 1 << 20});
        writer.settingsAck();
        writer.ping(false, 42);
        writer.ping(true, -1);
        writer.windowUpdate(0, 1000);
        writer.rstStream(3, Http2Exception.CANCEL);
        writer.goAway(5, Http2Exception.PROTOCOL_ERROR, "why");
        writer.flush();
        Http2FrameReader reader = reader();
        for (int i = 0; i < 7; i++) reader.readFrame(seen);
        assertEquals(List.of("SETTINGS [2, 4]=[0, 1048576]", "SETTINGS ACK", "PING 42", "PING -1 ACK",
                "WINDOW_UPDATE 0 1000", "RST_STREAM 3 CANCEL", "GOAWAY 5 PROTOCOL_ERROR why"), seen.frames);
        assertTrue(wire.exhausted());
    }

    @Test
    void settingsFrameLayout() throws Exception {
        writer.settings(new int[] {8}, new long[] {1});
        writer.flush();
        // Length 6, type 4, flags 0, stream 0, then id 0x0008 and value 1.
        assertEquals("000006040000000000000800000001", wire.readByteString().hex());
    }

    @Test
    void largeHeaderBlocksContinueAndReassemble() throws Exception {
        List<HeaderField> fields = List.of(new HeaderField(":status", "200"),
                new HeaderField("x-big", "v".repeat(40_000)));
        writer.headers(1, HpackEncoder.encode(fields), false);
        writer.flush();
        Buffer copy = wire.clone();
        // HEADERS without END_HEADERS, then two CONTINUATIONs, the last one with END_HEADERS.
        assertEquals("004000010000000001", copy.readByteString(9).hex());
        reader().readFrame(seen);
        assertEquals(fields, seen.headerLists.get(0));
        assertTrue(wire.exhausted());
    }

    @Test
    void paddedAndPrioritisedHeadersAreParsed() throws Exception {
        // HEADERS, flags END_STREAM|END_HEADERS|PADDED|PRIORITY, stream 1: pad length 2,
        // dependency + weight (5 bytes), block ":status 200" (0x88), 2 bytes padding.
        wire.write(raw("000009 01 2d 00000001 02 80000000 10 88 0000"));
        reader().readFrame(seen);
        assertEquals("HEADERS 1 1 END", seen.last());
        assertEquals(new HeaderField(":status", "200"), seen.headerLists.get(0).get(0));
    }

    @Test
    void paddedDataReportsTheWholePayloadForFlowControl() throws Exception {
        // DATA, flags PADDED|END_STREAM, stream 1: pad length 3, "hi", 3 bytes padding.
        wire.write(raw("000006 00 09 00000001 03 6869 000000"));
        reader().readFrame(seen);
        assertEquals("DATA 1 hi fc=6 END", seen.last());
        assertTrue(wire.exhausted());
    }

    @Test
    void dataFramesCarryTheBytesGiven() throws Exception {
        Buffer payload = new Buffer().writeUtf8("hello world");
        writer.data(7, payload, 5, true);
        writer.flush();
        reader().readFrame(seen);
        assertEquals("DATA 7 hello fc=5 END", seen.last());
        assertEquals(" world", payload.readString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownFrameTypesAreSkipped() throws Exception {
        wire.write(raw("000003 fa 00 00000000 010203"));
        writer.ping(false, 1);
        writer.flush();
        Http2FrameReader reader = reader();
        reader.readFrame(seen);
        reader.readFrame(seen);
        assertEquals(List.of("PING 1"), seen.frames);
    }

    @Test
    void malformedFramesAreConnectionErrors() {
        // Padding longer than the payload.
        assertEquals(Http2Exception.PROTOCOL_ERROR, failureOf("000002 00 08 00000001 05 00").errorCode());
        wire.clear();
        // A frame above our SETTINGS_MAX_FRAME_SIZE.
        assertEquals(Http2Exception.FRAME_SIZE_ERROR, failureOf("004001 00 00 00000001").errorCode());
        wire.clear();
        // PING of 4 bytes.
        assertEquals(Http2Exception.FRAME_SIZE_ERROR, failureOf("000004 06 00 00000000 00000000").errorCode());
        wire.clear();
        // DATA on stream 0.
        assertEquals(Http2Exception.PROTOCOL_ERROR, failureOf("000000 00 00 00000000").errorCode());
        wire.clear();
        // SETTINGS whose length is not a multiple of 6.
        assertEquals(Http2Exception.FRAME_SIZE_ERROR, failureOf("000005 04 00 00000000 0000000000").errorCode());
        wire.clear();
        // HEADERS without END_HEADERS followed by a PING instead of CONTINUATION.
        assertEquals(Http2Exception.PROTOCOL_ERROR,
                failureOf("000001 01 00 00000001 88 000008 06 00 00000000 0000000000000000").errorCode());
        wire.clear();
        // A CONTINUATION on its own.
        assertEquals(Http2Exception.PROTOCOL_ERROR, failureOf("000001 09 04 00000001 88").errorCode());
        wire.clear();
        // PUSH_PROMISE although we disabled push.
        assertEquals(Http2Exception.PROTOCOL_ERROR, failureOf("000004 05 04 00000001 00000002").errorCode());
    }
}
