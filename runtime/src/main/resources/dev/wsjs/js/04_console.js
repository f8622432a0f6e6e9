// The console namespace (Console Standard, https://console.spec.whatwg.org/) and the value
// inspector behind it, shared with other layers as internals.inspect.
//
// The inspector prints values the way Node's util.inspect does, because that is what people who
// write JavaScript outside a browser read every day: single-quoted strings inside structures,
// `ClassName { … }`, `Map(2) { 'a' => 1 }`, `<ref *1>`/`[Circular *1]`, depth 2, "... N more
// items", one line while it fits in about 72 columns. Platform objects (WebSocket, Event, Blob …)
// keep their state in private slots, so for them the inspector shows the values of the WebIDL
// attributes on their prototypes.
//
// This file needs nothing from the layers before it: it must work even when they fail to load.
(function (globalThis, internals, ops) {
  "use strict";

  // ---------------------------------------------------------------- builtins captured at load
  // A script that replaces Object.keys or Array.prototype.join must not change what the console
  // prints (or break it), so everything used while printing is taken from the realm now.

  const uncurryThis = Function.prototype.bind.bind(Function.prototype.call);
  const ObjectPrototype = Object.prototype;
  const FunctionPrototype = Function.prototype;
  const {
    create: ObjectCreate,
    defineProperty: ObjectDefineProperty,
    getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
    getOwnPropertySymbols: ObjectGetOwnPropertySymbols,
    getPrototypeOf: ObjectGetPrototypeOf,
    keys: ObjectKeys,
    is: ObjectIs,
  } = Object;
  const ReflectOwnKeys = Reflect.ownKeys;
  const ReflectApply = Reflect.apply;
  const ArrayIsArray = Array.isArray;
  const ObjectPrototypeToString = uncurryThis(ObjectPrototype.toString);
  const ObjectPrototypeHasOwnProperty = uncurryThis(ObjectPrototype.hasOwnProperty);
  const ObjectPrototypePropertyIsEnumerable = uncurryThis(ObjectPrototype.propertyIsEnumerable);
  const FunctionPrototypeToString = uncurryThis(FunctionPrototype.toString);
  const ArrayPrototypeJoin = uncurryThis(Array.prototype.join);
  const ArrayPrototypePush = uncurryThis(Array.prototype.push);
  const ArrayPrototypeSort = uncurryThis(Array.prototype.sort);
  const ArrayPrototypeIncludes = uncurryThis(Array.prototype.includes);
  const ArrayPrototypeIndexOf = uncurryThis(Array.prototype.indexOf);
  const StringPrototypeRepeat = uncurryThis(String.prototype.repeat);
  const StringPrototypeSlice = uncurryThis(String.prototype.slice);
  const StringPrototypeIncludes = uncurryThis(String.prototype.includes);
  const StringPrototypeIndexOf = uncurryThis(String.prototype.indexOf);
  const StringPrototypeCharCodeAt = uncurryThis(String.prototype.charCodeAt);
  const StringPrototypeStartsWith = uncurryThis(String.prototype.startsWith);
  const StringPrototypePadStart = uncurryThis(String.prototype.padStart);
  const StringPrototypePadEnd = uncurryThis(String.prototype.padEnd);
  const StringPrototypeSplit = uncurryThis(String.prototype.split);
  const StringPrototypeReplaceAll = uncurryThis(String.prototype.replaceAll);
  const StringPrototypeToUpperCase = uncurryThis(String.prototype.toUpperCase);
  const NumberPrototypeToString = uncurryThis(Number.prototype.toString);
  const NumberPrototypeToFixed = uncurryThis(Number.prototype.toFixed);
  const NumberPrototypeValueOf = uncurryThis(Number.prototype.valueOf);
  const StringPrototypeValueOf = uncurryThis(String.prototype.valueOf);
  const BooleanPrototypeValueOf = uncurryThis(Boolean.prototype.valueOf);
  const SymbolPrototypeValueOf = uncurryThis(Symbol.prototype.valueOf);
  const SymbolPrototypeToString = uncurryThis(Symbol.prototype.toString);
  const BigIntPrototypeValueOf = uncurryThis(BigInt.prototype.valueOf);
  const DatePrototypeGetTime = uncurryThis(Date.prototype.getTime);
  const DatePrototypeToISOString = uncurryThis(Date.prototype.toISOString);
  const RegExpPrototypeToString = uncurryThis(RegExp.prototype.toString);
  const RegExpPrototypeTest = uncurryThis(RegExp.prototype.test);
  const ErrorPrototypeToString = uncurryThis(Error.prototype.toString);
  const ErrorIsError = typeof Error.isError === "function" ? Error.isError : null;
  const MathFloor = Math.floor;
  const MathMin = Math.min;
  const MathMax = Math.max;
  const MathRound = Math.round;
  const MathSqrt = Math.sqrt;
  const NumberIsNaN = Number.isNaN;
  const String_ = String;
  const parseInt_ = parseInt;
  const parseFloat_ = parseFloat;
  const Map_ = Map;
  const SymbolToStringTag = Symbol.toStringTag;
  const SymbolIterator = Symbol.iterator;

  const getterOf = (proto, name) => uncurryThis(ObjectGetOwnPropertyDescriptor(proto, name).get);
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  // Never throws: undefined for anything that is not a typed array.
  const TypedArrayPrototypeGetTag = getterOf(TypedArrayPrototype, SymbolToStringTag);
  const TypedArrayPrototypeGetLength = getterOf(TypedArrayPrototype, "length");
  const MapPrototypeGetSize = getterOf(Map.prototype, "size");
  const MapPrototypeEntries = uncurryThis(Map.prototype.entries);
  const MapIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Map().entries()).next);
  const SetPrototypeGetSize = getterOf(Set.prototype, "size");
  const SetPrototypeValues = uncurryThis(Set.prototype.values);
  const SetIteratorNext = uncurryThis(ObjectGetPrototypeOf(new Set().values()).next);
  const WeakMapPrototypeHas = uncurryThis(WeakMap.prototype.has);
  const WeakSetPrototypeHas = uncurryThis(WeakSet.prototype.has);
  const ArrayBufferPrototypeGetByteLength = getterOf(ArrayBuffer.prototype, "byteLength");
  const SharedArrayBufferPrototypeGetByteLength = typeof SharedArrayBuffer === "function"
    ? getterOf(SharedArrayBuffer.prototype, "byteLength") : null;
  const DataViewPrototypeGetByteLength = getterOf(DataView.prototype, "byteLength");
  const DataViewPrototypeGetByteOffset = getterOf(DataView.prototype, "byteOffset");
  const DataViewPrototypeGetBuffer = getterOf(DataView.prototype, "buffer");
  const Uint8Array_ = Uint8Array;

  /** Libraries written for Node customise their printing with this symbol; honour it. */
  const customInspectSymbol = Symbol.for("nodejs.util.inspect.custom");

  // ---------------------------------------------------------------- brand checks
  // Object.prototype.toString narrows the candidates cheaply; the builtin's own method confirms
  // the internal slot (a forged Symbol.toStringTag must not make a plain object print as a Map).

  function hasSlot(check, value) {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  }

  const isMap = (v, tag) => tag === "Map" && hasSlot(MapPrototypeGetSize, v);
  const isSet = (v, tag) => tag === "Set" && hasSlot(SetPrototypeGetSize, v);
  const isWeakMap = (v, tag) => tag === "WeakMap" && hasSlot((o) => WeakMapPrototypeHas(o, FunctionPrototype), v);
  const isWeakSet = (v, tag) => tag === "WeakSet" && hasSlot((o) => WeakSetPrototypeHas(o, FunctionPrototype), v);
  const isDate = (v, tag) => tag === "Date" && hasSlot(DatePrototypeGetTime, v);
  const RegExpPrototypeGetSource = getterOf(RegExp.prototype, "source");
  const isRegExp = (v, tag) => tag === "RegExp" && v !== RegExp.prototype && hasSlot(RegExpPrototypeGetSource, v);
  const isArrayBuffer = (v, tag) => tag === "ArrayBuffer" && hasSlot(ArrayBufferPrototypeGetByteLength, v);
  const isSharedArrayBuffer = (v, tag) => tag === "SharedArrayBuffer" && SharedArrayBufferPrototypeGetByteLength !== null &&
    hasSlot(SharedArrayBufferPrototypeGetByteLength, v);
  const isDataView = (v, tag) => tag === "DataView" && hasSlot(DataViewPrototypeGetByteLength, v);

  function isError(value, tag) {
    if (ErrorIsError !== null) return ErrorIsError(value);
    if (tag === "Error") return true;
    try {
      return value instanceof Error;
    } catch {
      return false;
    }
  }

  /** The primitive inside a Number/String/Boolean/Symbol/BigInt wrapper object, as [type, value]. */
  function boxedPrimitive(value, tag) {
    switch (tag) {
      case "Number": return hasSlot(NumberPrototypeValueOf, value) ? ["Number", NumberPrototypeValueOf(value)] : null;
      case "String": return hasSlot(StringPrototypeValueOf, value) ? ["String", StringPrototypeValueOf(value)] : null;
      case "Boolean": return hasSlot(BooleanPrototypeValueOf, value) ? ["Boolean", BooleanPrototypeValueOf(value)] : null;
      case "Symbol": return hasSlot(SymbolPrototypeValueOf, value) ? ["Symbol", SymbolPrototypeValueOf(value)] : null;
      case "BigInt": return hasSlot(BigIntPrototypeValueOf, value) ? ["BigInt", BigIntPrototypeValueOf(value)] : null;
      default: return null;
    }
  }

  // ---------------------------------------------------------------- options

  const DEFAULT_OPTIONS = Object.freeze({
    depth: 2,
    breakLength: 80,
    compact: 3,
    maxArrayLength: 100,
    maxStringLength: 10000,
    sorted: false,
    getters: false,
    showHidden: false,
    customInspect: true,
  });

  function newContext(options) {
    const ctx = {
      depth: DEFAULT_OPTIONS.depth,
      breakLength: DEFAULT_OPTIONS.breakLength,
      compact: DEFAULT_OPTIONS.compact,
      maxArrayLength: DEFAULT_OPTIONS.maxArrayLength,
      maxStringLength: DEFAULT_OPTIONS.maxStringLength,
      sorted: DEFAULT_OPTIONS.sorted,
      getters: DEFAULT_OPTIONS.getters,
      showHidden: DEFAULT_OPTIONS.showHidden,
      customInspect: DEFAULT_OPTIONS.customInspect,
      // Objects being printed, outermost first: a value met again here is a cycle.
      seen: [],
      // Objects a cycle points back to, numbered in the order the cycles were found.
      circular: undefined,
      indentationLvl: 0,
      // The deepest nesting level formatted so far; decides which objects may share one line.
      deepest: 0,
    };
    if (options !== undefined && options !== null && typeof options === "object") {
      for (const key of ObjectKeys(DEFAULT_OPTIONS)) {
        const v = options[key];
        if (v !== undefined) ctx[key] = v;
      }
    }
    if (ctx.depth === null || ctx.depth === Infinity) ctx.depth = Infinity;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    if (ctx.compact === false) ctx.compact = 0;
    if (ctx.compact === true) ctx.compact = Infinity;
    return ctx;
  }

  /**
   * Returns a readable string for any value. Options (all optional): depth (2), breakLength (80),
   * compact (3: the innermost levels that may share one line), maxArrayLength (100),
   * maxStringLength (10000), sorted, getters, showHidden, customInspect (true).
   */
  function inspect(value, options) {
    return formatValue(newContext(options), value, 0, false);
  }

  // ---------------------------------------------------------------- primitives

  // Escapes for C0 controls, in the \xHH form except for the usual short escapes.
  const CONTROL_ESCAPES = [];
  for (let i = 0; i < 0x20; i++) {
    CONTROL_ESCAPES[i] = "\\x" + StringPrototypeToUpperCase(StringPrototypePadStart(NumberPrototypeToString(i, 16), 2, "0"));
  }
  CONTROL_ESCAPES[0x08] = "\\b";
  CONTROL_ESCAPES[0x09] = "\\t";
  CONTROL_ESCAPES[0x0a] = "\\n";
  CONTROL_ESCAPES[0x0c] = "\\f";
  CONTROL_ESCAPES[0x0d] = "\\r";

  const hex = (code, width) =>
    StringPrototypeToUpperCase(StringPrototypePadStart(NumberPrototypeToString(code, 16), width, "0"));

  /**
   * Quotes a string: single quotes unless the string contains one (then double quotes, then
   * backticks), escaping controls, the backslash, the quote and lone surrogates.
   */
  function quote(str) {
    let q = 39; // '
    if (StringPrototypeIncludes(str, "'")) {
      if (!StringPrototypeIncludes(str, '"')) q = 34;
      else if (!StringPrototypeIncludes(str, "`") && !StringPrototypeIncludes(str, "${")) q = 96;
    }
    let out = "";
    let last = 0;
    const len = str.length;
    for (let i = 0; i < len; i++) {
      const c = StringPrototypeCharCodeAt(str, i);
      let escape;
      if (c < 0x20) escape = CONTROL_ESCAPES[c];
      else if (c === q || c === 92) escape = "\\" + str[i];
      else if (c >= 0x7f && c <= 0x9f) escape = "\\x" + hex(c, 2);
      else if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < len ? StringPrototypeCharCodeAt(str, i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          i++; // a valid pair prints as itself
          continue;
        }
        escape = "\\u" + hex(c, 4);
      } else {
        continue;
      }
      out += StringPrototypeSlice(str, last, i) + escape;
      last = i + 1;
    }
    const qc = q === 39 ? "'" : q === 34 ? '"' : "`";
    return qc + (last === 0 ? str : out + StringPrototypeSlice(str, last)) + qc;
  }

  function formatNumber(n) {
    // -0 is worth telling apart from 0 when debugging.
    return ObjectIs(n, -0) ? "-0" : `${n}`;
  }

  function formatString(ctx, value) {
    let trailer = "";
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
    }
    // A long multi-line string reads better as one quoted piece per line, joined with +.
    if (ctx.compact !== Infinity && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      const lines = splitKeepingNewlines(value);
      if (lines.length > 1) {
        const parts = [];
        for (const line of lines) ArrayPrototypePush(parts, quote(line));
        return ArrayPrototypeJoin(parts, ` +\n${StringPrototypeRepeat(" ", ctx.indentationLvl + 2)}`) + trailer;
      }
    }
    return quote(value) + trailer;
  }

  function splitKeepingNewlines(value) {
    const lines = [];
    let start = 0;
    for (;;) {
      const nl = StringPrototypeIndexOf(value, "\n", start);
      if (nl === -1 || nl === value.length - 1) break;
      ArrayPrototypePush(lines, StringPrototypeSlice(value, start, nl + 1));
      start = nl + 1;
    }
    ArrayPrototypePush(lines, StringPrototypeSlice(value, start));
    return lines;
  }

  function formatPrimitive(ctx, value) {
    switch (typeof value) {
      case "string": return formatString(ctx, value);
      case "number": return formatNumber(value);
      case "bigint": return `${value}n`;
      case "boolean": return value ? "true" : "false";
      case "undefined": return "undefined";
      case "symbol": return SymbolPrototypeToString(value);
      default: return String_(value);
    }
  }

  // ---------------------------------------------------------------- objects

  const kObjectType = 0;
  const kArrayType = 1;
  const kArrayExtrasType = 2;

  function formatValue(ctx, value, level, typedArray) {
    if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(ctx, value);
    if (value === null) return "null";

    if (ctx.customInspect) {
      const custom = safeGet(value, customInspectSymbol);
      if (typeof custom === "function" && custom !== inspect && !isPrototypeObject(value)) {
        const depth = ctx.depth - level;
        const result = ReflectApply(custom, value, [depth, userOptions(ctx, depth), inspect]);
        if (result !== value) {
          if (typeof result !== "string") return formatValue(ctx, result, level, false);
          return StringPrototypeReplaceAll(result, "\n", `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`);
        }
      }
    }

    // 1. A value that is already being printed further out is a cycle: number it.
    if (ArrayPrototypeIncludes(ctx.seen, value)) {
      if (ctx.circular === undefined) ctx.circular = new Map_();
      let index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
      return `[Circular *${index}]`;
    }
    return formatRaw(ctx, value, level, typedArray);
  }

  function safeGet(object, key) {
    try {
      return object[key];
    } catch {
      return undefined;
    }
  }

  function isPrototypeObject(value) {
    const ctor = safeGet(value, "constructor");
    return typeof ctor === "function" && safeGet(ctor, "prototype") === value;
  }

  function userOptions(ctx, depth) {
    return {
      depth,
      breakLength: ctx.breakLength,
      compact: ctx.compact,
      maxArrayLength: ctx.maxArrayLength,
      maxStringLength: ctx.maxStringLength,
      sorted: ctx.sorted,
      getters: ctx.getters,
      showHidden: ctx.showHidden,
      customInspect: ctx.customInspect,
    };
  }

  /** The name of the nearest constructor on the prototype chain that `obj` is an instance of. */
  function getConstructorName(obj) {
    let proto = obj;
    while (proto !== null && proto !== undefined) {
      const desc = ObjectGetOwnPropertyDescriptor(proto, "constructor");
      if (desc !== undefined && typeof desc.value === "function") {
        const name = desc.value.name;
        if (typeof name === "string" && name !== "" && isInstanceof(obj, desc.value)) return name;
      }
      proto = ObjectGetPrototypeOf(proto);
    }
    return null;
  }

  function isInstanceof(obj, ctor) {
    try {
      return obj instanceof ctor;
    } catch {
      return false;
    }
  }

  /** `Foo `, `Foo [Tag] `, `[Object: null prototype] ` … with the size for collections. */
  function getPrefix(constructor, tag, fallback, size = "") {
    if (constructor === null) {
      if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  const SymbolPrototypeGetDescription = getterOf(Symbol.prototype, "description");

  /**
   * Whether a key is one of the layer's internal slots: symbols named like the spec's slots
   * (`[[readyState]]`) hold state the standard never exposes as properties.
   */
  function isInternalSlot(key) {
    if (typeof key !== "symbol") return false;
    const description = SymbolPrototypeGetDescription(key);
    return description !== undefined && StringPrototypeStartsWith(description, "[[") &&
      StringPrototypeSlice(description, -2) === "]]";
  }

  /** Own keys to print: enumerable strings and symbols (all of them with showHidden). */
  function getKeys(value, showHidden) {
    const keys = [];
    for (const key of ReflectOwnKeys(value)) {
      if (showHidden || (ObjectPrototypePropertyIsEnumerable(value, key) && !isInternalSlot(key))) ArrayPrototypePush(keys, key);
    }
    return keys;
  }

  /** Own keys that are not array indices (for arrays, typed arrays, strings and arguments). */
  function getNonIndexKeys(value, showHidden) {
    const keys = [];
    for (const key of ReflectOwnKeys(value)) {
      if (typeof key === "string" && isArrayIndex(key)) continue;
      if (showHidden ? key !== "length" : ObjectPrototypePropertyIsEnumerable(value, key) && !isInternalSlot(key)) {
        ArrayPrototypePush(keys, key);
      }
    }
    return keys;
  }

  function isArrayIndex(key) {
    const len = key.length;
    if (len === 0 || len > 10) return false;
    const first = StringPrototypeCharCodeAt(key, 0);
    if (first < 48 || first > 57 || (first === 48 && len > 1)) return false;
    for (let i = 1; i < len; i++) {
      const c = StringPrototypeCharCodeAt(key, i);
      if (c < 48 || c > 57) return false;
    }
    return +key < 4294967295;
  }

  /**
   * Names of the attributes of a platform object: enumerable getters on its prototype chain. WebIDL
   * makes attributes enumerable accessors on interface prototype objects, which carry a
   * Symbol.toStringTag; ECMAScript built-ins' accessors are not enumerable, so they stay out.
   * Returns null for other objects.
   */
  function platformAttributeNames(value) {
    let proto = ObjectGetPrototypeOf(value);
    let names = null;
    let tagged = false;
    while (proto !== null && proto !== ObjectPrototype) {
      if (ObjectPrototypeHasOwnProperty(proto, SymbolToStringTag)) tagged = true;
      for (const key of ReflectOwnKeys(proto)) {
        if (typeof key !== "string") continue;
        const desc = ObjectGetOwnPropertyDescriptor(proto, key);
        if (desc.get === undefined || !desc.enumerable) continue;
        if (names === null) names = [];
        if (!ArrayPrototypeIncludes(names, key) && !ObjectPrototypeHasOwnProperty(value, key)) ArrayPrototypePush(names, key);
      }
      proto = ObjectGetPrototypeOf(proto);
    }
    return tagged ? names : null;
  }

  function formatRaw(ctx, value, level, typedArray) {
    const constructor = getConstructorName(value);
    const builtinTag = StringPrototypeSlice(ObjectPrototypeToString(value), 8, -1);
    let tag = safeGet(value, SymbolToStringTag);
    // An own enumerable tag is printed as a key already; a tag equal to the class name says nothing.
    if (typeof tag !== "string" || (tag !== "" && ObjectPrototypePropertyIsEnumerable(value, SymbolToStringTag))) tag = "";

    let keys;
    let base = "";
    let braces;
    let formatter = formatNothing;
    let extrasType = kObjectType;
    let attributes = null;
    let typedName;
    let boxed;

    if (ArrayIsArray(value)) {
      keys = getNonIndexKeys(value, ctx.showHidden);
      const prefix = constructor !== "Array" || tag !== "" ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
      braces = [`${prefix}[`, "]"];
      if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else if ((typedName = TypedArrayPrototypeGetTag(value)) !== undefined) {
      keys = getNonIndexKeys(value, ctx.showHidden);
      const length = TypedArrayPrototypeGetLength(value);
      braces = [`${getPrefix(constructor, tag, typedName, `(${length})`)}[`, "]"];
      if (length === 0 && keys.length === 0) return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatTypedArray;
    } else if (isMap(value, builtinTag)) {
      keys = getKeys(value, ctx.showHidden);
      const size = MapPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, "}"];
      formatter = formatMap;
    } else if (isSet(value, builtinTag)) {
      keys = getKeys(value, ctx.showHidden);
      const size = SetPrototypeGetSize(value);
      const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
      if (size === 0 && keys.length === 0) return `${prefix}{}`;
      braces = [`${prefix}{`, "}"];
      formatter = formatSet;
    } else if (builtinTag === "Arguments") {
      keys = getNonIndexKeys(value, ctx.showHidden);
      braces = ["[Arguments] [", "]"];
      if (value.length === 0 && keys.length === 0) return "[Arguments] []";
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else {
      keys = getKeys(value, ctx.showHidden);
      braces = ["{", "}"];
      if (typeof value === "function") {
        base = functionBase(value, constructor, tag, builtinTag);
        if (keys.length === 0) return base;
      } else if (isRegExp(value, builtinTag)) {
        base = RegExpPrototypeToString(value);
        const prefix = getPrefix(constructor, tag, "RegExp");
        if (prefix !== "RegExp ") base = `${prefix}${base}`;
        if (keys.length === 0 || level > ctx.depth) return base;
      } else if (isDate(value, builtinTag)) {
        const time = DatePrototypeGetTime(value);
        base = NumberIsNaN(time) ? "Invalid Date" : DatePrototypeToISOString(value);
        const prefix = getPrefix(constructor, tag, "Date");
        if (prefix !== "Date ") base = `${prefix}${base}`;
        if (keys.length === 0) return base;
      } else if (isError(value, builtinTag)) {
        base = formatError(ctx, value, constructor, keys);
        if (keys.length === 0) return base;
      } else if (isArrayBuffer(value, builtinTag) || isSharedArrayBuffer(value, builtinTag)) {
        const fallback = builtinTag;
        braces[0] = `${getPrefix(constructor, tag, fallback)}{`;
        formatter = formatArrayBuffer;
      } else if (isDataView(value, builtinTag)) {
        braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
        formatter = formatDataView;
      } else if (isWeakMap(value, builtinTag) || isWeakSet(value, builtinTag)) {
        // Their entries cannot be enumerated from JavaScript.
        braces[0] = `${getPrefix(constructor, tag, builtinTag)}{`;
        formatter = formatWeakCollection;
      } else if ((boxed = boxedPrimitive(value, builtinTag)) !== null) {
        const [type, primitive] = boxed;
        if (type === "String") keys = getNonIndexKeys(value, ctx.showHidden);
        const inner = formatPrimitive(newContext({ compact: Infinity }), primitive);
        base = `[${type}${constructor !== type ? constructor === null ? " (null prototype)" : ` (${constructor})` : ""}: ${inner}]`;
        if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
        if (keys.length === 0) return base;
      } else {
        attributes = platformAttributeNames(value);
        if (constructor === "Object") {
          if (tag !== "") braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        } else {
          braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        }
        if (keys.length === 0 && (attributes === null || attributes.length === 0)) return `${braces[0]}}`;
      }
    }

    // Beyond the depth limit only the kind of object is printed.
    if (level > ctx.depth) {
      if (constructor === null) return `[${builtinTag}: null prototype]`;
      return `[${tag !== "" && tag !== constructor ? `${constructor} [${tag}]` : constructor}]`;
    }

    level += 1;
    ArrayPrototypePush(ctx.seen, value);
    const outerDeepest = ctx.deepest;
    ctx.deepest = level;
    let output;
    let truncated = false;
    try {
      const entries = formatter(ctx, value, level, typedArray);
      output = entries.output;
      truncated = entries.truncated;
      const showGetterValues = attributes !== null;
      for (let i = 0; i < keys.length; i++) {
        ArrayPrototypePush(output, formatProperty(ctx, value, level, keys[i], extrasType, showGetterValues));
      }
      if (attributes !== null) {
        for (let i = 0; i < attributes.length; i++) {
          ArrayPrototypePush(output, formatAttribute(ctx, value, level, attributes[i]));
        }
      }
    } finally {
      ctx.seen.pop();
    }
    const nested = ctx.deepest - level;
    ctx.deepest = MathMax(outerDeepest, ctx.deepest);

    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = `<ref *${index}>`;
        if (base === "") braces[0] = `${reference} ${braces[0]}`;
        else base = `${reference} ${base}`;
      }
    }
    if (ctx.sorted) {
      const comparator = typeof ctx.sorted === "function" ? ctx.sorted : undefined;
      if (extrasType === kObjectType) ArrayPrototypeSort(output, comparator);
    }
    return reduceToSingleString(ctx, output, base, braces, extrasType, nested, truncated, value);
  }

  const NO_ENTRIES = () => ({ output: [], truncated: false });
  function formatNothing() {
    return NO_ENTRIES();
  }

  function functionBase(value, constructor, tag, builtinTag) {
    const source = safeFunctionSource(value);
    const name = safeGet(value, "name");
    const named = typeof name === "string" && name !== "";
    if (StringPrototypeStartsWith(source, "class") && /^class[\s{]/.test(source)) {
      let base = `[class ${named ? name : "(anonymous)"}`;
      const parent = ObjectGetPrototypeOf(value);
      if (parent !== null && parent !== FunctionPrototype) {
        const parentName = safeGet(parent, "name");
        if (typeof parentName === "string" && parentName !== "") base += ` extends ${parentName}`;
      }
      return base + "]";
    }
    let type = "Function";
    if (builtinTag === "AsyncFunction" || builtinTag === "GeneratorFunction" || builtinTag === "AsyncGeneratorFunction") {
      type = builtinTag;
    }
    let base = `[${type}${named ? `: ${name}` : " (anonymous)"}]`;
    if (constructor === null) base += " [null prototype]";
    if (tag !== "" && tag !== constructor && tag !== type) base += ` [${tag}]`;
    return base;
  }

  function safeFunctionSource(fn) {
    try {
      return FunctionPrototypeToString(fn);
    } catch {
      return "";
    }
  }

  // ---------------------------------------------------------------- errors

  function formatError(ctx, err, constructor, keys) {
    const name = safeGet(err, "name");
    const rawStack = safeGet(err, "stack");
    let stack;
    if (typeof rawStack === "string" && rawStack !== "") {
      stack = rawStack;
    } else {
      try {
        stack = ErrorPrototypeToString(err);
      } catch {
        stack = "Error";
      }
    }
    // name, message and stack are in the text already.
    for (const key of ["name", "message", "stack"]) {
      const index = ArrayPrototypeIndexOf(keys, key);
      const v = index === -1 ? undefined : safeGet(err, key);
      if (index !== -1 && (typeof v !== "string" || StringPrototypeIncludes(stack, v))) keys.splice(index, 1);
    }
    // The cause and an AggregateError's errors are non-enumerable own properties worth showing.
    if (ObjectPrototypeHasOwnProperty(err, "cause") && !ArrayPrototypeIncludes(keys, "cause")) ArrayPrototypePush(keys, "cause");
    const errors = ObjectPrototypeHasOwnProperty(err, "errors") ? safeGet(err, "errors") : undefined;
    if (ArrayIsArray(errors) && !ArrayPrototypeIncludes(keys, "errors")) ArrayPrototypePush(keys, "errors");

    // A subclass that did not set its name prints as `ValidationError [Error]: …`.
    if (constructor !== null && typeof name === "string" && constructor !== name &&
        StringPrototypeStartsWith(stack, name) && !StringPrototypeIncludes(StringPrototypeSlice(stack, 0, StringPrototypeIndexOf(stack, "\n") >>> 0), constructor)) {
      stack = `${constructor} [${name}]${StringPrototypeSlice(stack, name.length)}`;
    }
    // A stack without frames is wrapped in brackets, telling it apart from a string.
    if (!RegExpPrototypeTest(/\n\s+at /, stack)) {
      stack = `[${stack}]`;
    }
    if (ctx.indentationLvl !== 0) {
      stack = StringPrototypeReplaceAll(stack, "\n", `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`);
    }
    return stack;
  }

  // ---------------------------------------------------------------- entries

  function formatArray(ctx, value, level) {
    const length = value.length;
    const output = [];
    const max = MathMin(ctx.maxArrayLength, length);
    let i = 0;
    while (i < length && output.length < max) {
      if (!ObjectPrototypeHasOwnProperty(value, i)) {
        // Holes print as one entry per run; big sparse arrays jump from key to key.
        const next = nextOwnIndex(value, i, length);
        const holes = next - i;
        ArrayPrototypePush(output, `<${holes} empty item${holes > 1 ? "s" : ""}>`);
        i = next;
        continue;
      }
      ArrayPrototypePush(output, formatProperty(ctx, value, level, i, kArrayType, false));
      i++;
    }
    const remaining = length - i;
    if (remaining > 0) {
      ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    }
    return { output, truncated: remaining > 0 };
  }

  function nextOwnIndex(array, from, length) {
    if (from + 64 < length) {
      // Scanning index by index is fine for a few holes; for many, the keys list is cheaper.
      let probe = from;
      const limit = from + 64;
      while (probe < limit && !ObjectPrototypeHasOwnProperty(array, probe)) probe++;
      if (probe < limit) return probe;
      let best = length;
      for (const key of ObjectKeys(array)) {
        if (!isArrayIndex(key)) break;
        const index = +key;
        if (index > from && index < best) {
          best = index;
          break;
        }
      }
      return best;
    }
    let i = from;
    while (i < length && !ObjectPrototypeHasOwnProperty(array, i)) i++;
    return i;
  }

  function formatTypedArray(ctx, value, level) {
    const length = TypedArrayPrototypeGetLength(value);
    const max = MathMin(ctx.maxArrayLength, length);
    const output = new Array(max);
    for (let i = 0; i < max; i++) {
      const element = value[i];
      output[i] = typeof element === "bigint" ? `${element}n` : formatNumber(element);
    }
    const remaining = length - max;
    if (remaining > 0) ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    return { output, truncated: remaining > 0 };
  }

  function formatMap(ctx, value, level) {
    const output = [];
    const size = MapPrototypeGetSize(value);
    const max = MathMin(ctx.maxArrayLength, size);
    const iterator = MapPrototypeEntries(value);
    ctx.indentationLvl += 2;
    for (let i = 0; i < max; i++) {
      const step = MapIteratorNext(iterator);
      if (step.done) break;
      const k = formatValue(ctx, step.value[0], level, false);
      const v = formatValue(ctx, step.value[1], level, false);
      ArrayPrototypePush(output, `${k} => ${v}`);
    }
    ctx.indentationLvl -= 2;
    const remaining = size - max;
    if (remaining > 0) ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    if (ctx.sorted) ArrayPrototypeSort(output, typeof ctx.sorted === "function" ? ctx.sorted : undefined);
    return { output, truncated: false };
  }

  function formatSet(ctx, value, level) {
    const output = [];
    const size = SetPrototypeGetSize(value);
    const max = MathMin(ctx.maxArrayLength, size);
    const iterator = SetPrototypeValues(value);
    ctx.indentationLvl += 2;
    for (let i = 0; i < max; i++) {
      const step = SetIteratorNext(iterator);
      if (step.done) break;
      ArrayPrototypePush(output, formatValue(ctx, step.value, level, false));
    }
    ctx.indentationLvl -= 2;
    const remaining = size - max;
    if (remaining > 0) ArrayPrototypePush(output, `... ${remaining} more item${remaining > 1 ? "s" : ""}`);
    if (ctx.sorted) ArrayPrototypeSort(output, typeof ctx.sorted === "function" ? ctx.sorted : undefined);
    return { output, truncated: false };
  }

  function formatArrayBuffer(ctx, value) {
    let length;
    try {
      length = ArrayBufferPrototypeGetByteLength(value);
    } catch {
      length = SharedArrayBufferPrototypeGetByteLength(value);
    }
    const bytes = new Uint8Array_(value, 0, MathMin(ctx.maxArrayLength, length));
    let contents = "";
    for (let i = 0; i < bytes.length; i++) {
      if (i > 0) contents += " ";
      contents += StringPrototypePadStart(NumberPrototypeToString(bytes[i], 16), 2, "0");
    }
    const remaining = length - bytes.length;
    if (remaining > 0) contents += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    return { output: [`[Uint8Contents]: <${contents}>`, `byteLength: ${length}`], truncated: false };
  }

  function formatDataView(ctx, value, level) {
    ctx.indentationLvl += 2;
    const buffer = formatValue(ctx, DataViewPrototypeGetBuffer(value), level, false);
    ctx.indentationLvl -= 2;
    return {
      output: [
        `byteLength: ${DataViewPrototypeGetByteLength(value)}`,
        `byteOffset: ${DataViewPrototypeGetByteOffset(value)}`,
        `buffer: ${buffer}`,
      ],
      truncated: false,
    };
  }

  function formatWeakCollection() {
    return { output: ["<items unknown>"], truncated: false };
  }

  const IDENTIFIER = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function formatKey(key, enumerable) {
    if (typeof key === "symbol") return `[${SymbolPrototypeToString(key)}]`;
    if (key === "__proto__") return "['__proto__']";
    if (enumerable === false) return `[${RegExpPrototypeTest(IDENTIFIER, key) ? key : quote(key)}]`;
    return RegExpPrototypeTest(IDENTIFIER, key) ? key : quote(key);
  }

  function formatProperty(ctx, value, level, key, type, showGetterValues) {
    let str;
    const desc = ObjectGetOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (ObjectPrototypeHasOwnProperty(desc, "value")) {
      ctx.indentationLvl += 2;
      str = formatValue(ctx, desc.value, level, false);
      ctx.indentationLvl -= 2;
    } else if (desc.get !== undefined) {
      str = formatGetter(ctx, value, level, desc, showGetterValues);
    } else if (desc.set !== undefined) {
      str = "[Setter]";
    } else {
      str = "undefined";
    }
    if (type === kArrayType) return str;
    return `${formatKey(key, desc.enumerable)}: ${str}`;
  }

  function formatGetter(ctx, receiver, level, desc, showValue) {
    const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
    if (!showValue && !ctx.getters) return `[${label}]`;
    let result;
    try {
      result = ReflectApply(desc.get, receiver, []);
    } catch {
      return `[${label}]`;
    }
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, level, false);
    ctx.indentationLvl -= 2;
    // Platform attributes read like data; a plain object's getter keeps its label.
    return showValue ? str : `[${label}: ${str}]`;
  }

  function formatAttribute(ctx, value, level, name) {
    let result;
    try {
      result = value[name];
    } catch {
      return `${formatKey(name, true)}: [Getter]`;
    }
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, result, level, false);
    ctx.indentationLvl -= 2;
    return `${formatKey(name, true)}: ${str}`;
  }

  // ---------------------------------------------------------------- layout

  /**
   * Lays out many short array elements as a table of columns so a long array does not print one
   * element per line. Numbers are right-aligned, everything else left-aligned.
   */
  function groupArrayElements(ctx, output, truncated, value) {
    // The "... N more items" entry stays on a line of its own.
    const count = truncated ? output.length - 1 : output.length;
    let total = 0;
    let widest = 0;
    for (let i = 0; i < count; i++) {
      const len = output[i].length;
      if (StringPrototypeIncludes(output[i], "\n")) return output;
      total += len + 2;
      if (len > widest) widest = len;
    }
    const cell = widest + 2; // the entry, a comma and a space
    // Only when three columns fit, and no single entry dwarfs the others.
    if (cell * 3 + ctx.indentationLvl >= ctx.breakLength || !(total / cell > 5 || widest <= 6)) return output;
    // Aim at a block about 2.5 times as wide as high (characters are about that much taller than
    // wide); entries shorter than the widest count for less, which allows more columns.
    const average = total / count;
    const effective = MathMax(cell - 3 - MathSqrt(cell - average), 1);
    const columns = MathMin(
      MathRound(MathSqrt(2.5 * effective * count) / effective),
      MathFloor((ctx.breakLength - ctx.indentationLvl) / cell),
      ctx.compact * 4,
      15);
    if (columns <= 1) return output;
    const widths = [];
    for (let c = 0; c < columns; c++) {
      let w = 0;
      for (let j = c; j < count; j += columns) if (output[j].length > w) w = output[j].length;
      ArrayPrototypePush(widths, w + 2);
    }
    let numeric = value !== undefined;
    if (numeric) {
      for (let i = 0; i < count; i++) {
        const element = value[i];
        if (typeof element !== "number" && typeof element !== "bigint") {
          numeric = false;
          break;
        }
      }
    }
    const rows = [];
    for (let i = 0; i < count; i += columns) {
      const end = MathMin(i + columns, count);
      let line = "";
      for (let j = i; j < end - 1; j++) {
        const cellText = `${output[j]}, `;
        line += numeric ? StringPrototypePadStart(cellText, widths[j - i], " ") : StringPrototypePadEnd(cellText, widths[j - i], " ");
      }
      const lastText = output[end - 1];
      line += numeric ? StringPrototypePadStart(lastText, widths[end - 1 - i] - 2, " ") : lastText;
      ArrayPrototypePush(rows, line);
    }
    if (truncated) ArrayPrototypePush(rows, output[count]);
    return rows;
  }

  /**
   * Joins the entries on one line when the object has at most `compact` levels of nesting and the
   * line fits in breakLength (with room for the key in front of it); otherwise one entry per line.
   */
  function reduceToSingleString(ctx, output, base, braces, extrasType, nested, truncated, value) {
    const entries = output.length;
    if (extrasType === kArrayExtrasType && entries > 6 && ctx.compact >= 1) {
      output = groupArrayElements(ctx, output, truncated, extrasType === kArrayExtrasType ? value : undefined);
    }
    if (nested < ctx.compact && entries === output.length) {
      let width = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      let fits = width + output.length <= ctx.breakLength;
      for (let i = 0; fits && i < output.length; i++) {
        width += output[i].length;
        if (width + output.length > ctx.breakLength) fits = false;
      }
      if (fits && !StringPrototypeIncludes(base, "\n")) {
        const joined = ArrayPrototypeJoin(output, ", ");
        if (!StringPrototypeIncludes(joined, "\n")) {
          return `${base !== "" ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
        }
      }
    }
    const indentation = `\n${StringPrototypeRepeat(" ", ctx.indentationLvl)}`;
    return `${base !== "" ? `${base} ` : ""}${braces[0]}${indentation}  ${ArrayPrototypeJoin(output, `,${indentation}  `)}${indentation}${braces[1]}`;
  }

  // ---------------------------------------------------------------- the console namespace

  // Printer log levels, as the indices of ops.console.write (ConsoleSink.Level); the grouping
  // follows the Console Standard's "Indicating logLevel severity" table (debug keeps its own).
  const LEVEL_DEBUG = 0;
  const LEVEL_LOG = 1;
  const LEVEL_INFO = 2;
  const LEVEL_WARN = 3;
  const LEVEL_ERROR = 4;
  const SEVERITY = {
    __proto__: null,
    log: LEVEL_LOG, trace: LEVEL_LOG, dir: LEVEL_LOG, dirxml: LEVEL_LOG, group: LEVEL_LOG,
    groupCollapsed: LEVEL_LOG, timeLog: LEVEL_LOG, table: LEVEL_LOG,
    debug: LEVEL_DEBUG,
    count: LEVEL_INFO, info: LEVEL_INFO, timeEnd: LEVEL_INFO,
    warn: LEVEL_WARN, countReset: LEVEL_WARN, reportWarning: LEVEL_WARN,
    error: LEVEL_ERROR, assert: LEVEL_ERROR,
  };

  // %o: "optimally useful formatting" — deeper than the default.
  const OPTIMALLY_USEFUL = Object.freeze({ depth: 4 });

  // The group stack: only its size matters to a text console (each group indents by two).
  let groupDepth = 0;
  let groupIndent = "";
  // The count map and the timer table (label → start time in ms from ops.runtime.now()).
  const countMap = new Map_();
  const timerTable = new Map_();

  /**
   * Printer(logLevel, args[, options]): strings print as they are, anything else inspected; the
   * pieces are separated by a space and every line is indented by the open groups.
   */
  function printer(logLevel, args, options) {
    let text = "";
    for (let i = 0; i < args.length; i++) {
      if (i > 0) text += " ";
      const arg = args[i];
      text += typeof arg === "string" ? arg : inspect(arg, options);
    }
    if (groupIndent !== "") {
      text = groupIndent + StringPrototypeReplaceAll(text, "\n", `\n${groupIndent}`);
    }
    ops.console.write(SEVERITY[logLevel], text);
  }

  /** Logger(logLevel, args). */
  function logger(logLevel, args) {
    // 1. If args is empty, return.
    if (args.length === 0) return undefined;
    // 2.-3. Let first be args[0]; let rest be all elements following first in args.
    // 4. If rest is empty, perform Printer(logLevel, « first ») and return.
    if (args.length === 1) {
      printer(logLevel, args);
      return undefined;
    }
    // 5. Otherwise, perform Printer(logLevel, Formatter(args)).
    printer(logLevel, formatter(args));
    // 6. Return undefined.
    return undefined;
  }

  /**
   * Formatter(args). The standard restarts the search at the left of target after every
   * replacement; like every implementation, this scans once from left to right, so text that
   * a specifier inserted is never taken for another specifier. `%%` prints one `%` (as in every
   * implementation) once formatting applies, i.e. when there is more than one argument.
   */
  function formatter(args) {
    // 1. If args's size is 1, return args.
    if (args.length === 1) return args;
    // 2. Let target be the first element of args.
    const target = args[0];
    // A target that is not a string has no format specifiers.
    if (typeof target !== "string") return args;
    let out = "";
    let last = 0;
    let next = 1; // index in args of current, the argument the next specifier consumes
    const end = target.length - 1;
    for (let i = 0; i < end; i++) {
      if (StringPrototypeCharCodeAt(target, i) !== 37) continue;
      const specifier = target[i + 1];
      if (specifier === "%") {
        out += StringPrototypeSlice(target, last, i) + "%";
        last = i + 2;
        i++;
        continue;
      }
      // 5. No argument left for a specifier: the rest of target stays as it is.
      if (next >= args.length) continue;
      // 3. Let current be the next unused element of args.
      const current = args[next];
      let converted;
      switch (specifier) {
        case "s":
          // If specifier is %s, let converted be the result of Call(%String%, undefined, « current »).
          converted = String_(current);
          break;
        case "d":
        case "i":
          // If current is a Symbol, let converted be NaN; otherwise Call(%parseInt%, undefined, « current, 10 »).
          converted = typeof current === "symbol" ? NaN : parseInt_(current, 10);
          break;
        case "f":
          // If current is a Symbol, let converted be NaN; otherwise Call(%parseFloat%, undefined, « current »).
          converted = typeof current === "symbol" ? NaN : parseFloat_(current);
          break;
        case "o":
          // Optimally useful formatting.
          converted = inspect(current, OPTIMALLY_USEFUL);
          break;
        case "O":
          // Generic JavaScript object formatting.
          converted = inspect(current);
          break;
        case "c":
          // CSS has no meaning in a text console: the argument is consumed and nothing printed.
          converted = "";
          break;
        default:
          continue;
      }
      // If any of the previous steps set converted, replace specifier in target with converted.
      out += StringPrototypeSlice(target, last, i) + `${converted}`;
      last = i + 2;
      i++;
      next++;
    }
    out += StringPrototypeSlice(target, last);
    // Let result be a list containing target together with the remaining elements of args.
    const result = [out];
    for (let i = next; i < args.length; i++) ArrayPrototypePush(result, args[i]);
    return result;
  }

  function setGroupDepth(depth) {
    groupDepth = depth;
    groupIndent = StringPrototypeRepeat("  ", depth);
  }

  /** WebIDL DOMString conversion: ToString, which throws a TypeError for symbols. */
  function toDOMString(value) {
    return `${value}`;
  }

  function formatDuration(ms) {
    if (ms < 1000) return `${NumberPrototypeToFixed(ms, 3)}ms`;
    if (ms < 60000) return `${NumberPrototypeToFixed(ms / 1000, 3)}s`;
    const minutes = MathFloor(ms / 60000);
    const seconds = NumberPrototypeToFixed((ms - minutes * 60000) / 1000, 3);
    if (minutes < 60) return `${minutes}:${StringPrototypePadStart(seconds, 6, "0")} (m:ss.mmm)`;
    const hours = MathFloor(minutes / 60);
    const mm = StringPrototypePadStart(`${minutes - hours * 60}`, 2, "0");
    return `${hours}:${mm}:${StringPrototypePadStart(seconds, 6, "0")} (h:mm:ss.mmm)`;
  }

  /** "Report a warning to the console" (Console Standard §2.4). */
  function reportWarning(description) {
    // 1. Let warning be an implementation-defined string derived from description.
    // 2. Perform Printer("reportWarning", « warning »).
    printer("reportWarning", [`Warning: ${description}`]);
  }

  /** The call stack above `below` as "    at …" lines, without this layer's own frames. */
  function captureFrames(below) {
    const holder = {};
    let stack;
    if (typeof Error.captureStackTrace === "function") {
      Error.captureStackTrace(holder, below);
      stack = holder.stack;
    } else {
      stack = new Error().stack;
    }
    if (typeof stack !== "string") return "";
    const lines = StringPrototypeSplit(stack, "\n");
    const frames = [];
    for (let i = 1; i < lines.length; i++) {
      if (StringPrototypeIncludes(lines[i], "wsjs:internal/04_console.js")) continue;
      ArrayPrototypePush(frames, lines[i]);
    }
    return ArrayPrototypeJoin(frames, "\n");
  }

  function tableCell(value) {
    // Cells stay on one line; objects with more than two keys collapse to their kind.
    const collapse = value !== null && typeof value === "object" && !ArrayIsArray(value) && ObjectKeys(value).length > 2;
    return inspect(value, { depth: collapse ? -1 : 0, maxArrayLength: 3, breakLength: Infinity });
  }

  function displayWidth(text) {
    let width = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      // East Asian wide and fullwidth ranges take two columns in a terminal.
      const wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd);
      width += wide ? 2 : 1;
    }
    return width;
  }

  /** Renders rows of cells (first row: the headers) as a box-drawn table, cells left-aligned. */
  function renderTable(rows) {
    const widths = [];
    for (const row of rows) {
      for (let c = 0; c < row.length; c++) widths[c] = MathMax(widths[c] || 0, displayWidth(row[c]) + 2);
    }
    const rule = (left, middle, right) => {
      const parts = [];
      for (const w of widths) ArrayPrototypePush(parts, StringPrototypeRepeat("─", w));
      return left + ArrayPrototypeJoin(parts, middle) + right;
    };
    const line = (row) => {
      const parts = [];
      for (let c = 0; c < widths.length; c++) {
        const text = row[c] === undefined ? "" : row[c];
        ArrayPrototypePush(parts, ` ${text}${StringPrototypeRepeat(" ", widths[c] - 1 - displayWidth(text))}`);
      }
      return `│${ArrayPrototypeJoin(parts, "│")}│`;
    };
    const out = [rule("┌", "┬", "┐"), line(rows[0]), rule("├", "┼", "┤")];
    for (let r = 1; r < rows.length; r++) ArrayPrototypePush(out, line(rows[r]));
    ArrayPrototypePush(out, rule("└", "┴", "┘"));
    return ArrayPrototypeJoin(out, "\n");
  }

  /** Builds the table console.table prints: an index column, one column per property, and Values. */
  function tabulate(data, properties) {
    const records = []; // [indexText, value, keyText|undefined]
    let indexHeader = "(index)";
    let hasKeys = false;
    const builtinTag = StringPrototypeSlice(ObjectPrototypeToString(data), 8, -1);
    if (isMap(data, builtinTag)) {
      indexHeader = "(iteration index)";
      hasKeys = true;
      let i = 0;
      const iterator = MapPrototypeEntries(data);
      for (let step = MapIteratorNext(iterator); !step.done; step = MapIteratorNext(iterator)) {
        ArrayPrototypePush(records, [`${i++}`, step.value[1], tableCell(step.value[0])]);
      }
    } else if (isSet(data, builtinTag)) {
      indexHeader = "(iteration index)";
      let i = 0;
      const iterator = SetPrototypeValues(data);
      for (let step = SetIteratorNext(iterator); !step.done; step = SetIteratorNext(iterator)) {
        ArrayPrototypePush(records, [`${i++}`, step.value]);
      }
    } else {
      for (const key of ObjectKeys(data)) ArrayPrototypePush(records, [key, data[key]]);
    }
    const columns = [];
    let hasValues = false;
    for (const record of records) {
      const v = record[1];
      if (v !== null && (typeof v === "object" || typeof v === "function")) {
        if (properties === undefined) {
          for (const key of ObjectKeys(v)) if (!ArrayPrototypeIncludes(columns, key)) ArrayPrototypePush(columns, key);
        }
      } else {
        hasValues = true;
      }
    }
    if (properties !== undefined) for (const p of properties) ArrayPrototypePush(columns, p);
    const header = [indexHeader];
    if (hasKeys) ArrayPrototypePush(header, "Key");
    for (const c of columns) ArrayPrototypePush(header, c);
    if (hasValues) ArrayPrototypePush(header, "Values");
    const rows = [header];
    for (const record of records) {
      const v = record[1];
      const row = [record[0]];
      if (hasKeys) ArrayPrototypePush(row, record[2]);
      const isObject = v !== null && (typeof v === "object" || typeof v === "function");
      for (const c of columns) {
        ArrayPrototypePush(row, isObject && ObjectPrototypeHasOwnProperty(v, c) ? tableCell(v[c]) : "");
      }
      if (hasValues) ArrayPrototypePush(row, isObject ? "" : tableCell(v));
      rows.push(row);
    }
    return renderTable(rows);
  }

  function toPropertyList(properties) {
    // optional sequence<DOMString>: an iterable object, each element converted to a string.
    if (properties === null || (typeof properties !== "object" && typeof properties !== "function")) {
      throw new TypeError("Failed to execute 'table' on 'console': parameter 2 is not an iterable object.");
    }
    const method = properties[SymbolIterator];
    if (typeof method !== "function") {
      throw new TypeError("Failed to execute 'table' on 'console': parameter 2 is not an iterable object.");
    }
    const list = [];
    for (const p of { [SymbolIterator]: () => ReflectApply(method, properties, []) }) ArrayPrototypePush(list, toDOMString(p));
    return list;
  }

  // A namespace's operations are plain functions (not constructors) on the namespace object:
  // writable, enumerable and configurable, with the IDL lengths (0 for every console operation).
  const consoleNamespace = {
    assert(condition = false, ...data) {
      // optional boolean condition = false
      condition = !!condition;
      // 1. If condition is true, return.
      if (condition) return;
      // 2. Let message be a string without any formatting specifiers indicating generically an
      //    assertion failure (such as "Assertion failed").
      const message = "Assertion failed";
      // 3. If data is empty, append message to data.
      if (data.length === 0) {
        ArrayPrototypePush(data, message);
      } else {
        // 4.1. Let first be data[0].
        const first = data[0];
        if (typeof first !== "string") {
          // 4.2. If first is not a String, then prepend message to data.
          data.unshift(message);
        } else {
          // 4.3. Let concat be the concatenation of message, ":", " " and first; set data[0] to concat.
          data[0] = `${message}: ${first}`;
        }
      }
      // 5. Perform Logger("assert", data).
      logger("assert", data);
    },

    clear() {
      // 1. Empty the appropriate group stack.
      setGroupDepth(0);
      // 2. If possible for the environment, clear the console: a line-oriented sink cannot.
    },

    debug(...data) {
      // 1. Perform Logger("debug", data).
      logger("debug", data);
    },

    error(...data) {
      // 1. Perform Logger("error", data).
      logger("error", data);
    },

    info(...data) {
      // 1. Perform Logger("info", data).
      logger("info", data);
    },

    log(...data) {
      // 1. Perform Logger("log", data).
      logger("log", data);
    },

    table(tabularData = undefined, properties = undefined) {
      const columns = properties === undefined ? undefined : toPropertyList(properties);
      // Try to construct a table with the columns of the properties of tabularData (or use
      // properties) and rows of tabularData and log it with a logLevel of "log". Fall back to
      // just logging the argument if it can't be parsed as tabular.
      if (tabularData === null || (typeof tabularData !== "object" && typeof tabularData !== "function")) {
        logger("table", [tabularData]);
        return;
      }
      printer("table", [tabulate(tabularData, columns)]);
    },

    trace(...data) {
      // 1. Let trace be an implementation-defined representation of the callstack from where this
      //    function was called.
      const frames = captureFrames(consoleNamespace.trace);
      // 2. Optionally, let formattedData be the result of Formatter(data), and incorporate it as a
      //    label for trace.
      let label = "Trace";
      if (data.length > 0) {
        const formatted = formatter(data);
        let text = "";
        for (let i = 0; i < formatted.length; i++) {
          if (i > 0) text += " ";
          text += typeof formatted[i] === "string" ? formatted[i] : inspect(formatted[i]);
        }
        label += `: ${text}`;
      }
      // 3. Perform Printer("trace", « trace »).
      printer("trace", [frames === "" ? label : `${label}\n${frames}`]);
    },

    warn(...data) {
      // 1. Perform Logger("warn", data).
      logger("warn", data);
    },

    dir(item = undefined, options = undefined) {
      // optional object? options
      if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
        throw new TypeError("Failed to execute 'dir' on 'console': parameter 2 is not of type 'object'.");
      }
      // 1. Let object be item with generic JavaScript object formatting applied.
      const object = inspect(item, options === null ? undefined : options);
      // 2. Perform Printer("dir", « object », options).
      printer("dir", [object]);
    },

    dirxml(...data) {
      // 1. Let finalList be a new list, initially empty.
      const finalList = [];
      // 2. For each item of data: there is no DOM here, so converted is item with optimally
      //    useful formatting applied (a string stays the text it is).
      for (const item of data) {
        ArrayPrototypePush(finalList, typeof item === "string" ? item : inspect(item, OPTIMALLY_USEFUL));
      }
      // 3. Perform Logger("dirxml", finalList).
      logger("dirxml", finalList);
    },

    count(label = "default") {
      label = toDOMString(label);
      // 1. Let map be the associated count map.
      // 2. If map[label] exists, set map[label] to map[label] + 1.
      // 3. Otherwise, set map[label] to 1.
      const value = (countMap.get(label) ?? 0) + 1;
      countMap.set(label, value);
      // 4. Let concat be the concatenation of label, ":", " " and ToString(map[label]).
      // 5. Perform Logger("count", « concat »).
      logger("count", [`${label}: ${value}`]);
    },

    countReset(label = "default") {
      label = toDOMString(label);
      // 1. Let map be the associated count map.
      // 2. If map[label] exists, set map[label] to 0.
      if (countMap.has(label)) {
        countMap.set(label, 0);
      } else {
        // 3. Otherwise: let message indicate that label has no associated count;
        //    perform Logger("countReset", « message »).
        logger("countReset", [`Count for '${label}' does not exist`]);
      }
    },

    group(...data) {
      // 1.-3. A new group labelled Formatter(data), or an implementation-chosen label.
      const label = data.length > 0 ? formatter(data) : ["console.group"];
      // 5. Perform Printer("group", « group »).
      printer("group", label);
      // 6. Push group onto the appropriate group stack.
      setGroupDepth(groupDepth + 1);
    },

    groupCollapsed(...data) {
      // A text console cannot collapse: same as group().
      const label = data.length > 0 ? formatter(data) : ["console.groupCollapsed"];
      printer("groupCollapsed", label);
      setGroupDepth(groupDepth + 1);
    },

    groupEnd() {
      // 1. Pop the last group from the group stack (nothing to pop is not an error).
      if (groupDepth > 0) setGroupDepth(groupDepth - 1);
    },

    time(label = "default") {
      label = toDOMString(label);
      // 1. If the associated timer table contains an entry with key label, return, optionally
      //    reporting a warning to the console.
      if (timerTable.has(label)) {
        reportWarning(`Timer '${label}' already exists`);
        return;
      }
      // 2. Otherwise, set the value of the entry with key label to the current time.
      timerTable.set(label, ops.runtime.now());
    },

    timeLog(label = "default", ...data) {
      label = toDOMString(label);
      // 1. Let timerTable be the associated timer table.
      // 2. Let startTime be timerTable[label] (a missing timer is reported, see whatwg/console#134).
      const startTime = timerTable.get(label);
      if (startTime === undefined) {
        reportWarning(`Timer '${label}' does not exist`);
        return;
      }
      // 3. Let duration be a string representing the difference between now and startTime.
      const duration = formatDuration(ops.runtime.now() - startTime);
      // 4. Let concat be the concatenation of label, ":", " " and duration.
      // 5. Prepend concat to data.
      data.unshift(`${label}: ${duration}`);
      // 6. Perform Printer("timeLog", data).
      printer("timeLog", data);
    },

    timeEnd(label = "default") {
      label = toDOMString(label);
      // 1. Let timerTable be the associated timer table.
      // 2. Let startTime be timerTable[label].
      const startTime = timerTable.get(label);
      if (startTime === undefined) {
        reportWarning(`Timer '${label}' does not exist`);
        return;
      }
      // 3. Remove timerTable[label].
      timerTable.delete(label);
      // 4. Let duration be a string representing the difference between now and startTime.
      const duration = formatDuration(ops.runtime.now() - startTime);
      // 5. Let concat be the concatenation of label, ":", " " and duration.
      // 6. Perform Printer("timeEnd", « concat »).
      printer("timeEnd", [`${label}: ${duration}`]);
    },
  };

  // The namespace object: its [[Prototype]] is an empty object whose [[Prototype]] is
  // %Object.prototype% ("for historical web-compatibility reasons"), and its class string is
  // the namespace's identifier.
  const namespaceObject = ObjectCreate(ObjectCreate(ObjectPrototype));
  for (const name of ObjectKeys(consoleNamespace)) {
    ObjectDefineProperty(namespaceObject, name, {
      value: consoleNamespace[name], writable: true, enumerable: true, configurable: true,
    });
  }
  ObjectDefineProperty(namespaceObject, SymbolToStringTag, {
    value: "console", writable: false, enumerable: false, configurable: true,
  });
  ObjectDefineProperty(globalThis, "console", {
    value: namespaceObject, writable: true, enumerable: false, configurable: true,
  });

  internals.inspect = inspect;
  internals.reportWarning = reportWarning;
})
