// Hostile prototypes: a script replaces the methods of the built-in prototypes and constructors
// the platform layer might use, and puts setters on Object.prototype for every property name the
// layer assigns (`names`) and on Array.prototype and Object.prototype for small indexes. Each hook
// records what it sees, then behaves like the original. Evaluates to a function (names) => seen;
// `globalThis.hookedWhere[i]` says which hook saw `seen[i]`.
(names) => {
  const seen = [];
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  let busy = false;
  const where = [];
  let current = '';
  const keep = (v) => { if ((typeof v === 'object' && v !== null) || typeof v === 'function') { where[seen.length] = current; seen[seen.length] = v; } };
  globalThis.hookedWhere = where;
  const wrap = (proto, key) => {
    const original = proto[key];
    if (typeof original !== 'function') return;
    defineProperty(proto, key, { configurable: true, writable: true, value: function (...args) {
      if (!busy) { busy = true; current = String(key); keep(this); for (let i = 0; i < args.length; i++) keep(args[i]); busy = false; }
      return apply(original, this, args);
    } });
  };
  const table = [
    [Array.prototype, ['push', 'pop', 'shift', 'unshift', 'splice', 'map', 'forEach', 'filter', 'includes', 'indexOf', 'join', 'slice', 'concat', 'some', 'every', 'find', 'reduce', Symbol.iterator]],
    [Map.prototype, ['get', 'set', 'has', 'delete', 'forEach', 'values', 'keys', 'entries', Symbol.iterator]],
    [Set.prototype, ['add', 'has', 'delete', 'forEach', 'values', Symbol.iterator]],
    [WeakMap.prototype, ['get', 'set', 'has', 'delete']],
    [WeakSet.prototype, ['add', 'has', 'delete']],
    [Promise.prototype, ['then', 'catch', 'finally']],
    [Function.prototype, ['call', 'apply', 'bind']],
    [Object, ['assign', 'freeze', 'defineProperty', 'defineProperties', 'create', 'keys', 'entries', 'getPrototypeOf', 'setPrototypeOf']],
    [Reflect, ['apply', 'construct', 'get', 'set', 'defineProperty', 'ownKeys']],
    [Array, ['from', 'isArray']],
    [ArrayBuffer, ['isView']],
    [Uint8Array.prototype, ['set', 'subarray', 'slice']],
    [Object.getPrototypeOf(Uint8Array.prototype), ['set', 'subarray', 'slice', 'fill']],
    [ArrayBuffer.prototype, ['slice']],
    [String.prototype, ['slice', 'split', 'charCodeAt', 'toLowerCase']],
    [JSON, ['stringify', 'parse']],
    [Promise, ['resolve', 'reject', 'all']],
  ];
  for (let i = 0; i < table.length; i++) for (let j = 0; j < table[i][1].length; j++) wrap(table[i][0], table[i][1][j]);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    // Property descriptor fields stay clean, or defineProperty itself would break.
    if (name === 'value' || name === 'writable' || name === 'enumerable' || name === 'configurable' || name === 'get' || name === 'set') continue;
    if (name in Object.prototype) continue;
    defineProperty(Object.prototype, name, { configurable: true, set(v) {
      if (!busy) { busy = true; current = 'set ' + name; keep(this); keep(v); busy = false; }
      defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
    } });
  }
  const indexed = [Array.prototype, Object.prototype];
  for (let i = 0; i < 16; i++) {
    for (let p = 0; p < 2; p++) {
      const proto = indexed[p];
      const name = String(i);
      defineProperty(proto, name, { configurable: true, set(v) {
        if (!busy) { busy = true; current = 'index setter ' + name; keep(this); keep(v); busy = false; }
        defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      } });
    }
  }
  return seen;
}
