// Two bots meet in a chat room on the embedded server and talk in JSON until one says goodbye.
// Run it offline with the server built into wsjs:
//   ./wsjs --serve examples/chat-bots.mjs
// (`--serve` starts ws://127.0.0.1:<port>/broadcast and makes it this script's origin, so the
// relative URL "/broadcast" below resolves against it, exactly as in a browser page.)

function bot(name, onMessage) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket("/broadcast");
    ws.binaryType = "arraybuffer";
    ws.onopen = () => {
      console.log(`[${name}] connected to ${ws.url}`);
      resolve(ws);
    };
    ws.onerror = () => reject(new Error(`${name} could not connect`));
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.from !== name) onMessage(ws, message);
    };
    ws.onclose = (event) => console.log(`[${name}] closed: code ${event.code}, clean ${event.wasClean}`);
  });
}

function say(ws, from, text, extra = {}) {
  ws.send(JSON.stringify({ from, text, ...extra }));
}

const questions = ["What time is it?", "Roll a die", "Say something in base64"];

const answerer = await bot("answerer", (ws, m) => {
  console.log(`[answerer] heard: ${m.text}`);
  if (m.text === "bye") return ws.close(1000, "see you");
  let answer;
  if (m.text === questions[0]) answer = new Date().toISOString();
  else if (m.text === questions[1]) answer = String(1 + (crypto.getRandomValues(new Uint8Array(1))[0] % 6));
  else answer = btoa("hello from wsjs");
  say(ws, "answerer", answer, { to: m.id });
});

// The asker gives up if an answer takes longer than five seconds.
const asker = await bot("asker", (ws, m) => pending.get(m.to)?.(m.text));
const pending = new Map();

function ask(text, id) {
  const signal = AbortSignal.timeout(5000);
  return new Promise((resolve, reject) => {
    pending.set(id, resolve);
    signal.addEventListener("abort", () => reject(signal.reason));
    say(asker, "asker", text, { id });
  });
}

for (const [i, question] of questions.entries()) {
  const answer = await ask(question, i);
  console.log(`[asker] ${question} -> ${answer}`);
}
say(asker, "asker", "bye");
setTimeout(() => asker.close(1000, "done"), 50);
