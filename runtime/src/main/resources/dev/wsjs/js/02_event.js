// TEMPORARY local test shim (never committed): minimal Event/EventTarget until the dom branch lands.
(function (globalThis, internals, ops) {
  "use strict";
  const webidl = internals.webidl;
  class Event {
    #type; #init;
    constructor(type, init = {}) { this[webidl.brand] = webidl.brand; this.#type = String(type); this.#init = init || {}; this.target = null; this.isTrusted = false; }
    get type() { return this.#type; }
    get bubbles() { return !!this.#init.bubbles; }
    get cancelable() { return !!this.#init.cancelable; }
  }
  class EventTarget {
    #listeners = new Map();
    constructor() { this[webidl.brand] = webidl.brand; }
    addEventListener(type, fn) { if (!this.#listeners.has(type)) this.#listeners.set(type, []); this.#listeners.get(type).push(fn); }
    removeEventListener(type, fn) { const l = this.#listeners.get(type); if (l) { const i = l.indexOf(fn); if (i >= 0) l.splice(i, 1); } }
    dispatchEvent(e) { e.target = this; for (const fn of [...(this.#listeners.get(e.type) || [])]) { typeof fn === "function" ? fn.call(this, e) : fn.handleEvent(e); } return true; }
  }
  function defineEventHandler(proto, type) {
    const key = Symbol(type);
    Object.defineProperty(proto, "on" + type, { get() { return this[key] ?? null; }, set(v) {
      if (this[key] === undefined) this.addEventListener(type, (e) => { const h = this[key]; if (typeof h === "function") h.call(this, e); });
      this[key] = v; }, enumerable: true, configurable: true });
  }
  function fireEvent(target, type, EventClass, init) { const e = new EventClass(type, init); e.isTrusted = true; target.dispatchEvent(e); return e; }
  internals.Event = Event; internals.EventTarget = EventTarget; internals.defineEventHandler = defineEventHandler; internals.fireEvent = fireEvent;
  webidl.exposeInterface(globalThis, "Event", Event); webidl.exposeInterface(globalThis, "EventTarget", EventTarget);
})
