// META: servers=frames
// META: timeout=long
// META: limits=maxIncomingMessageBytes:1000,closeTimeoutMs:1000
// META: script=resources/frame-report.js
// The frame layer (RFC 6455, RFC 7692) as a script sees it, against a peer that writes hand-made
// frames and reports back the frames the client sent (SERVERS.frames/report?tag=…). A frame the client
// must reject "fails the WebSocket connection": the script sees error, then close 1006 with no detail
// (https://websockets.spec.whatwg.org/#feedback-from-the-protocol), while the peer gets the status
// code RFC 6455 section 7.4.1 names for the fault.

const FRAMES = SERVERS.frames;
let tags = 0;

/** A fresh tag for one connection's report. */
function tag(name) {
  return `${name}-${++tags}-${Math.random().toString(36).slice(2)}`;
}

/** Everything a script can observe of a connection, plus its messages. */
function trace(url, onopen) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.binaryType = "arraybuffer";
    const seen = [];
    const messages = [];
    let extensions;
    ws.onopen = () => {
      seen.push("open");
      extensions = ws.extensions;
      if (onopen) onopen(ws);
    };
    ws.onmessage = (e) => messages.push(typeof e.data === "string" ? e.data : Array.from(new Uint8Array(e.data)));
    ws.onerror = () => seen.push(`error ${ws.readyState}`);
    ws.onclose = (e) => {
      seen.push(`close ${e.code} ${e.wasClean} "${e.reason}" ${ws.readyState}`);
      resolve({ seen, messages, extensions });
    };
  });
}

const FAILED = ["open", "error 3", 'close 1006 false "" 3'];

const FAULTS = [
  // [route, what, status code the client must send]
  ["rsv1", "RSV1 set without a negotiated extension", 1002],
  ["rsv2", "RSV2 set", 1002],
  ["rsv3", "RSV3 set", 1002],
  ["opcode-3", "a reserved data opcode", 1002],
  ["opcode-11", "a reserved control opcode", 1002],
  ["fragmented-ping", "a fragmented control frame", 1002],
  ["long-ping", "a ping with 126 bytes of payload", 1002],
  ["long-close", "a close frame with 126 bytes of payload", 1002],
  ["masked", "a masked frame from the server", 1002],
  ["bare-continuation", "a continuation frame without a message to continue", 1002],
  ["text-in-fragmented", "a new message inside a fragmented one", 1002],
  ["length-top-bit", "a 64-bit length with the most significant bit set", 1002],
  ["close-1-byte", "a close frame with a 1-byte payload", 1002],
  ["close-999", "close code 999", 1002],
  ["close-1005", "close code 1005, which must never be sent", 1002],
  ["close-1006", "close code 1006, which must never be sent", 1002],
  ["close-2999", "close code 2999 (reserved for extensions)", 1002],
  ["close-5000", "close code 5000", 1002],
  ["utf8-text", "invalid UTF-8 in a text message", 1007],
  ["utf8-fragments", "invalid UTF-8 split across fragments", 1007],
  ["utf8-truncated", "a text message ending inside a UTF-8 sequence", 1007],
  ["utf8-surrogate", "an encoded surrogate (ED A0 80) in a text message", 1007],
  ["utf8-close-reason", "invalid UTF-8 in a close reason", 1007],
  ["too-big", "a 1001-byte message over the 1000-byte incoming limit", 1009],
  ["too-big-fragments", "fragments adding up to more than the incoming limit", 1009],
];

for (const [route, what, code] of FAULTS) {
  promise_test(async () => {
    const t = tag(route);
    const { seen, messages } = await trace(`${FRAMES}/error/${route}?tag=${t}`);
    assert_array_equals(seen, FAILED, "what the script sees");
    assert_array_equals(messages, [], "no message event for a faulty frame");
    const { frames } = await report(t);
    const closes = frames.filter((f) => f.opcode === 8);
    assert_equals(closes.length, 1, "the client sent one close frame: " + JSON.stringify(frames));
    assert_equals(closes[0].code, code, "the close code the peer got");
  }, `${what} fails the connection: error, close 1006; the peer gets ${code}`);
}

