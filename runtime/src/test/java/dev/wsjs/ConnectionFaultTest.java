package dev.wsjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.server.EchoHandler;
import dev.wsjs.server.LocalWebSocketServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connection faults from a hostile or broken peer, as a script in a long-lived runtime meets them:
 * each case gets the events the standard requires, no exception reaches the loop, a bystander
 * WebSocket of the same runtime keeps echoing, and memory the peer makes the client hold stays bounded.
 * The peer is a plain socket on 127.0.0.1 that answers a valid 101 and then misbehaves.
 */
class ConnectionFaultTest {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static LocalWebSocketServer echo;
    private static WsjsRuntime rt;
    private static final List<String> uncaught = new CopyOnWriteArrayList<>();
    private static int bystanderRounds;

    @BeforeAll
    static void start() throws Exception {
        echo = LocalWebSocketServer.builder().route("/echo", new EchoHandler()).start();
        rt = WsjsRuntime.builder().location("http://127.0.0.1/")
                .onUncaughtError((report, runtime) -> uncaught.add(report))
                .build();
        rt.eval("""
                globalThis.trace = (url) => {
                  const t = { events: [], done: false };
                  const ws = new WebSocket(url);
                  ws.binaryType = "arraybuffer";
                  ws.onmessage = (e) => t.events.push("message " + (typeof e.data === "string" ? e.data : e.data.byteLength));
                  ws.onerror = () => t.events.push("error");
                  ws.onclose = (e) => { t.events.push(`close ${e.code} ${e.wasClean}`); t.done = true; };
                  return t;
                };
                globalThis.bystander = new WebSocket(%s);
                globalThis.bystanderEcho = "";
                bystander.onmessage = (e) => { bystanderEcho = e.data; };
                """.formatted(jsString("ws://127.0.0.1:" + echo.port() + "/echo")));
        assertTrue(rt.runUntil(() -> rt.eval("bystander.readyState").asInt() == 1, Duration.ofSeconds(20)), "the bystander opened");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (rt != null) rt.close();
        if (echo != null) echo.close();
        assertTrue(ThreadCensus.eventually(30, () -> ThreadCensus.runtimeThreads() == 0),
                "the runtime's threads end once it is closed: " + ThreadCensus.names());
    }

