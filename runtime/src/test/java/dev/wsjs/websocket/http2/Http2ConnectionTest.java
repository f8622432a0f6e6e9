package dev.wsjs.websocket.http2;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client connection against a scripted server on 127.0.0.1 that reads and writes raw frames:
 * preface, SETTINGS, flow control both ways, PING, RST_STREAM and GOAWAY.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Http2ConnectionTest {

    private ServerSocket listener;
    private Socket server;
    private BufferedSource fromClient;
    private Http2FrameWriter toClient;
    private Http2FrameReader frames;
    private Http2Connection client;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (client != null) client.close();
        if (server != null) server.close();
        listener.close();
    }

    /** Connects a client; the server reads its preface and SETTINGS and answers with {@code settings}. */
    private void handshake(int[] ids, long[] values) throws Exception {
        CompletableFuture<Http2Connection> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                Socket s = new Socket(listener.getInetAddress(), listener.getLocalPort());
                return Http2Connection.start("test", s, 1 << 16, 10_000);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        server = listener.accept();
        server.setSoTimeout(10_000);
        fromClient = Okio.buffer(Okio.source(server));
        BufferedSink out = Okio.buffer(Okio.sink(server));
        toClient = new Http2FrameWriter(out);
        frames = new Http2FrameReader(fromClient, new HpackDecoder(4096, 1 << 20), 16_384, 1 << 20);
        assertEquals(new okio.ByteString(Http2FrameWriter.PREFACE), fromClient.readByteString(24));
        RecordingFrames seen = new RecordingFrames();
        frames.readFrame(seen);
        // Push off, our stream window, our header list limit.
        assertEquals("SETTINGS [2, 4, 6]=[0, 65536, 65536]", seen.last());
        frames.readFrame(seen);
        assertEquals("WINDOW_UPDATE 0 1", seen.last(), "connection window widened to the stream window");
        toClient.settings(ids, values);
        toClient.flush();
        client = connecting.get(10, TimeUnit.SECONDS);
        frames.readFrame(seen);
        assertEquals("SETTINGS ACK", seen.last());
    }

    private String nextFrame() throws IOException {
        RecordingFrames seen = new RecordingFrames();
        frames.readFrame(seen);
        return seen.last();
    }

    private List<HeaderField> connectHeaders() {
        return List.of(new HeaderField(":method", "CONNECT"), new HeaderField(":protocol", "websocket"),
                new HeaderField(":scheme", "https"), new HeaderField(":path", "/"),
                new HeaderField(":authority", "127.0.0.1"));
    }

    @Test
    void extendedConnectSettingIsSeen() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        assertTrue(client.connectProtocolEnabled());
    }

    @Test
    void withoutTheSettingExtendedConnectIsOff() throws Exception {
        handshake(new int[] {3}, new long[] {100});
        assertFalse(client.connectProtocolEnabled());
    }

    @Test
    void sendingWaitsForThePeersStreamWindow() throws Exception {
        // The server's streams start with a 10-byte window.
        handshake(new int[] {8, 4}, new long[] {1, 10});
        Http2Stream stream = client.openStream(connectHeaders());
        assertEquals("HEADERS 1 5", nextFrame());
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                stream.sink().write(new Buffer().writeUtf8("0123456789abcdefghijklmno"), 25);
                stream.sink().flush();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals("DATA 1 0123456789 fc=10", nextFrame());
        Thread.sleep(200);
        assertFalse(writing.isDone(), "the writer must wait for WINDOW_UPDATE");
        toClient.windowUpdate(1, 100);
        toClient.flush();
        assertEquals("DATA 1 abcdefghijklmno fc=15", nextFrame());
        writing.get(10, TimeUnit.SECONDS);
        stream.sink().close();
        assertEquals("DATA 1  fc=0 END", nextFrame());
    }

    @Test
    void receivedDataIsReadAndTheWindowGivenBack() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        Http2Stream stream = client.openStream(connectHeaders());
        nextFrame();
        byte[] block = HpackEncoder.encode(List.of(new HeaderField(":status", "200")));
        toClient.headers(1, block, false);
        byte[] chunk = new byte[16_384];
        for (int i = 0; i < 3; i++) {
            toClient.data(1, new Buffer().write(chunk), chunk.length, false);
        }
        toClient.flush();
        assertEquals("200", stream.awaitResponseHeaders(5_000).get(0).value());
        BufferedSource in = Okio.buffer(stream.source());
        in.skip(3 * 16_384);
        // Half of the 65,536-byte windows consumed: both the stream and the connection get it back.
        String a = nextFrame();
        String b = nextFrame();
        assertTrue(a.startsWith("WINDOW_UPDATE 1 ") || b.startsWith("WINDOW_UPDATE 1 "), a + " / " + b);
        assertTrue(a.startsWith("WINDOW_UPDATE 0 ") || b.startsWith("WINDOW_UPDATE 0 "), a + " / " + b);
        // END_STREAM is the end of the source.
        toClient.data(1, new Buffer().writeUtf8("end"), 3, true);
        toClient.flush();
        assertEquals("end", in.readUtf8());
        assertTrue(in.exhausted());
    }

    @Test
    void overrunningTheWindowIsAFlowControlError() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        client.openStream(connectHeaders());
        nextFrame();
        byte[] chunk = new byte[16_384];
        for (int i = 0; i < 5; i++) { // 81,920 bytes into a 65,536-byte window
            toClient.data(1, new Buffer().write(chunk), chunk.length, false);
        }
        toClient.flush();
        assertEquals("GOAWAY 0 FLOW_CONTROL_ERROR the server overran the connection window (FLOW_CONTROL_ERROR)",
                nextFrame());
    }

    @Test
    void pingsAreAnswered() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        toClient.ping(false, 0x1234_5678_9abc_def0L);
        toClient.flush();
        assertEquals("PING " + 0x1234_5678_9abc_def0L + " ACK", nextFrame());
    }

    @Test
    void resetStreamFailsItsReader() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        Http2Stream stream = client.openStream(connectHeaders());
        nextFrame();
        toClient.rstStream(1, Http2Exception.CANCEL);
        toClient.flush();
        IOException e = assertThrows(IOException.class, () -> Okio.buffer(stream.source()).readByte());
        assertTrue(e.getMessage().contains("CANCEL"), e.getMessage());
    }

    @Test
    void goAwayFailsStreamsAboveTheLastIdAndRefusesNewOnes() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        Http2Stream stream = client.openStream(connectHeaders());
        nextFrame();
        toClient.goAway(0, Http2Exception.ENHANCE_YOUR_CALM, "slow down");
        toClient.flush();
        IOException e = assertThrows(IOException.class, () -> stream.awaitResponseHeaders(5_000));
        assertTrue(e.getMessage().contains("ENHANCE_YOUR_CALM"), e.getMessage());
        assertThrows(IOException.class, () -> client.openStream(connectHeaders()));
    }

    @Test
    void aFirstFrameOtherThanSettingsFailsTheConnection() throws Exception {
        CompletableFuture<Http2Connection> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return Http2Connection.start("test", new Socket(listener.getInetAddress(), listener.getLocalPort()),
                        1 << 16, 10_000);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        server = listener.accept();
        Http2FrameWriter w = new Http2FrameWriter(Okio.buffer(Okio.sink(server)));
        w.ping(false, 1);
        w.flush();
        Exception e = assertThrows(Exception.class, () -> connecting.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getCause() instanceof Http2Exception, String.valueOf(e.getCause()));
    }

    @Test
    void cancelAfterBothEndsIsAnOrderlyEndStream() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        Http2Stream stream = client.openStream(connectHeaders());
        nextFrame();
        toClient.headers(1, HpackEncoder.encode(List.of(new HeaderField(":status", "200"))), true);
        toClient.flush();
        stream.awaitResponseHeaders(5_000);
        assertEquals(-1, stream.source().read(new Buffer(), 10));
        stream.cancel();
        assertEquals("DATA 1  fc=0 END", nextFrame());
        assertEquals("GOAWAY 0 NO_ERROR ", nextFrame());
    }

    @Test
    void cancelWhileOpenResetsTheStream() throws Exception {
        handshake(new int[] {8}, new long[] {1});
        Http2Stream stream = client.openStream(connectHeaders());
        nextFrame();
        stream.cancel();
        assertEquals("RST_STREAM 1 CANCEL", nextFrame());
    }
}