promise_test(async () => {
  const t = tag("fragments");
  const { seen, messages } = await trace(`${FRAMES}/fragments?tag=${t}`);
  assert_array_equals(seen, ["open", 'close 1000 true "done" 3']);
  assert_equals(messages[0], "Hello, world", "three text fragments make one message");
  assert_array_equals(messages[1], [1, 2, 3], "two binary fragments make one message");
  assert_equals(messages.length, 2);
  const { frames } = await report(t);
  const sent = frames.map((f) => `${f.opcode} ${f.text}`);
  // RFC 6455 section 5.5.3: a ping may go unanswered when a newer one came before its pong went out,
  // but the latest ping is answered, with its payload, before the close frame.
  assert_in_array(JSON.stringify(sent), [
    JSON.stringify(["10 ping-1", "10 ping-2", "8 done"]),
    JSON.stringify(["10 ping-2", "8 done"]),
  ], "pongs with the pings' payloads, in order, then the close frame echoing the server's");
  assert_equals(frames[frames.length - 1].code, 1000);
}, "fragments are reassembled, pings between them are answered with pongs");

promise_test(async () => {
  const t = tag("masking");
  await trace(`${FRAMES}/record?tag=${t}`, (ws) => {
    for (let i = 0; i < 8; i++) ws.send("message " + i);
    ws.send(new Uint8Array([1, 2, 3]));
    ws.close(1000, "bye");
  });
  const { frames } = await report(t);
  assert_equals(frames.length, 10, JSON.stringify(frames));
  assert_true(frames.every((f) => f.masked), "every client frame is masked");
  assert_array_equals(frames.slice(0, 8).map((f) => f.text), [0, 1, 2, 3, 4, 5, 6, 7].map((i) => "message " + i));
  assert_equals(new Set(frames.map((f) => f.key)).size, frames.length, "a fresh masking key per frame");
  assert_equals(frames[9].code, 1000);
  assert_equals(frames[9].text, "bye");
}, "every frame the client sends is masked with a new key");

promise_test(async () => {
  const { seen, messages } = await trace(`${FRAMES}/deflate-context?tag=${tag("inflate")}`);
  const expected = "compressible ".repeat(40);
  assert_array_equals(seen, ["open", 'close 1000 true "" 3']);
  assert_array_equals(messages, [expected, expected],
    "the second message refers back to the first (context takeover)");
}, "permessage-deflate: compressed messages are inflated, keeping the context between messages");

// Over 1 KiB: shorter messages may go out uncompressed (RFC 7692 lets each message choose).
const COMPRESSIBLE = "compress me ".repeat(200);

promise_test(async () => {
  const t = tag("deflate");
  const text = COMPRESSIBLE;
  const { extensions } = await trace(`${FRAMES}/deflate-record?tag=${t}`, (ws) => {
    ws.send(text);
    ws.send(text);
    ws.close();
  });
  assert_equals(extensions, "permessage-deflate");
  const { frames } = await report(t);
  assert_equals(frames.length, 3, JSON.stringify(frames));
  for (const f of frames.slice(0, 2)) {
    assert_true(f.rsv1, "RSV1 marks a compressed message");
    assert_less_than(f.length, text.length / 4, "compressed");
  }
  assert_less_than(frames[1].length, frames[0].length, "the second message refers back to the first");
}, "permessage-deflate: the client compresses what it sends");

promise_test(async () => {
  const t = tag("window");
  const text = COMPRESSIBLE;
  const { extensions } = await trace(`${FRAMES}/deflate-small-window?tag=${t}`, (ws) => {
    ws.send(text);
    ws.close();
  });
  assert_equals(extensions, "permessage-deflate; client_max_window_bits=8", "the extensions header as the server sent it");
  const { frames } = await report(t);
  assert_false(frames[0].rsv1, "not compressed");
  assert_equals(frames[0].length, text.length);
}, "permessage-deflate with client_max_window_bits=8: messages go out uncompressed");

promise_test(async () => {
  const t = tag("bomb");
  const { seen, messages } = await trace(`${FRAMES}/deflate-bomb?tag=${t}`);
  assert_array_equals(seen, FAILED);
  assert_array_equals(messages, []);
  const { frames } = await report(t);
  assert_equals(frames.find((f) => f.opcode === 8)?.code, 1009);
}, "a compressed message over the incoming limit once inflated fails the connection with 1009");

promise_test(async () => {
  const t = tag("close-timeout");
  let closedAt;
  const { seen } = await trace(`${FRAMES}/never-close?tag=${t}`, (ws) => {
    ws.close(1000, "bye");
    closedAt = performance.now();
  });
  const waited = performance.now() - closedAt;
  assert_array_equals(seen, FAILED);
  assert_greater_than_equal(waited, 900, "the runtime waited for the close timeout (1000 ms)");
  assert_less_than(waited, 6000, "and not much longer");
  const { frames, end } = await report(t);
  assert_equals(frames.length, 1);
  assert_equals(frames[0].code, 1000);
  assert_equals(end, "eof", "the client closed the TCP connection itself");
}, "a close frame the peer never answers: error, then close 1006 at the close timeout");
