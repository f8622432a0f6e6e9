// META: servers=frames
// META: limits=pingIntervalMs:200,pongTimeoutMs:1500
// META: script=resources/frame-report.js
// Non-standard: the runtime's keep-alive pings. With a ping interval, an idle open WebSocket sends
// pings; a peer that answers them keeps the connection, one that does not has it failed at the pong
// timeout, which a script sees like any other failure: error, then close 1006.

const FRAMES = SERVERS.frames;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

promise_test(async () => {
  const tag = "answered-" + Math.random().toString(36).slice(2);
  const ws = new WebSocket(`${FRAMES}/record?tag=${tag}`);
  const events = [];
  ws.onerror = () => events.push("error");
  const closed = new Promise((resolve) => (ws.onclose = resolve));
  await new Promise((resolve) => (ws.onopen = resolve));
  await delay(1500);
  assert_equals(ws.readyState, WebSocket.OPEN, "pings answered: still open after 1.5 s");
  ws.close(1000);
  const e = await closed;
  assert_array_equals(events, []);
  assert_true(e.wasClean);
  const { frames } = await report(tag);
  const pings = frames.filter((f) => f.opcode === 9);
  assert_greater_than_equal(pings.length, 3, "a ping about every 200 ms: " + JSON.stringify(frames));
  assert_true(pings.every((f) => f.masked && f.fin), "pings are whole, masked frames");
}, "an idle connection sends keep-alive pings and stays open while they are answered");

promise_test(async () => {
  const ws = new WebSocket(`${FRAMES}/never-close?tag=unanswered-${Math.random().toString(36).slice(2)}`);
  const events = [];
  await new Promise((resolve) => (ws.onopen = resolve));
  const opened = performance.now();
  ws.onerror = () => events.push(`error ${ws.readyState}`);
  const e = await new Promise((resolve) => (ws.onclose = resolve));
  const after = performance.now() - opened;
  events.push(`close ${e.code} ${e.wasClean} "${e.reason}"`);
  assert_array_equals(events, ["error 3", 'close 1006 false ""']);
  assert_greater_than_equal(after, 1600, "not before a ping interval and the pong timeout (1700 ms)");
  assert_less_than(after, 8000);
}, "pings the peer never answers fail the connection at the pong timeout: error, then close 1006");
