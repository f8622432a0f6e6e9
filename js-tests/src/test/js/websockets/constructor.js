// META: servers=ws
// The WebSocket constructor steps (https://websockets.spec.whatwg.org/#dom-websocket-websocket).

const ECHO = SERVERS.ws + "/echo";

test(() => {
  const ws = new WebSocket(ECHO);
  assert_equals(ws.readyState, WebSocket.CONNECTING);
  assert_equals(ws.url, ECHO);
  assert_equals(ws.protocol, "");
  assert_equals(ws.extensions, "");
  assert_equals(ws.bufferedAmount, 0);
  assert_equals(ws.binaryType, "blob");
  ws.close();
}, "a new WebSocket starts CONNECTING with empty protocol and extensions");

test(() => {
  const http = ECHO.replace(/^ws:/, "http:");
  const ws = new WebSocket(http);
  assert_equals(ws.url, ECHO, "http: becomes ws:");
  ws.close();
  const wss = new WebSocket("https://127.0.0.1:1/x");
  assert_equals(wss.url, "wss://127.0.0.1:1/x", "https: becomes wss:");
  wss.close();
}, "http and https URLs are mapped to ws and wss");

test(() => {
  const ws = new WebSocket(SERVERS.ws + "/echo?a=b c");
  assert_equals(ws.url, SERVERS.ws + "/echo?a=b%20c");
  ws.close();
}, "the url attribute is the serialized URL record");

for (const bad of ["ftp://127.0.0.1/", "file:///etc/passwd", "mailto:x@y.z", "data:text/plain,x", "about:blank"]) {
  test(() => {
    assert_throws_dom("SyntaxError", () => new WebSocket(bad));
  }, `the scheme of ${bad} is a SyntaxError`);
}

for (const bad of ["ws://127.0.0.1/#", "ws://127.0.0.1/#frag", "http://127.0.0.1/path#x"]) {
  test(() => {
    assert_throws_dom("SyntaxError", () => new WebSocket(bad));
  }, `a fragment (${bad}) is a SyntaxError, even an empty one`);
}

test(() => {
  assert_throws_dom("SyntaxError", () => new WebSocket("ws://[::1"));
  assert_throws_dom("SyntaxError", () => new WebSocket("ws://exa mple.com/"));
}, "an unparsable URL is a SyntaxError");

test(() => {
  const ws = new WebSocket("/echo");
  assert_equals(ws.url, "ws://127.0.0.1/echo", "resolved against location http://127.0.0.1/…");
  ws.close();
}, "a relative URL is parsed against the runtime's location");

test(() => {
  // Parsed URLs are reused by the constructor: a repeat must give exactly what a first parse gives.
  for (let i = 0; i < 3; i++) {
    const relative = new WebSocket("/echo?n=" + i % 2);
    assert_equals(relative.url, "ws://127.0.0.1/echo?n=" + i % 2, "relative, round " + i);
    relative.close();
    const mapped = new WebSocket("HTTP://127.0.0.1:1/X?a=b c");
    assert_equals(mapped.url, "ws://127.0.0.1:1/X?a=b%20c", "http mapped, round " + i);
    mapped.close();
    assert_throws_dom("SyntaxError", () => new WebSocket("ws://127.0.0.1/#f"), "fragment, round " + i);
    assert_throws_dom("SyntaxError", () => new WebSocket("ftp://127.0.0.1/"), "scheme, round " + i);
  }
  for (let i = 0; i < 200; i++) {
    const ws = new WebSocket("ws://127.0.0.1:1/" + i);
    assert_equals(ws.url, "ws://127.0.0.1:1/" + i);
    ws.close();
  }
}, "the same URL given again gives the same url or the same exception");

test(() => {
  for (const protocols of [["a b"], [""], ["é"], ["a,b"], ["chat", "chat"], ["chat", "CHAT"], ["x", "y", "X"], "a b", ""]) {
    assert_throws_dom("SyntaxError", () => new WebSocket(ECHO, protocols), JSON.stringify(protocols));
  }
}, "invalid or duplicated (ASCII case-insensitively) subprotocols are a SyntaxError");

