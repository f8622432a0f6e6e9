// A chat/command bot: joins a room over a WebSocket, answers JSON commands, runs timers (reminders,
// a heartbeat) and shuts everything down through one AbortController.
//
// Offline, against the room built into wsjs, with a scripted user who tries every command:
//   ./wsjs --serve examples/bots/command-bot.mjs --demo
// Without --demo the bot waits in the room for commands from anyone, e.g. this message sent to /broadcast:
//   {"type":"command","id":"c1","from":"alice","text":"/roll 2d6"}
//
// Commands: /help  /time  /roll [NdM]  /add <number>  /total  /remind <seconds> <text>  /cancel <id>  /quit
// Every command carries an id. The room may deliver a command twice (e.g. again after a reconnect):
// the bot answers a repeated id with the reply it gave before and does not do the work twice.
//
// Options: --url=<room> (default "/broadcast"), --name=<bot name> (default "bot"), --demo

const options = parseArgs(wsjs.args, { url: "/broadcast", name: "bot", demo: false });

// Aborting this ends the bot: listeners, reminders, the heartbeat and reconnection all watch its signal.
const shutdown = new AbortController();
const backoff = { baseMs: 250, maxMs: 5000, maxAttempts: 12 };

const handled = new Map(); // command id -> reply, the last 1000 ids
const reminders = new Map(); // reminder id -> AbortController
let total = 0;
let applied = 0;
let socket = null;
let attempt = 0;
let reminderIds = 0;

const commands = {
  help: () => "commands: " + Object.keys(commands).map((c) => "/" + c).join(" "),
  time: () => new Date().toISOString(),
  roll(spec = "1d6") {
    const m = /^(\d{1,2})d(\d{1,3})$/.exec(spec);
    if (!m) return `cannot roll "${spec}": use NdM, e.g. 2d6`;
    const rolls = Array.from(crypto.getRandomValues(new Uint32Array(Number(m[1]))), (r) => 1 + (r % Number(m[2])));
    return `${rolls.join(" + ")} = ${rolls.reduce((a, b) => a + b, 0)}`;
  },
  add(n) {
    const x = Number(n);
    if (!Number.isFinite(x)) return `not a number: ${n}`;
    total += x;
    applied++;
    return `total ${total}`;
  },
  total: () => `total ${total} from ${applied} additions`,
  remind(seconds, ...words) {
    const ms = Number(seconds) * 1000;
    if (!(ms >= 0) || words.length === 0) return "usage: /remind <seconds> <text>";
    const id = `r${++reminderIds}`;
    // The reminder ends when it fires, when /cancel aborts it, or when the bot shuts down.
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, shutdown.signal]);
    const timer = setTimeout(() => {
      reminders.delete(id);
      say({ type: "reminder", id, text: words.join(" ") });
    }, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reminders.delete(id);
    }, { once: true });
    reminders.set(id, controller);
    return `reminder ${id} in ${seconds}s`;
  },
  cancel(id) {
    const controller = reminders.get(id);
    if (!controller) return `no reminder ${id}`;
    controller.abort(new DOMException(`reminder ${id} cancelled`, "AbortError"));
    return `cancelled ${id}`;
  },
  quit() {
    setTimeout(() => shutdown.abort(), 0); // after the reply is sent
    return "bye";
  },
};

function onCommand(message) {
  if (handled.has(message.id)) {
    // A repeat (the room resent it): same answer, no second side effect.
    say({ type: "reply", to: message.id, text: handled.get(message.id), repeat: true });
    return;
  }
  const [name, ...args] = String(message.text).trim().replace(/^\//, "").split(/\s+/);
  const command = Object.hasOwn(commands, name) ? commands[name] : null;
  const text = command ? String(command(...args)) : `unknown command /${name}; try /help`;
  handled.set(message.id, text);
  if (handled.size > 1000) handled.delete(handled.keys().next().value);
  say({ type: "reply", to: message.id, text });
}

function say(message) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ from: options.name, ...message }));
}

function connect() {
  if (shutdown.signal.aborted) return;
  const ws = new WebSocket(new URL(options.url, location.href));
  socket = ws;
  // { signal } removes every listener of this socket when the bot shuts down.
  const listen = { signal: shutdown.signal };
  ws.addEventListener("open", () => {
    attempt = 0;
    say({ type: "hello", text: `${options.name} is here; /help for commands` });
  }, listen);
  ws.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "command" && message.from !== options.name) onCommand(message);
  }, listen);
  ws.addEventListener("close", (event) => {
    if (socket !== ws) return;
    socket = null;
    console.log(`[${options.name}] room closed (code ${event.code}); reconnecting`);
    reconnect();
  }, listen);
}

function reconnect() {
  if (attempt >= backoff.maxAttempts) {
    console.error(`[${options.name}] giving up after ${attempt} attempts`);
    shutdown.abort();
    return;
  }
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt++);
  const timer = setTimeout(connect, ceiling / 2 + Math.random() * ceiling / 2);
  shutdown.signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
}

// The heartbeat tells the room the bot is alive; it stops with everything else.
const heartbeat = setInterval(() => say({ type: "heartbeat", handled: handled.size }), 10_000);

shutdown.signal.addEventListener("abort", () => {
  clearInterval(heartbeat);
  const ws = socket;
  socket = null;
  ws?.close(1000, "bot shut down");
  console.log(`[${options.name}] shut down: ${handled.size} commands handled, total ${total}`);
}, { once: true });

connect();
if (options.demo) demoUser();

// ---------------------------------------------------------------- the scripted user of --demo

async function demoUser() {
  const user = new WebSocket(new URL(options.url, location.href));
  const waiting = new Map();
  user.onmessage = (event) => {
    const m = JSON.parse(event.data);
    if (m.type === "reply") waiting.get(m.to)?.(m.text);
    if (m.type === "reminder") console.log(`[alice] got reminder ${m.id}: ${m.text}`);
  };
  await new Promise((resolve) => user.addEventListener("open", resolve, { once: true }));
  let n = 0;
  const ask = (text) => new Promise((resolve, reject) => {
    const id = `alice-${++n}`;
    const signal = AbortSignal.timeout(5000); // no answer within 5 s: fail the demo
    signal.addEventListener("abort", () => reject(new Error(`no reply to ${text}`)));
    waiting.set(id, (reply) => {
      console.log(`[alice] ${text} -> ${reply}`);
      resolve(reply);
    });
    user.send(JSON.stringify({ type: "command", id, from: "alice", text }));
  });
  for (const text of ["/help", "/time", "/roll 3d6", "/add 40", "/add 2", "/total", "/remind 0.3 stretch your legs"]) {
    await ask(text);
  }
  const [, late] = /^reminder (\S+)/.exec(await ask("/remind 60 never shown"));
  await ask(`/cancel ${late}`);
  await new Promise((resolve) => setTimeout(resolve, 500)); // the 0.3 s reminder arrives meanwhile
  await ask("/quit");
  user.close(1000, "done");
}

function parseArgs(args, defaults) {
  const out = { ...defaults };
  for (const arg of args) {
    const [, name, value] = /^--([^=]+)(?:=(.*))?$/.exec(arg) ?? [];
    if (!name || !(name in defaults)) throw new TypeError(`unknown option ${arg}`);
    out[name] = value ?? true;
  }
  return out;
}
