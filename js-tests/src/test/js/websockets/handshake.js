// META: servers=ws,ws-plain,raw
// The opening handshake (https://websockets.spec.whatwg.org/#websocket-opening-handshake) as a
// server sees it, and how its answer is validated.

const base = SERVERS.ws;

function opened(url, protocols) {
  return new Promise((resolve, reject) => {
    const ws = protocols === undefined ? new WebSocket(url) : new WebSocket(url, protocols);
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error("connection failed"));
  });
}

function requestHeaders(url = base + "/headers", init) {
  return new Promise((resolve, reject) => {
    const ws = init === undefined ? new WebSocket(url) : new WebSocket(url, init);
    ws.onmessage = (e) => {
      resolve(JSON.parse(e.data));
      ws.close();
    };
    ws.onerror = () => reject(new Error("connection failed"));
  });
}

function failure(url, protocols) {
  return new Promise((resolve, reject) => {
    const ws = protocols === undefined ? new WebSocket(url) : new WebSocket(url, protocols);
    let error = false;
    ws.onopen = () => reject(new Error("unexpected open"));
    ws.onerror = () => (error = true);
    ws.onclose = (e) => resolve({ error, code: e.code, wasClean: e.wasClean, reason: e.reason });
  });
}

promise_test(async () => {
  const h = await requestHeaders();
  assert_equals(h["upgrade"], "websocket");
  assert_regexp_match(h["connection"], /upgrade/i);
  assert_equals(h["sec-websocket-version"], "13");
  assert_equals(atob(h["sec-websocket-key"]).length, 16, "a 16-byte nonce");
  assert_equals(h["sec-websocket-extensions"], "permessage-deflate; client_max_window_bits");
  assert_equals(h["origin"], "http://127.0.0.1", "the runtime's origin");
  assert_regexp_match(h["user-agent"], /^wsjs\//);
  assert_false("sec-websocket-protocol" in h, "no protocol header without protocols");
  const again = await requestHeaders();
  assert_not_equals(again["sec-websocket-key"], h["sec-websocket-key"], "a fresh key per connection");
}, "the handshake request carries the standard's headers");

promise_test(async () => {
  const ws = await opened(base + "/echo", ["first", "second"]);
  assert_equals(ws.protocol, "first");
  assert_equals(ws.extensions, "permessage-deflate");
  ws.close();
}, "protocol and extensions reflect what the server selected");

promise_test(async () => {
  const ws = await opened(SERVERS["ws-plain"] + "/echo", ["first"]);
  assert_equals(ws.protocol, "first");
  assert_equals(ws.extensions, "", "the server declined permessage-deflate");
  ws.binaryType = "arraybuffer";
  const data = new Uint8Array(200000).map((_, i) => i * 7);
  const echoed = new Promise((resolve) => (ws.onmessage = (e) => resolve(new Uint8Array(e.data))));
  ws.send(data);
  const back = await echoed;
  assert_equals(back.length, data.length);
  assert_true(back.every((b, i) => b === data[i]), "the same bytes came back");
  const closed = new Promise((resolve) => (ws.onclose = resolve));
  ws.close(4001, "plain");
  const e = await closed;
  assert_equals(`${e.code} ${e.reason} ${e.wasClean}`, "4001 plain true", "the close code and reason are echoed");
}, "an echo without permessage-deflate: extensions is empty, bytes and the close are echoed as they are");

promise_test(async () => {
  const h = await requestHeaders(base + "/headers", ["one", "two"]);
  assert_equals(h["sec-websocket-protocol"], "one, two");
}, "requested subprotocols are sent in order");

promise_test(async () => {
  const r = await failure(base + "/no-protocol", ["needed"]);
  assert_true(r.error);
  assert_equals(r.code, 1006);
  assert_false(r.wasClean);
}, "no subprotocol in the answer when one was requested fails the connection");

promise_test(async () => {
  // The project's server refuses to select an unoffered subprotocol; the raw peer does it.
  const r = await failure(SERVERS.raw + "/protocol?unoffered", ["offered"]);
  assert_true(r.error);
  assert_equals(r.code, 1006);
}, "a subprotocol that was not offered fails the connection");

promise_test(async () => {
  const r = await failure(base + "/reject?status=403");
  assert_true(r.error);
  assert_equals(r.code, 1006);
  assert_equals(r.reason, "");
  const redirect = await failure(base + "/reject?status=302");
  assert_true(redirect.error, "redirects are never followed");
  assert_equals(redirect.code, 1006);
}, "a non-101 answer fails the connection with 1006 and no detail");

promise_test(async () => {
  const refused = await failure("ws://127.0.0.1:1/");
  const missing = await failure(base + "/no-such-route");
  const blocked = await failure("ws://127.0.0.1:6000/");
  for (const r of [refused, missing, blocked]) {
    assert_equals(JSON.stringify(r), JSON.stringify({ error: true, code: 1006, wasClean: false, reason: "" }));
  }
}, "refused connections, bad answers and bad ports look the same to scripts");

promise_test(async () => {
  const port = new URL(base).port;
  const h = await requestHeaders(`ws://my_host.localhost:${port}/headers`);
  assert_equals(h["host"], `my_host.localhost:${port}`);
}, "a host name with '_' connects (subdomains of localhost are loopback, as in browsers)");

promise_test(async () => {
  const first = await opened(base + "/set-cookie");
  first.close();
  const h = await requestHeaders();
  assert_regexp_match(h["cookie"] || "", /wsjs_test=cookie-value/);
}, "cookies set by a handshake answer are sent on the next handshake");

promise_test(async () => {
  const url = base.replace("ws://", "ws://user:p%40ss@") + "/headers";
  const h = await requestHeaders(url);
  assert_equals(h["authorization"], "Basic " + btoa("user:p@ss"));
}, "URL credentials are sent as Basic authorization");

promise_test(async () => {
  // Non-standard: a dictionary with custom headers as the second argument.
  const h = await requestHeaders(base + "/headers", { protocols: ["p1"], headers: { "X-Token": "abc 123" } });
  assert_equals(h["x-token"], "abc 123");
  assert_equals(h["sec-websocket-protocol"], "p1");
}, "non-standard WebSocketInit headers reach the server");

test(() => {
  for (const name of ["Sec-WebSocket-Key", "sec-websocket-protocol", "Upgrade", "Connection", "Host", "Content-Length"]) {
    assert_throws_js(TypeError, () => new WebSocket(base + "/echo", { headers: { [name]: "x" } }), name);
  }
  assert_throws_js(TypeError, () => new WebSocket(base + "/echo", { headers: { "Bad Name": "x" } }));
  assert_throws_js(TypeError, () => new WebSocket(base + "/echo", { headers: { "X-A": "line\nbreak" } }));
}, "forbidden or malformed custom headers are a TypeError");