test(() => {
  const ws = new WebSocket(ECHO, ["chat", "superchat", "v1.json.api", "x!#$%&'*+-.^_`|~"]);
  ws.close();
  const single = new WebSocket(ECHO, "chat");
  single.close();
}, "valid subprotocols, as a sequence or a single string, are accepted");

test(() => {
  assert_throws_js(TypeError, () => new WebSocket());
  assert_throws_js(TypeError, () => WebSocket(ECHO));
}, "the constructor needs new and one argument");

test(() => {
  for (const [name, value] of [["CONNECTING", 0], ["OPEN", 1], ["CLOSING", 2], ["CLOSED", 3]]) {
    assert_equals(WebSocket[name], value);
    assert_equals(WebSocket.prototype[name], value);
    const d = Object.getOwnPropertyDescriptor(WebSocket, name);
    assert_false(d.writable, name + " is read-only");
  }
}, "the ready state constants are on the interface and its prototype");

test(() => {
  const ws = new WebSocket(ECHO);
  ws.binaryType = "arraybuffer";
  assert_equals(ws.binaryType, "arraybuffer");
  ws.binaryType = "nonsense";
  assert_equals(ws.binaryType, "arraybuffer", "an unknown value is ignored");
  ws.binaryType = "blob";
  assert_equals(ws.binaryType, "blob");
  ws.close();
}, "binaryType takes only blob and arraybuffer");

test(() => {
  assert_true(new WebSocket(ECHO) instanceof EventTarget);
  assert_equals(Object.prototype.toString.call(WebSocket.prototype), "[object WebSocket]");
  const getter = Object.getOwnPropertyDescriptor(WebSocket.prototype, "readyState").get;
  assert_throws_js(TypeError, () => getter.call({}));
  assert_throws_js(TypeError, () => WebSocket.prototype.send.call({}, "x"));
  assert_throws_js(TypeError, () => WebSocket.prototype.close.call(null));
  assert_equals(WebSocket.length, 1);
  assert_equals(WebSocket.prototype.send.length, 1);
  assert_equals(WebSocket.prototype.close.length, 0);
}, "WebSocket is a branded interface: toStringTag, brand checks, lengths");

async_test((t) => {
  class Tracked extends WebSocket {
    constructor(url) {
      super(url);
      this.tracked = true;
    }
  }
  const ws = new Tracked(ECHO);
  assert_true(ws instanceof WebSocket);
  ws.onopen = t.step_func(() => {
    assert_true(ws.tracked);
    ws.close();
  });
  ws.onclose = t.step_func_done();
}, "WebSocket can be subclassed");

async_test((t) => {
  // Port 25 (smtp) is on the Fetch standard's bad-port list: no exception, the connection fails.
  const ws = new WebSocket("ws://127.0.0.1:25/");
  let error = false;
  ws.onopen = t.unreached_func("no open on a bad port");
  ws.onerror = t.step_func((e) => {
    assert_equals(e.constructor, Event);
    assert_equals(ws.readyState, WebSocket.CLOSED);
    error = true;
  });
  ws.onclose = t.step_func_done((e) => {
    assert_true(error, "error fires before close");
    assert_equals(e.code, 1006);
    assert_false(e.wasClean);
    assert_equals(e.reason, "");
  });
}, "a bad port fails the connection: error, then close 1006");

test(() => {
  // This file runs at http://127.0.0.1/…, an insecure origin: ws: is allowed here. The secure case
  // (an https location) is covered by MixedContentTest on the Java side.
  const ws = new WebSocket(ECHO);
  ws.close();
}, "an insecure page may open ws: connections");

async_test((t) => {
  // Port 0 is on the bad-port list and cannot even be written as an HTTP URL: still no exception.
  const ws = new WebSocket("ws://127.0.0.1:0/");
  ws.onopen = t.unreached_func("no open on port 0");
  ws.onclose = t.step_func_done((e) => assert_equals(e.code, 1006));
}, "port 0 fails the connection instead of throwing");
