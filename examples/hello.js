// A first script: timers, microtasks and the non-standard wsjs namespace.
console.log("hello from wsjs", wsjs.version);
queueMicrotask(() => console.log("a microtask runs before any timer"));
setTimeout(() => console.log("a timer fired; args:", wsjs.args), 10);
