// META: servers=raw,ws
// META: limits=handshakeTimeoutMs:1500
// A slow opening handshake: the WebSocket stays CONNECTING until the answer, and one that takes
// longer than the embedder's handshake timeout fails like any other failed connection.

function trace(url) {
  return new Promise((resolve) => {
    const started = performance.now();
    const ws = new WebSocket(url);
    const seen = [`constructed ${ws.readyState}`];
    setTimeout(() => seen.push(`after 200 ms ${ws.readyState}`), 200);
    ws.onopen = () => {
      seen.push(`open ${ws.readyState}`);
      ws.close();
    };
    ws.onerror = () => seen.push(`error ${ws.readyState}`);
    ws.onclose = (e) => {
      seen.push(`close ${e.code} ${e.wasClean} "${e.reason}" ${ws.readyState}`);
      resolve({ seen, elapsed: performance.now() - started });
    };
  });
}

promise_test(async () => {
  const { seen, elapsed } = await trace(SERVERS.ws + "/slow?ms=600");
  assert_array_equals(seen, ["constructed 0", "after 200 ms 0", "open 1", 'close 1005 true "" 3']);
  assert_greater_than_equal(elapsed, 600, "open waited for the answer");
}, "a slow answer within the timeout: CONNECTING until it arrives, then open");

promise_test(async () => {
  const { seen, elapsed } = await trace(SERVERS.raw + "/hang");
  assert_array_equals(seen, ["constructed 0", "after 200 ms 0", "error 3", 'close 1006 false "" 3']);
  assert_greater_than_equal(elapsed, 1400, "not before the timeout");
  assert_less_than(elapsed, 8000, "but soon after it");
}, "a server that never answers: error, then close 1006 at the handshake timeout");

promise_test(async () => {
  const { seen } = await trace(SERVERS.ws + "/slow?ms=4000");
  assert_array_equals(seen, ["constructed 0", "after 200 ms 0", "error 3", 'close 1006 false "" 3']);
}, "an answer that comes after the timeout is too late");
