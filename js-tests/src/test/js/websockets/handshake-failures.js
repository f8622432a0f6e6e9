// META: servers=raw,ws
// META: timeout=long
// Answers to the opening handshake that fail the WebSocket connection
// (https://websockets.spec.whatwg.org/#feedback-from-the-protocol, "fail the WebSocket connection";
// RFC 6455 section 4.1, "the client MUST validate the server's response"). Whatever the cause, a
// script sees the same thing: readyState CONNECTING, then one task with error and close — code 1006,
// wasClean false, reason "" — and readyState CLOSED in both listeners.

const RAW = SERVERS.raw;

/** Everything a script can observe of a connection attempt, as strings. */
function trace(url, protocols) {
  return new Promise((resolve) => {
    const ws = protocols === undefined ? new WebSocket(url) : new WebSocket(url, protocols);
    const seen = [`constructed ${ws.readyState}`];
    ws.onopen = () => seen.push("open");
    ws.onmessage = () => seen.push("message");
    ws.onerror = (e) => seen.push(`error ${e.constructor.name} trusted=${e.isTrusted} state=${ws.readyState}`);
    ws.onclose = (e) => {
      seen.push(`close ${e.constructor.name} ${e.code} clean=${e.wasClean} reason="${e.reason}" state=${ws.readyState}`
        + ` protocol="${ws.protocol}" extensions="${ws.extensions}"`);
      resolve(seen);
    };
  });
}

const FAILED = [
  "constructed 0",
  "error Event trusted=true state=3",
  'close CloseEvent 1006 clean=false reason="" state=3 protocol="" extensions=""',
];

const VARIANTS = [
  ["/wrong-accept", "a Sec-WebSocket-Accept computed from another key"],
  ["/no-accept", "no Sec-WebSocket-Accept"],
  ["/no-upgrade", "no Upgrade header"],
  ["/wrong-upgrade", "Upgrade: h2c instead of websocket"],
  ["/no-connection", "no Connection header"],
  ["/extension", "an extension the client never offered"],
  ["/bad-deflate", "permessage-deflate with an invalid parameter"],
  ["/two-protocols", "two subprotocols in the answer", ["a", "b"]],
  ["/protocol?never-offered", "a subprotocol the client never offered", ["offered"]],
  ["/protocol?chat", "a subprotocol when the client offered none"],
  ["/ok", "no subprotocol when the client asked for one", ["needed"]],
  ["/redirect", "a 302 redirect to a valid WebSocket endpoint"],
  ["/status?301", "a 301 redirect without Location"],
  ["/status?401", "401 Unauthorized"],
  ["/status?404", "404 Not Found"],
  ["/status?500", "500 Internal Server Error"],
  ["/status?503", "503 Service Unavailable"],
  ["/status?200", "200 OK instead of 101"],
  ["/garbage", "bytes that are not HTTP"],
  ["/hangup", "the connection closed before any answer"],
];

promise_test(async () => {
  assert_array_equals(await trace(RAW + "/ok"), [
    "constructed 0", "open", "message",
    'close CloseEvent 1000 clean=true reason="" state=3 protocol="" extensions=""',
  ]);
  const ws = new WebSocket(RAW + "/protocol?second", ["first", "second"]);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error("connection failed"));
  });
  assert_equals(ws.protocol, "second");
  ws.close();
}, "control: the raw peer's valid answers open the connection");

for (const [path, what, protocols] of VARIANTS) {
  promise_test(async () => {
    assert_array_equals(await trace(RAW + path, protocols), FAILED);
  }, `${what} (${path}) fails the connection: error, then close 1006`);
}

function seen(target) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(RAW + "/seen?" + target);
    ws.onmessage = (e) => {
      resolve(e.data === "true");
      ws.close();
    };
    ws.onerror = () => reject(new Error("/seen failed"));
  });
}

promise_test(async () => {
  const tag = "redirect-" + Math.random().toString(36).slice(2);
  assert_array_equals(await trace(RAW + "/redirect?/ok?" + tag), FAILED);
  assert_false(await seen("/ok?" + tag), "the redirect target was never requested");
  const control = "direct-" + Math.random().toString(36).slice(2);
  const direct = new WebSocket(RAW + "/ok?" + control);
  await new Promise((resolve) => (direct.onclose = resolve));
  assert_true(await seen("/ok?" + control), "control: /seen notices a request");
}, "a redirect is never followed, not even to a valid WebSocket endpoint");

promise_test(async () => {
  const traces = {};
  for (const [path, , protocols] of VARIANTS) traces[path] = await trace(RAW + path, protocols);
  traces["refused"] = await trace("ws://127.0.0.1:1/");
  traces["unresolvable host"] = await trace("ws://nowhere.invalid/");
  traces["TLS failure"] = await trace(RAW.replace(/^ws:/, "wss:") + "/ok");
  traces["bad port"] = await trace("ws://127.0.0.1:6667/");
  traces["no route"] = await trace(SERVERS.ws + "/no-such-route");
  traces["no subprotocol"] = await trace(SERVERS.ws + "/no-protocol", ["needed"]);
  traces["refused upgrade"] = await trace(SERVERS.ws + "/reject?status=403");
  const distinct = new Set(Object.values(traces).map((t) => JSON.stringify(t)));
  assert_equals(distinct.size, 1, JSON.stringify(traces));
  assert_array_equals(JSON.parse([...distinct][0]), FAILED);
}, "a script cannot tell one cause of failure from another");