    /** Connects a script WebSocket to a peer running {@code scenario} and returns the script's events. */
    private static List<String> run(Scenario scenario) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(20_000);
            Value trace = rt.eval("trace").execute("ws://127.0.0.1:" + server.getLocalPort() + "/");
            Throwable[] peerFailure = new Throwable[1];
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(20_000);
                    upgrade(s);
                    scenario.run(s);
                } catch (Throwable e) {
                    peerFailure[0] = e;
                }
            });
            assertTrue(rt.runUntil(() -> trace.getMember("done").asBoolean(), Duration.ofSeconds(30)),
                    "the script saw close; events so far: " + trace.getMember("events"));
            peer.join(Duration.ofSeconds(20));
            if (peerFailure[0] != null) throw new AssertionError("the peer failed", peerFailure[0]);
            List<String> events = new ArrayList<>();
            Value list = trace.getMember("events");
            for (long i = 0; i < list.getArraySize(); i++) events.add(list.getArrayElement(i).asString());
            assertBystanderEchoes();
            assertEquals(List.of(), uncaught, "nothing reached the loop as an uncaught error");
            return events;
        }
    }

    private static void assertBystanderEchoes() {
        String text = "still here " + ++bystanderRounds;
        rt.eval("bystander").invokeMember("send", text);
        assertTrue(rt.runUntil(() -> rt.eval("bystanderEcho").asString().equals(text), Duration.ofSeconds(20)),
                "the other WebSocket of the runtime is unaffected");
    }

    @FunctionalInterface
    private interface Scenario {
        void run(Socket s) throws Exception;
    }

    @Test
    void resetInTheMiddleOfAMessageFailsTheConnection() throws Exception {
        List<String> events = run(s -> {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) 0x82, 127, 0, 0, 0, 0, 0, 1, (byte) 0x86, (byte) 0xA0}); // 100,000 bytes announced
            out.write(new byte[50_000]);
            out.flush();
            Thread.sleep(200); // the client has read part of the payload
            s.setSoLinger(true, 0); // close() now sends RST instead of FIN
        });
        assertEquals(List.of("error", "close 1006 false"), events);
    }

    @Test
    void endOfStreamInTheMiddleOfAMessageFailsTheConnection() throws Exception {
        List<String> events = run(s -> {
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {(byte) 0x81, 126, 0x10, 0x00}); // 4,096 bytes of text announced
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            out.flush();
            s.shutdownOutput();
            drain(s.getInputStream(), null);
        });
        assertEquals(List.of("error", "close 1006 false"), events);
    }

    @Test
    void aPingFloodIsAnsweredAndTheConnectionGoesOn() throws Exception {
        int pings = 20_000;
        AtomicLong pongs = new AtomicLong();
        List<String> events = run(s -> {
            Thread reader = Thread.ofVirtual().start(() -> drain(s, pongs));
            OutputStream out = s.getOutputStream();
            byte[] ping = frame(0x89, new byte[125]);
            byte[] batch = new byte[ping.length * 100];
            for (int i = 0; i < 100; i++) System.arraycopy(ping, 0, batch, i * ping.length, ping.length);
            for (int i = 0; i < pings / 100; i++) out.write(batch);
            out.write(frame(0x81, "after the flood".getBytes(StandardCharsets.UTF_8)));
            out.write(frame(0x88, new byte[] {0x03, (byte) 0xE8}));
            out.flush();
            reader.join(Duration.ofSeconds(20)); // until the client's close frame
        });
        assertEquals(List.of("message after the flood", "close 1000 true"), events);
        assertTrue(pongs.get() >= 1, "pings were answered");
    }

    @Test
    void aPingFloodFromAPeerThatReadsNothingKeepsTheClientsMemoryBounded() throws Exception {
        int pings = 400_000; // 51 MB of pings; a pong queued per ping would hold more than that
        long[] growth = new long[1];
        List<String> events = run(s -> {
            // The baseline is taken with the client's runtime up and connected: its context is not
            // what the flood holds.
            long before = usedHeapAfterGc();
            OutputStream out = s.getOutputStream();
            byte[] ping = frame(0x89, new byte[125]);
            byte[] batch = new byte[ping.length * 1000];
            for (int i = 0; i < 1000; i++) System.arraycopy(ping, 0, batch, i * ping.length, ping.length);
            for (int i = 0; i < pings / 1000; i++) out.write(batch);
            out.flush();
            Thread.sleep(1000); // the client reads what is left in its socket buffer
            growth[0] = usedHeapAfterGc() - before;
            System.out.println("wsjs: a ping flood from a peer that never reads held " + (growth[0] >> 20) + " MiB of heap");
            s.setSoLinger(true, 0);
        });
        assertEquals(List.of("error", "close 1006 false"), events);
        assertTrue(growth[0] < 16L << 20, "heap held for a peer that sends pings and never reads: "
                + (growth[0] >> 20) + " MiB");
    }

    private static long usedHeapAfterGc() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return r.totalMemory() - r.freeMemory();
    }

    /** Reads frames from the client until its close frame (then closes) or the end of the stream. */
    private static void drain(Socket s, AtomicLong pongs) {
        try {
            drain(s.getInputStream(), pongs);
            s.close();
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void drain(InputStream raw, AtomicLong pongs) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        try {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7F;
                if (len == 126) len = in.readUnsignedShort();
                else if (len == 127) len = in.readLong();
                in.readFully(new byte[4 + (int) len]); // mask key and payload
                if ((b0 & 0x0F) == 0xA && pongs != null) pongs.incrementAndGet();
                if ((b0 & 0x0F) == 0x8) return;
            }
        } catch (java.io.EOFException | java.net.SocketException e) {
            // the client closed the connection
        }
    }

    private static void upgrade(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("the client closed before its handshake ended");
            head.write(b);
        }
        String key = head.toString(StandardCharsets.ISO_8859_1).lines()
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElseThrow();
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
        s.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An unmasked server frame of at most 125 bytes of payload. */
    private static byte[] frame(int b0, byte[] payload) {
        byte[] f = new byte[2 + payload.length];
        f[0] = (byte) b0;
        f[1] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 2, payload.length);
        return f;
    }

    private static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
