// Window-level globals: structuredClone (HTML), crypto (Web Cryptography: getRandomValues and
// randomUUID), performance (High Resolution Time and User Timing), navigator and location (HTML),
// and the self/window aliases of the global object.
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const converters = webidl.converters;
  const DOMException = internals.DOMException;

  // Builtins captured before any user script runs.
  const ObjectCtor = Object;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectFreeze = Object.freeze;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectKeys = Object.keys;
  const ObjectPrototypeHasOwnProperty = Object.prototype.hasOwnProperty;
  const ObjectPrototypeToString = Object.prototype.toString;
  const ObjectPrototypeValueOf = Object.prototype.valueOf;
  const ReflectApply = Reflect.apply;
  const ArrayIsArray = Array.isArray;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const ArrayPrototypeSort = Array.prototype.sort;
  const MathRound = Math.round;
  const MathFloor = Math.floor;
  const MapCtor = Map;
  const SetCtor = Set;
  const DateCtor = Date;
  const RegExpCtor = RegExp;
  const ArrayBufferCtor = ArrayBuffer;
  const DataViewCtor = DataView;
  const Uint8ArrayCtor = Uint8Array;
  const StringCtor = String;
  const SymbolPrototypeToString = Symbol.prototype.toString;

  function getter(prototype, name) {
    const desc = ObjectGetOwnPropertyDescriptor(prototype, name);
    return desc === undefined ? undefined : desc.get;
  }

  const BooleanPrototypeValueOf = Boolean.prototype.valueOf;
  const NumberPrototypeValueOf = Number.prototype.valueOf;
  const BigIntPrototypeValueOf = BigInt.prototype.valueOf;
  const StringPrototypeValueOf = String.prototype.valueOf;
  const SymbolPrototypeValueOf = Symbol.prototype.valueOf;
  const DatePrototypeGetTime = Date.prototype.getTime;
  const RegExpSource = getter(RegExp.prototype, "source");
  // [[OriginalFlags]], read through each flag's own getter (the flags getter reads overridable properties).
  const REGEXP_FLAGS = [
    ["d", getter(RegExp.prototype, "hasIndices")],
    ["g", getter(RegExp.prototype, "global")],
    ["i", getter(RegExp.prototype, "ignoreCase")],
    ["m", getter(RegExp.prototype, "multiline")],
    ["s", getter(RegExp.prototype, "dotAll")],
    ["u", getter(RegExp.prototype, "unicode")],
    ["v", getter(RegExp.prototype, "unicodeSets")],
    ["y", getter(RegExp.prototype, "sticky")],
  ].filter((pair) => pair[1] !== undefined);
  const ArrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
  const ArrayBufferDetached = getter(ArrayBuffer.prototype, "detached");
  const ArrayBufferResizable = getter(ArrayBuffer.prototype, "resizable");
  const ArrayBufferMaxByteLength = getter(ArrayBuffer.prototype, "maxByteLength");
  const ArrayBufferPrototypeTransfer = ArrayBuffer.prototype.transfer;
  const ArrayBufferPrototypeResize = ArrayBuffer.prototype.resize;
  const SharedArrayBufferByteLength = typeof SharedArrayBuffer === "function"
    ? getter(SharedArrayBuffer.prototype, "byteLength") : undefined;
  const TypedArrayPrototype = ObjectGetPrototypeOf(Uint8Array.prototype);
  const TypedArrayName = getter(TypedArrayPrototype, Symbol.toStringTag);
  const TypedArrayBuffer = getter(TypedArrayPrototype, "buffer");
  const TypedArrayByteOffset = getter(TypedArrayPrototype, "byteOffset");
  const TypedArrayByteLength = getter(TypedArrayPrototype, "byteLength");
  const TypedArrayLength = getter(TypedArrayPrototype, "length");
  const TypedArraySet = TypedArrayPrototype.set;
  const TypedArraySubarray = TypedArrayPrototype.subarray;
  // keys() starts with ValidateTypedArray, which throws a TypeError exactly when
  // IsTypedArrayOutOfBounds holds (a detached buffer included) and has no other effect.
  const TypedArrayKeys = TypedArrayPrototype.keys;
  const DataViewBuffer = getter(DataView.prototype, "buffer");
  const DataViewByteOffset = getter(DataView.prototype, "byteOffset");
  const DataViewByteLength = getter(DataView.prototype, "byteLength");
  const MapSize = getter(Map.prototype, "size");
  const MapPrototypeForEach = Map.prototype.forEach;
  const MapPrototypeSet = Map.prototype.set;
  const SetSize = getter(Set.prototype, "size");
  const SetPrototypeForEach = Set.prototype.forEach;
  const SetPrototypeAdd = Set.prototype.add;
  const WeakMapPrototypeHas = WeakMap.prototype.has;
  const WeakSetPrototypeHas = WeakSet.prototype.has;
  const WeakRefPrototypeDeref = typeof WeakRef === "function" ? WeakRef.prototype.deref : undefined;
  const FinalizationRegistryPrototypeUnregister = typeof FinalizationRegistry === "function"
    ? FinalizationRegistry.prototype.unregister : undefined;

  const TYPED_ARRAY_CONSTRUCTORS = new MapCtor();
  for (const name of ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
    "Uint32Array", "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]) {
    if (typeof globalThis[name] === "function") TYPED_ARRAY_CONSTRUCTORS.set(name, globalThis[name]);
  }
  const ERROR_CONSTRUCTORS = new MapCtor([
    ["Error", Error], ["EvalError", EvalError], ["RangeError", RangeError], ["ReferenceError", ReferenceError],
    ["SyntaxError", SyntaxError], ["TypeError", TypeError], ["URIError", URIError],
  ]);

  /** Calls `fn` with `thisArg`; says whether it threw (a brand check through a builtin). */
  function hasSlot(fn, thisArg, args) {
    if (fn === undefined) return false;
    try {
      ReflectApply(fn, thisArg, args);
      return true;
    } catch {
      return false;
    }
  }

  function dataCloneError(message) {
    return new DOMException(message, "DataCloneError");
  }

  /** How a value is named in a DataCloneError message. */
  function describe(value) {
    if (typeof value === "symbol") return ReflectApply(SymbolPrototypeToString, value, []);
    if (typeof value === "function") return `${value.name ? `function ${value.name}` : "function"}`;
    return "#<Object>";
  }

  // ------------------------------------------------------------------ structured clone

  // Serialized records (the HTML Standard's "Records" with a [[Type]]): null-prototype objects with a
  // `type` field. A primitive is its own serialization — the standard's { [[Type]]: "primitive",
  // [[Value]]: value } — which spares an allocation per primitive; records are never primitives.

  /**
   * Serializable platform objects beyond Blob, File and DOMException: later layers register
   * `{ is(value), serialize(value) → fields, deserialize(fields) → value }` under a type name.
   */
  const serializableTypes = [];

  function registerSerializable(type, is, serialize, deserialize) {
    serializableTypes.push({ type, is, serialize, deserialize });
  }

  registerSerializable("Blob", (v) => internals.blob.isBlob(v), internals.blob.serialize, internals.blob.deserialize);
  registerSerializable("DOMException",
    (v) => webidl.isBranded(v, DOMException.prototype),
    internals.serializeDOMException,
    internals.deserializeDOMException);

  /**
   * Transferable platform objects (HTML "transferable objects", e.g. MessagePort): a later layer
   * registers its interface name with `is(value)`, `isDetached(value)` and `setDetached(value)` (the
   * [[Detached]] slot), `transfer(value, dataHolder)` (the transfer steps, which fill dataHolder) and
   * `receive(dataHolder)` (a new instance and the transfer-receiving steps; returns the instance).
   */
  const transferableTypes = [];

  function registerTransferable(type, hooks) {
    transferableTypes.push({ __proto__: null, type, ...hooks });
  }

  function transferablePlatformType(value) {
    for (let i = 0; i < transferableTypes.length; i++) {
      if (transferableTypes[i].is(value)) return transferableTypes[i];
    }
    return undefined;
  }

  // Objects with internal slots that the algorithm does not serialize, found by brand checks that have
  // no side effects, or by their built-in class string where no such check exists.
  const UNSERIALIZABLE_CLASS_STRINGS = new SetCtor([
    "[object Promise]", "[object Generator]", "[object AsyncGenerator]", "[object Map Iterator]",
    "[object Set Iterator]", "[object Array Iterator]", "[object String Iterator]",
    "[object RegExp String Iterator]", "[object Iterator Helper]", "[object Async-from-Sync Iterator]",
  ]);

  function hasUnserializableSlots(value) {
    return hasSlot(SymbolPrototypeValueOf, value, []) ||
      hasSlot(WeakMapPrototypeHas, value, [{}]) ||
      hasSlot(WeakSetPrototypeHas, value, [{}]) ||
      hasSlot(WeakRefPrototypeDeref, value, []) ||
      hasSlot(FinalizationRegistryPrototypeUnregister, value, [{}]) ||
      UNSERIALIZABLE_CLASS_STRINGS.has(ReflectApply(ObjectPrototypeToString, value, []));
  }

  // What ops.globals.objectKind answers (GlobalsOps has the same table): the internal slots the host
  // sees through interop traits. JavaScript brand checks throw on a mismatch, and exceptions are costly,
  // so they run only for objects the host could not place (KIND_OTHER).
  const KIND_OTHER = 0;
  const KIND_ERROR = 1;
  const KIND_PROXY = 2;
  const KIND_BOOLEAN = 3;
  const KIND_NUMBER = 4;
  const KIND_STRING = 5;
  const KIND_DATE = 6;
  const KIND_MAP = 7;
  const KIND_BUFFER = 8;
  const KIND_ARRAY_LIKE = 9;
  const KIND_PLAIN = 10;
  ops.globals.setProxySample(new Proxy({}, {}));

  /**
   * Which step of StructuredSerializeInternal (7-24) applies to an object: a [[Type]]-like name, or
   * "Platform:" cases resolved by the caller. Step numbers refer to the algorithm below.
   */
  function classify(value) {
    // Views first: ArrayBuffer.isView is an exact check that does not throw.
    if (ArrayBufferIsView(value)) return TypedArrayName !== undefined && ReflectApply(TypedArrayName, value, []) !== undefined
      ? "TypedArray" : "DataView";
    switch (ops.globals.objectKind(value)) {
      case KIND_BOOLEAN: return "Boolean";
      case KIND_NUMBER: return "Number";
      case KIND_STRING: return "String";
      case KIND_DATE: return "Date";
      case KIND_MAP: return "Map";
      case KIND_BUFFER: return hasSlot(ArrayBufferByteLength, value, []) ? "ArrayBuffer" : "SharedArrayBuffer";
      case KIND_ERROR: return isPlatformObject(value) ? "Platform" : "Error";
      // IsArray sees through a Proxy to its target (step 18); any other Proxy is refused (step 23).
      case KIND_PROXY: return ArrayIsArray(value) ? "Array" : "Proxy";
      case KIND_ARRAY_LIKE: if (ArrayIsArray(value)) return "Array"; break;
      // An object whose constructor is Object: ordinary, as long as no script moved a built-in object
      // onto Object.prototype (which a host-side check cannot tell apart, and no program does).
      case KIND_PLAIN: return "Object";
    }
    // Everything the host could not place: brand checks through the builtins, in the order of the steps.
    if (hasSlot(BigIntPrototypeValueOf, value, [])) return "BigInt";
    if (isRegExp(value)) return "RegExp";
    if (hasSlot(SetSize, value, [])) return "Set";
    if (isPlatformObject(value)) return "Platform";
    if (hasUnserializableSlots(value)) return "Unserializable";
    return "Object";
  }

  function isPlatformObject(value) {
    return value[webidl.brand] === webidl.brand || serializablePlatformType(value) !== undefined ||
      transferablePlatformType(value) !== undefined;
  }

  // https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal
  function structuredSerializeInternal(value, forStorage, memory) {
    // 1. If memory was not supplied, let memory be an empty map. (Callers pass one.)
    // 4. If value is undefined, null, a Boolean, a Number, a BigInt, or a String, then return
    //    { [[Type]]: "primitive", [[Value]]: value }.
    const t = typeof value;
    if (value === null || (t !== "object" && t !== "function" && t !== "symbol")) return value;
    // 5. If value is a Symbol, then throw a "DataCloneError" DOMException.
    if (t === "symbol") throw dataCloneError(`${describe(value)} could not be cloned.`);
    // 2. If memory[value] exists, then return memory[value].
    const remembered = memory.get(value);
    if (remembered !== undefined) return remembered;
    // 21. If IsCallable(value) is true, then throw a "DataCloneError" DOMException. (Steps 7-20 cannot
    //     match a callable object, so this is checked first.)
    if (t === "function") throw dataCloneError(`${describe(value)} could not be cloned.`);
    // 3. Let deep be false.
    let deep = false;
    // 6. Let serialized be an uninitialized value.
    let serialized;
    let platform;
    switch (classify(value)) {
      case "Boolean":
        // 7. If value has a [[BooleanData]] internal slot, then set serialized to { [[Type]]: "Boolean",
        //    [[BooleanData]]: value.[[BooleanData]] }.
        serialized = record("Boolean", { value: ReflectApply(BooleanPrototypeValueOf, value, []) });
        break;
      case "Number":
        // 8. Otherwise, if value has a [[NumberData]] internal slot, ... "Number".
        serialized = record("Number", { value: ReflectApply(NumberPrototypeValueOf, value, []) });
        break;
      case "BigInt":
        // 9. Otherwise, if value has a [[BigIntData]] internal slot, ... "BigInt".
        serialized = record("BigInt", { value: ReflectApply(BigIntPrototypeValueOf, value, []) });
        break;
      case "String":
        // 10. Otherwise, if value has a [[StringData]] internal slot, ... "String".
        serialized = record("String", { value: ReflectApply(StringPrototypeValueOf, value, []) });
        break;
      case "Date":
        // 11. Otherwise, if value has a [[DateValue]] internal slot, ... "Date".
        serialized = record("Date", { value: ReflectApply(DatePrototypeGetTime, value, []) });
        break;
      case "RegExp": {
        // 12. Otherwise, if value has a [[RegExpMatcher]] internal slot, then set serialized to
        //     { [[Type]]: "RegExp", [[RegExpMatcher]]: value.[[RegExpMatcher]], [[OriginalSource]]:
        //     value.[[OriginalSource]], [[OriginalFlags]]: value.[[OriginalFlags]] }.
        let flags = "";
        for (let i = 0; i < REGEXP_FLAGS.length; i++) {
          if (ReflectApply(REGEXP_FLAGS[i][1], value, [])) flags += REGEXP_FLAGS[i][0];
        }
        serialized = record("RegExp", { source: ReflectApply(RegExpSource, value, []), flags });
        break;
      }
      case "SharedArrayBuffer":
        // 13. Otherwise, if value has an [[ArrayBufferData]] internal slot, then:
        // 13.1. If IsSharedArrayBuffer(value) is true, then: ... deserializing must give a new
        //       SharedArrayBuffer object over the same Shared Data Block, which JavaScript code cannot
        //       create, so this runtime refuses to clone one.
        throw dataCloneError("A SharedArrayBuffer could not be cloned: this runtime cannot share its memory with a new object.");
      case "ArrayBuffer":
        // 13.2. Otherwise: (see serializeArrayBuffer)
        serialized = serializeArrayBuffer(value);
        break;
      case "TypedArray": {
        // 14. Otherwise, if value has a [[ViewedArrayBuffer]] internal slot, then: (typed arrays)
        const buffer = ReflectApply(TypedArrayBuffer, value, []);
        // 14.1. If IsArrayBufferViewOutOfBounds(value) is true, then throw a "DataCloneError" DOMException.
        //       (A view on a detached buffer is out of bounds; so is one a resizable buffer shrank past.)
        if (isDetached(buffer)) throw dataCloneError("A view on a detached ArrayBuffer could not be cloned.");
        if (!hasSlot(TypedArrayKeys, value, [])) {
          throw dataCloneError("A typed array out of bounds of its ArrayBuffer could not be cloned.");
        }
        const constructorName = ReflectApply(TypedArrayName, value, []);
        const byteLength = ReflectApply(TypedArrayByteLength, value, []);
        const byteOffset = ReflectApply(TypedArrayByteOffset, value, []);
        // [[ByteLength]] and [[ArrayLength]] are auto for a length-tracking typed array (read before the
        // buffer is serialized, as finding out resizes the buffer and puts it back).
        const lengthTracking = isLengthTracking(value, buffer, byteOffset, byteLength,
          TYPED_ARRAY_CONSTRUCTORS.get(constructorName).BYTES_PER_ELEMENT, typedArrayInBounds, typedArrayByteLengthOf);
        // 14.2. Let buffer be the value of value's [[ViewedArrayBuffer]] internal slot.
        // 14.3. Let bufferSerialized be ? StructuredSerializeInternal(buffer, forStorage, memory).
        const bufferSerialized = structuredSerializeInternal(buffer, forStorage, memory);
        // 14.6. Otherwise (not a DataView): set serialized to { [[Type]]: "ArrayBufferView", [[Constructor]]:
        //       value.[[TypedArrayName]], [[ArrayBufferSerialized]]: bufferSerialized, [[ByteLength]],
        //       [[ByteOffset]], [[ArrayLength]] }.
        serialized = record("ArrayBufferView", {
          constructorName,
          buffer: bufferSerialized,
          byteLength,
          byteOffset,
          arrayLength: ReflectApply(TypedArrayLength, value, []),
          lengthTracking,
        });
        break;
      }
      case "DataView": {
        // 14. (a DataView)
        const buffer = ReflectApply(DataViewBuffer, value, []);
        // 14.1. If IsArrayBufferViewOutOfBounds(value) is true, then throw a "DataCloneError" DOMException.
        //       (The byteLength getter throws exactly when the view is out of bounds.)
        if (isDetached(buffer) || !hasSlot(DataViewByteLength, value, [])) {
          throw dataCloneError("A DataView out of bounds of its ArrayBuffer could not be cloned.");
        }
        const byteLength = ReflectApply(DataViewByteLength, value, []);
        const byteOffset = ReflectApply(DataViewByteOffset, value, []);
        // [[ByteLength]] is auto for a length-tracking DataView.
        const lengthTracking = isLengthTracking(value, buffer, byteOffset, byteLength, 1, dataViewInBounds,
          dataViewByteLengthOf);
        // 14.3. Let bufferSerialized be ? StructuredSerializeInternal(buffer, forStorage, memory).
        const bufferSerialized = structuredSerializeInternal(buffer, forStorage, memory);
        // 14.5. If value has a [[DataView]] internal slot, then set serialized to { [[Type]]:
        //       "ArrayBufferView", [[Constructor]]: "DataView", [[ArrayBufferSerialized]]: bufferSerialized,
        //       [[ByteLength]]: value.[[ByteLength]], [[ByteOffset]]: value.[[ByteOffset]] }.
        serialized = record("ArrayBufferView", {
          constructorName: "DataView",
          buffer: bufferSerialized,
          byteLength,
          byteOffset,
          lengthTracking,
        });
        break;
      }
      case "Map":
        // 15. Otherwise, if value has [[MapData]] internal slot, then: set serialized to { [[Type]]: "Map",
        //     [[MapData]]: a new empty List } and set deep to true.
        serialized = record("Map", { entries: [] });
        deep = true;
        break;
      case "Set":
        // 16. Otherwise, if value has [[SetData]] internal slot, then: set serialized to { [[Type]]: "Set",
        //     [[SetData]]: a new empty List } and set deep to true.
        serialized = record("Set", { entries: [] });
        deep = true;
        break;
      case "Error":
        // 17. Otherwise, if value has an [[ErrorData]] internal slot and value is not a platform object:
        serialized = serializeError(value);
        deep = serialized.hasCause;
        break;
      case "Array": {
        // 18. Otherwise, if value is an Array exotic object, then:
        // 18.1. Let valueLenDescriptor be ? OrdinaryGetOwnProperty(value, "length").
        // 18.2. Let valueLen be valueLenDescriptor.[[Value]].
        const valueLen = ObjectGetOwnPropertyDescriptor(value, "length").value;
        // 18.3. Set serialized to { [[Type]]: "Array", [[Length]]: valueLen, [[Properties]]: a new empty List }.
        serialized = record("Array", { length: valueLen, properties: [] });
        // 18.4. Set deep to true.
        deep = true;
        break;
      }
      case "Platform":
        platform = serializablePlatformType(value);
        if (platform !== undefined) {
          // 19. Otherwise, if value is a platform object that is a serializable object:
          // 19.1. If value has a [[Detached]] internal slot whose value is true, then throw a "DataCloneError".
          // 19.2. Let typeString be the identifier of the primary interface of value.
          // 19.3. Set serialized to { [[Type]]: typeString }. 19.4. Set deep to true.
          serialized = record(platform.type, {});
          deep = true;
          break;
        }
        // 20. Otherwise, if value is a platform object, then throw a "DataCloneError" DOMException.
        throw dataCloneError(`${platformObjectName(value)} object could not be cloned.`);
      case "Unserializable":
        // 22. Otherwise, if value has any internal slot other than [[Prototype]], [[Extensible]], or
        //     [[PrivateElements]], then throw a "DataCloneError" DOMException.
        throw dataCloneError(`${ReflectApply(ObjectPrototypeToString, value, [])} could not be cloned.`);
      case "Proxy":
        // 23. Otherwise, if value is an exotic object and value is not the %Object.prototype% intrinsic
        //     object associated with any realm, then throw a "DataCloneError" DOMException.
        throw dataCloneError("A Proxy could not be cloned.");
      default:
        // 24. Otherwise: set serialized to { [[Type]]: "Object", [[Properties]]: a new empty List }, and
        //     set deep to true.
        serialized = record("Object", { properties: [] });
        deep = true;
        break;
    }
    // 25. Set memory[value] to serialized.
    memory.set(value, serialized);
    // 26. If deep is true, then:
    if (deep) {
      switch (serialized.type) {
        case "Map": {
          // 26.1. If value has a [[MapData]] internal slot, then:
          // 26.1.1. Let copiedList be a new empty List.
          const copiedList = [];
          // 26.1.2. For each Record { [[Key]], [[Value]] } entry of value.[[MapData]]: if entry.[[Key]] is
          //         not the special value empty, append a new Record { [[Key]], [[Value]] } to copiedList.
          ReflectApply(MapPrototypeForEach, value, [(v, k) => { copiedList.push(k, v); }]);
          // 26.1.3. For each Record { [[Key]], [[Value]] } entry of copiedList:
          for (let i = 0; i < copiedList.length; i += 2) {
            // 26.1.3.1. Let serializedKey be ? StructuredSerializeInternal(entry.[[Key]], forStorage, memory).
            const serializedKey = structuredSerializeInternal(copiedList[i], forStorage, memory);
            // 26.1.3.2. Let serializedValue be ? StructuredSerializeInternal(entry.[[Value]], forStorage, memory).
            const serializedValue = structuredSerializeInternal(copiedList[i + 1], forStorage, memory);
            // 26.1.3.3. Append { [[Key]]: serializedKey, [[Value]]: serializedValue } to serialized.[[MapData]].
            serialized.entries.push(serializedKey, serializedValue);
          }
          break;
        }
        case "Set": {
          // 26.2. Otherwise, if value has a [[SetData]] internal slot, then:
          // 26.2.1. Let copiedList be a new empty List.
          const copiedList = [];
          // 26.2.2. For each entry of value.[[SetData]]: if entry is not empty, append entry to copiedList.
          ReflectApply(SetPrototypeForEach, value, [(v) => { copiedList.push(v); }]);
          // 26.2.3. For each entry of copiedList: let serializedEntry be ? StructuredSerializeInternal(entry,
          //         forStorage, memory) and append it to serialized.[[SetData]].
          for (let i = 0; i < copiedList.length; i++) {
            serialized.entries.push(structuredSerializeInternal(copiedList[i], forStorage, memory));
          }
          break;
        }
        case "Error":
          // The cause of an error (not in the HTML Standard; browsers carry it like the stack).
          serialized.cause = structuredSerializeInternal(serialized.cause, forStorage, memory);
          break;
        case "Array":
        case "Object": {
          // 26.4. Otherwise, for each key in ! EnumerableOwnProperties(value, key):
          const keys = ObjectKeys(value);
          for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            // 26.4.1. If ! HasOwnProperty(value, key) is true, then:
            if (ReflectApply(ObjectPrototypeHasOwnProperty, value, [key])) {
              // 26.4.1.1. Let inputValue be ? value.[[Get]](key, value).
              const inputValue = value[key];
              // 26.4.1.2. Let outputValue be ? StructuredSerializeInternal(inputValue, forStorage, memory).
              const outputValue = structuredSerializeInternal(inputValue, forStorage, memory);
              // 26.4.1.3. Append { [[Key]]: key, [[Value]]: outputValue } to serialized.[[Properties]].
              serialized.properties.push(key, outputValue);
            }
          }
          break;
        }
        default: {
          // 26.3. Otherwise, if value is a platform object that is a serializable object, then perform the
          //       serialization steps for value's primary interface, given value, serialized, forStorage.
          serialized.fields = platform.serialize(value, forStorage, memory);
          break;
        }
      }
    }
    // 27. Return serialized.
    return serialized;
  }

  function record(type, fields) {
    fields.__proto__ = null;
    fields.type = type;
    return fields;
  }

  function isRegExp(value) {
    // [[OriginalSource]] is what the source getter reads; it answers "(?:)" for %RegExp.prototype%,
    // which is an ordinary object.
    return value !== RegExpCtor.prototype && hasSlot(RegExpSource, value, []);
  }

  function isDetached(buffer) {
    if (ArrayBufferDetached !== undefined) {
      try {
        return ReflectApply(ArrayBufferDetached, buffer, []);
      } catch {
        return false; // a SharedArrayBuffer is never detached
      }
    }
    return false;
  }

  function serializablePlatformType(value) {
    for (let i = 0; i < serializableTypes.length; i++) {
      if (serializableTypes[i].is(value)) return serializableTypes[i];
    }
    return undefined;
  }

  function platformObjectName(value) {
    const tag = ReflectApply(ObjectPrototypeToString, value, []);
    return tag.slice(8, -1);
  }

  /**
   * Whether a view's [[ByteLength]] (and a typed array's [[ArrayLength]]) is auto: the view was made
   * without a length over a resizable ArrayBuffer and follows the buffer's length. No builtin reads that
   * slot, so the buffer is resized and put back, with no script running in between:
   * - with room to grow by one element, a length-tracking view grows with it and a fixed one does not;
   * - otherwise the buffer shrinks to one byte short of the view's end, which puts a fixed-length view
   *   out of bounds but not a length-tracking one; the bytes the shrink drops are written back.
   * `inBounds(view)` says whether the view is in bounds; `byteLengthOf(view)` is its byte length.
   */
  function isLengthTracking(view, buffer, byteOffset, byteLength, elementSize, inBounds, byteLengthOf) {
    if (ArrayBufferPrototypeResize === undefined || !ReflectApply(ArrayBufferResizable, buffer, [])) return false;
    const length = ReflectApply(ArrayBufferByteLength, buffer, []);
    // A length-tracking view ends less than one element before the end of its buffer.
    if (length - (byteOffset + byteLength) >= elementSize) return false;
    const maxLength = ReflectApply(ArrayBufferMaxByteLength, buffer, []);
    if (length + elementSize <= maxLength) {
      ReflectApply(ArrayBufferPrototypeResize, buffer, [length + elementSize]);
      const tracking = byteLengthOf(view) !== byteLength;
      ReflectApply(ArrayBufferPrototypeResize, buffer, [length]);
      return tracking;
    }
    // A view of no bytes at the end of a buffer that cannot grow: both kinds stay empty until the
    // buffer shrinks and grows again; it is cloned as a fixed-length view.
    if (byteLength === 0) return false;
    const shrunk = byteOffset + byteLength - 1;
    const dropped = new Uint8ArrayCtor(length - shrunk);
    ReflectApply(TypedArraySet, dropped, [new Uint8ArrayCtor(buffer, shrunk, length - shrunk)]);
    ReflectApply(ArrayBufferPrototypeResize, buffer, [shrunk]);
    const tracking = inBounds(view);
    ReflectApply(ArrayBufferPrototypeResize, buffer, [length]);
    ReflectApply(TypedArraySet, new Uint8ArrayCtor(buffer, shrunk, length - shrunk), [dropped]);
    return tracking;
  }

  const typedArrayInBounds = (view) => hasSlot(TypedArrayKeys, view, []);
  const typedArrayByteLengthOf = (view) => ReflectApply(TypedArrayByteLength, view, []);
  const dataViewInBounds = (view) => hasSlot(DataViewByteLength, view, []);
  const dataViewByteLengthOf = (view) => ReflectApply(DataViewByteLength, view, []);

  // Step 13.2 of StructuredSerializeInternal: an ArrayBuffer that is not shared.
  function serializeArrayBuffer(value) {
    // 13.2.1. If IsDetachedBuffer(value) is true, then throw a "DataCloneError" DOMException.
    if (isDetached(value)) throw dataCloneError("A detached ArrayBuffer could not be cloned.");
    // 13.2.2. Let size be value.[[ArrayBufferByteLength]].
    const size = ReflectApply(ArrayBufferByteLength, value, []);
    const resizable = ArrayBufferResizable !== undefined && ReflectApply(ArrayBufferResizable, value, []);
    // 13.2.3. Let dataCopy be ? CreateByteDataBlock(size). (This can throw a RangeError.)
    // 13.2.4. Perform CopyDataBlockBytes(dataCopy, 0, value.[[ArrayBufferData]], 0, size).
    //         The copy is the ArrayBuffer deserialization will return: the data is copied once.
    const dataCopy = resizable
      ? new ArrayBufferCtor(size, { maxByteLength: ReflectApply(ArrayBufferMaxByteLength, value, []) })
      : new ArrayBufferCtor(size);
    if (size > 0) ReflectApply(TypedArraySet, new Uint8ArrayCtor(dataCopy), [new Uint8ArrayCtor(value, 0, size)]);
    // 13.2.5. If value has an [[ArrayBufferMaxByteLength]] internal slot, then set serialized to
    //         { [[Type]]: "ResizableArrayBuffer", [[ArrayBufferData]]: dataCopy, [[ArrayBufferByteLength]]: size,
    //         [[ArrayBufferMaxByteLength]]: value.[[ArrayBufferMaxByteLength]] }.
    // 13.2.6. Otherwise, set serialized to { [[Type]]: "ArrayBuffer", [[ArrayBufferData]]: dataCopy,
    //         [[ArrayBufferByteLength]]: size }.
    return record("ArrayBuffer", { buffer: dataCopy });
  }

  // Step 17 of StructuredSerializeInternal.
  function serializeError(value) {
    // 17.1. Let name be ? Get(value, "name").
    let name = value.name;
    // 17.2. If name is not one of "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError",
    //       "TypeError", or "URIError", then set name to "Error".
    if (typeof name !== "string" || !ERROR_CONSTRUCTORS.has(name)) name = "Error";
    // 17.3. Let valueMessageDesc be ? value.[[GetOwnProperty]]("message").
    const valueMessageDesc = ObjectGetOwnPropertyDescriptor(value, "message");
    // 17.4. Let message be undefined.
    let message;
    // 17.5. If IsDataDescriptor(valueMessageDesc) is true, then set message to ? ToString(valueMessageDesc.[[Value]]).
    if (valueMessageDesc !== undefined && "value" in valueMessageDesc) message = `${valueMessageDesc.value}`;
    // 17.6. Set serialized to { [[Type]]: "Error", [[Name]]: name, [[Message]]: message }.
    // 17.7. User agents should attach a serialized representation of any interesting accompanying data
    //       which are not yet specified, notably the stack property, to serialized: the stack (a string
    //       own data property) and the cause (an own data property, serialized deeply).
    const stackDesc = ObjectGetOwnPropertyDescriptor(value, "stack");
    const stack = stackDesc !== undefined && typeof stackDesc.value === "string" ? stackDesc.value : undefined;
    const causeDesc = ObjectGetOwnPropertyDescriptor(value, "cause");
    const hasCause = causeDesc !== undefined && "value" in causeDesc;
    return record("Error", { name, message, stack, hasCause, cause: hasCause ? causeDesc.value : undefined });
  }

  // https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize
  function structuredDeserialize(serialized, memory) {
    // 3. If serialized.[[Type]] is "primitive", then set value to serialized.[[Value]].
    if (typeof serialized !== "object" || serialized === null) return serialized;
    // 1. If memory was not supplied, let memory be an empty map. (Callers pass one.)
    // 2. If memory[serialized] exists, then return memory[serialized].
    const remembered = memory.get(serialized);
    if (remembered !== undefined) return remembered;
    // 3. Let deep be false.
    let deep = false;
    // 4. Let value be an uninitialized value.
    let value;
    switch (serialized.type) {
      // 6-9. "Boolean", "Number", "BigInt", "String": a new wrapper object in targetRealm.
      case "Boolean":
      case "Number":
      case "BigInt":
      case "String":
        value = ObjectCtor(serialized.value);
        break;
      // 10. "Date": a new Date object in targetRealm whose [[DateValue]] is serialized.[[DateValue]].
      case "Date":
        value = new DateCtor(serialized.value);
        break;
      // 11. "RegExp": a new RegExp object whose [[RegExpMatcher]], [[OriginalSource]] and [[OriginalFlags]]
      //     are serialized's.
      case "RegExp":
        value = new RegExpCtor(serialized.source, serialized.flags);
        break;
      // 12-15. "ArrayBuffer" / "ResizableArrayBuffer": a new ArrayBuffer whose data is the data copy made
      //        at serialization (or the transferred buffer).
      case "ArrayBuffer":
      case "Transferred":
        value = serialized.buffer;
        break;
      // 16. "ArrayBufferView":
      case "ArrayBufferView": {
        // 16.1. Let deserializedArrayBuffer be ? StructuredDeserialize(serialized.[[ArrayBufferSerialized]],
        //       targetRealm, memory).
        const buffer = structuredDeserialize(serialized.buffer, memory);
        // 16.2. If serialized.[[Constructor]] is "DataView", then set value to a new DataView object in
        //       targetRealm whose [[ViewedArrayBuffer]] is deserializedArrayBuffer, [[ByteLength]] is
        //       serialized.[[ByteLength]], and [[ByteOffset]] is serialized.[[ByteOffset]].
        //       (A [[ByteLength]] of auto is a DataView made without a length.)
        if (serialized.constructorName === "DataView") {
          value = serialized.lengthTracking
            ? new DataViewCtor(buffer, serialized.byteOffset)
            : new DataViewCtor(buffer, serialized.byteOffset, serialized.byteLength);
        } else {
          // 16.3. Otherwise, set value to a new typed array object in targetRealm, using the constructor
          //       given by serialized.[[Constructor]], whose [[ViewedArrayBuffer]] is deserializedArrayBuffer,
          //       [[TypedArrayName]] is serialized.[[Constructor]], [[ByteLength]], [[ByteOffset]] and
          //       [[ArrayLength]] are serialized's.
          //       (An [[ArrayLength]] of auto is a typed array made without a length.)
          const TypedArray = TYPED_ARRAY_CONSTRUCTORS.get(serialized.constructorName);
          value = serialized.lengthTracking
            ? new TypedArray(buffer, serialized.byteOffset)
            : new TypedArray(buffer, serialized.byteOffset, serialized.arrayLength);
        }
        break;
      }
      // 17. "Map": a new Map object in targetRealm whose [[MapData]] is a new empty List; deep is true.
      case "Map":
        value = new MapCtor();
        deep = true;
        break;
      // 18. "Set": a new Set object whose [[SetData]] is a new empty List; deep is true.
      case "Set":
        value = new SetCtor();
        deep = true;
        break;
      // 19. "Array": 19.1. Let outputProto be targetRealm.[[Intrinsics]].[[%Array.prototype%]].
      //     19.2. Set value to ! ArrayCreate(serialized.[[Length]], outputProto). 19.3. Set deep to true.
      case "Array":
        value = [];
        value.length = serialized.length;
        deep = true;
        break;
      // 20. "Object": a new Object in targetRealm; deep is true.
      case "Object":
        value = {};
        deep = true;
        break;
      // 21. "Error":
      case "Error":
        value = deserializeError(serialized);
        deep = serialized.hasCause;
        break;
      default: {
        // 22. Otherwise: 22.1. Let interfaceName be serialized.[[Type]].
        // 22.2. If the interface identified by interfaceName is not exposed in targetRealm, then throw a
        //       "DataCloneError" DOMException.
        // 22.3. Set value to a new instance of the interface identified by interfaceName, created in
        //       targetRealm. 22.4. Set deep to true.
        deep = true;
        break;
      }
    }
    // 23. Set memory[serialized] to value.
    if (value !== undefined) memory.set(serialized, value);
    // 24. If deep is true, then:
    if (deep) {
      switch (serialized.type) {
        case "Map": {
          // 24.1. If serialized.[[Type]] is "Map", then for each Record { [[Key]], [[Value]] } entry of
          //       serialized.[[MapData]]: let deserializedKey be ? StructuredDeserialize(entry.[[Key]], ...),
          //       deserializedValue likewise, and append { deserializedKey, deserializedValue } to value.[[MapData]].
          const entries = serialized.entries;
          for (let i = 0; i < entries.length; i += 2) {
            const k = structuredDeserialize(entries[i], memory);
            const v = structuredDeserialize(entries[i + 1], memory);
            ReflectApply(MapPrototypeSet, value, [k, v]);
          }
          break;
        }
        case "Set": {
          // 24.2. Otherwise, if serialized.[[Type]] is "Set", then for each entry of serialized.[[SetData]]:
          //       let deserializedEntry be ? StructuredDeserialize(entry, targetRealm, memory) and append it
          //       to value.[[SetData]].
          const entries = serialized.entries;
          for (let i = 0; i < entries.length; i++) {
            ReflectApply(SetPrototypeAdd, value, [structuredDeserialize(entries[i], memory)]);
          }
          break;
        }
        case "Error":
          defineHidden(value, "cause", structuredDeserialize(serialized.cause, memory));
          break;
        case "Array":
        case "Object": {
          // 24.3. Otherwise, if serialized.[[Type]] is "Array" or "Object", then for each Record { [[Key]],
          //       [[Value]] } entry of serialized.[[Properties]]:
          const properties = serialized.properties;
          for (let i = 0; i < properties.length; i += 2) {
            // 24.3.1. Let deserializedValue be ? StructuredDeserialize(entry.[[Value]], targetRealm, memory).
            const deserializedValue = structuredDeserialize(properties[i + 1], memory);
            // 24.3.2. Let result be ! CreateDataProperty(value, entry.[[Key]], deserializedValue).
            ObjectDefineProperty(value, properties[i], {
              __proto__: null, value: deserializedValue, writable: true, enumerable: true, configurable: true,
            });
          }
          break;
        }
        default: {
          // 24.4. Otherwise: perform the appropriate deserialization steps for the interface identified by
          //       serialized.[[Type]], given serialized, value, and targetRealm.
          const platform = serializableTypes.find((entry) => entry.type === serialized.type);
          if (platform === undefined) throw dataCloneError(`${serialized.type} objects cannot be deserialized.`);
          value = platform.deserialize(serialized.fields, memory);
          memory.set(serialized, value);
          break;
        }
      }
    }
    // 25. Return value.
    return value;
  }

  function defineHidden(object, key, value) {
    ObjectDefineProperty(object, key, {
      __proto__: null, value, writable: true, enumerable: false, configurable: true,
    });
  }

  // Step 21 of StructuredDeserialize.
  function deserializeError(serialized) {
    // 21.1. Let prototype be %Error.prototype%; 21.2-21.7. if serialized.[[Name]] is "EvalError",
    //       "RangeError", "ReferenceError", "SyntaxError", "TypeError" or "URIError", that error's prototype.
    const ErrorCtor = ERROR_CONSTRUCTORS.get(serialized.name);
    // 21.8. Let message be serialized.[[Message]].
    // 21.9. Set value to OrdinaryObjectCreate(prototype, « [[ErrorData]] »): the constructor makes an
    //       object with [[ErrorData]], and its own stack is replaced or removed below.
    const value = new ErrorCtor();
    delete value.stack;
    // 21.10. Let messageDesc be PropertyDescriptor{ [[Value]]: message, [[Writable]]: true,
    //        [[Enumerable]]: false, [[Configurable]]: true }.
    // 21.11. If message is not undefined, then perform ! OrdinaryDefineOwnProperty(value, "message", messageDesc).
    if (serialized.message !== undefined) defineHidden(value, "message", serialized.message);
    // 21.12. Any interesting accompanying data attached to serialized should be deserialized and attached to value.
    if (serialized.stack !== undefined) defineHidden(value, "stack", serialized.stack);
    return value;
  }

  // https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializewithtransfer
  function structuredSerializeWithTransfer(value, transferList) {
    // 1. Let memory be an empty map.
    const memory = new MapCtor();
    // The interface of each transferable platform object of transferList (undefined for a buffer).
    const platforms = [];
    // 2. For each transferable of transferList:
    for (let i = 0; i < transferList.length; i++) {
      const transferable = transferList[i];
      const isBuffer = hasSlot(ArrayBufferByteLength, transferable, []);
      const isShared = hasSlot(SharedArrayBufferByteLength, transferable, []);
      const platform = isBuffer || isShared ? undefined : transferablePlatformType(transferable);
      // 2.1. If transferable has neither an [[ArrayBufferData]] internal slot nor a [[Detached]] internal
      //      slot, then throw a "DataCloneError" DOMException.
      if (!isBuffer && !isShared && platform === undefined) {
        throw dataCloneError("Value at index " + i + " of the transfer list is not transferable.");
      }
      // 2.2. If transferable has an [[ArrayBufferData]] internal slot and IsSharedArrayBuffer(transferable)
      //      is true, then throw a "DataCloneError" DOMException.
      if (isShared) throw dataCloneError("A SharedArrayBuffer cannot be transferred.");
      // 2.3. If memory[transferable] exists, then throw a "DataCloneError" DOMException.
      if (memory.has(transferable)) throw dataCloneError("A value is listed in the transfer list more than once.");
      // 2.4. Set memory[transferable] to { [[Type]]: an uninitialized value }.
      memory.set(transferable, platform === undefined
        ? record("Transferred", { buffer: undefined })
        : record("TransferredPlatformObject", { interfaceName: undefined }));
      platforms.push(platform);
    }
    // 3. Let serialized be ? StructuredSerializeInternal(value, false, memory).
    const serialized = structuredSerializeInternal(value, false, memory);
    // 4. Let transferDataHolders be a new empty List.
    const transferDataHolders = [];
    // 5. For each transferable of transferList:
    for (let i = 0; i < transferList.length; i++) {
      const transferable = transferList[i];
      const platform = platforms[i];
      // 5.1. If transferable has an [[ArrayBufferData]] internal slot and IsDetachedBuffer(transferable) is
      //      true, then throw a "DataCloneError" DOMException.
      if (platform === undefined && isDetached(transferable)) {
        throw dataCloneError("A detached ArrayBuffer cannot be transferred.");
      }
      // 5.2. If transferable has a [[Detached]] internal slot and transferable.[[Detached]] is true, then
      //      throw a "DataCloneError" DOMException.
      if (platform !== undefined && platform.isDetached(transferable)) {
        throw dataCloneError(`A detached ${platform.type} cannot be transferred.`);
      }
      // 5.3. Let dataHolder be memory[transferable].
      const dataHolder = memory.get(transferable);
      if (platform === undefined) {
        // 5.4. If transferable has an [[ArrayBufferData]] internal slot, then:
        // 5.4.1-5.4.2. Set dataHolder's [[ArrayBufferData]], [[ArrayBufferByteLength]] (and, for a resizable
        //      buffer, [[ArrayBufferMaxByteLength]]) to transferable's.
        // 5.4.3. Perform ? DetachArrayBuffer(transferable). ArrayBuffer.prototype.transfer moves the data
        //      block to a new ArrayBuffer (keeping resizability) and detaches transferable in one step; a
        //      buffer that cannot be detached (one wrapping host memory) throws a TypeError, as
        //      DetachArrayBuffer does for a buffer with a detach key.
        dataHolder.buffer = ReflectApply(ArrayBufferPrototypeTransfer, transferable, []);
      } else {
        // 5.5. Otherwise:
        // 5.5.1. Assert: transferable is a platform object that is a transferable object.
        // 5.5.2. Let interfaceName be the identifier of the primary interface of transferable.
        // 5.5.3. Set dataHolder.[[Type]] to interfaceName.
        dataHolder.interfaceName = platform.type;
        // 5.5.4. Perform the appropriate transfer steps for the interface identified by interfaceName,
        //        given transferable and dataHolder.
        platform.transfer(transferable, dataHolder);
        // 5.5.5. Set transferable.[[Detached]] to true.
        platform.setDetached(transferable);
      }
      // 5.6. Append dataHolder to transferDataHolders.
      transferDataHolders.push(dataHolder);
    }
    // 6. Return { [[Serialized]]: serialized, [[TransferDataHolders]]: transferDataHolders }.
    return { __proto__: null, serialized, transferDataHolders };
  }

  // https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserializewithtransfer
  function structuredDeserializeWithTransfer(serializeWithTransferResult) {
    // 1. Let memory be an empty map.
    const memory = new MapCtor();
    // 2. Let transferredValues be a new empty List.
    const transferredValues = [];
    // 3. For each transferDataHolder of serializeWithTransferResult.[[TransferDataHolders]]:
    const holders = serializeWithTransferResult.transferDataHolders;
    for (let i = 0; i < holders.length; i++) {
      const holder = holders[i];
      // 3.1. Let value be an uninitialized value.
      let value;
      if (holder.type === "Transferred") {
        // 3.2. If transferDataHolder.[[Type]] is "ArrayBuffer" (or "ResizableArrayBuffer"), then set value to
        //      a new ArrayBuffer whose data is transferDataHolder's.
        value = holder.buffer;
      } else {
        // 3.3. Otherwise:
        // 3.3.1. Let interfaceName be transferDataHolder.[[Type]].
        // 3.3.2. If the interface identified by interfaceName is not exposed in targetRealm, then throw a
        //        "DataCloneError" DOMException. (Every registered interface is exposed in this realm.)
        const platform = transferableTypes.find((entry) => entry.type === holder.interfaceName);
        if (platform === undefined) throw dataCloneError(`${holder.interfaceName} is not exposed here.`);
        // 3.3.3. Set value to a new instance of the interface identified by interfaceName, created in
        //        targetRealm.
        // 3.3.4. Perform the appropriate transfer-receiving steps for the interface identified by
        //        interfaceName given transferDataHolder and value.
        value = platform.receive(holder);
      }
      // 3.4. Set memory[transferDataHolder] to value.
      memory.set(holder, value);
      // 3.5. Append value to transferredValues.
      transferredValues.push(value);
    }
    // 4. Let deserialized be ? StructuredDeserialize(serializeWithTransferResult.[[Serialized]], targetRealm, memory).
    const deserialized = structuredDeserialize(serializeWithTransferResult.serialized, memory);
    // 5. Return { [[Deserialized]]: deserialized, [[TransferredValues]]: transferredValues }.
    return { __proto__: null, deserialized, transferredValues };
  }

  const convertStructuredSerializeOptions = webidl.createDictionaryConverter("StructuredSerializeOptions", [
    { key: "transfer", converter: converters["sequence<object>"], defaultValue: [] },
  ]);

  // https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone
  function structuredClone(value, options = undefined) {
    // Operation of the global object: this must be the global (or null/undefined).
    webidl.assertGlobalReceiver(this);
    const prefix = "Failed to execute 'structuredClone' on 'Window'";
    webidl.requiredArguments(arguments.length, 1, prefix);
    options = convertStructuredSerializeOptions(options, prefix, "Argument 2");
    // 1. Let serialized be ? StructuredSerializeWithTransfer(value, options["transfer"]).
    const serialized = structuredSerializeWithTransfer(value, options.transfer);
    // 2. Let deserializeRecord be ? StructuredDeserializeWithTransfer(serialized, this's relevant realm).
    // 3. Return deserializeRecord.[[Deserialized]].
    return structuredDeserializeWithTransfer(serialized).deserialized;
  }

  /** StructuredSerialize + StructuredDeserialize in this realm (e.g. PerformanceMark's detail). */
  function cloneValue(value) {
    return structuredDeserialize(structuredSerializeInternal(value, false, new MapCtor()), new MapCtor());
  }

  // ------------------------------------------------------------------ crypto

  const cryptoOps = ops.crypto;
  // The Java pool of fresh random bytes, shared (no copy) for the life of the runtime.
  const randomPool = new Uint8ArrayCtor(new ArrayBufferCtor(cryptoOps.pool()));
  const INTEGER_ARRAY_TYPES = new SetCtor([
    "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
    "BigInt64Array", "BigUint64Array",
  ]);
  const kCreate = Symbol("create");

  // https://w3c.github.io/webcrypto/#crypto-interface
  class Crypto {
    constructor(key = undefined) {
      if (key !== kCreate) webidl.illegalConstructor();
      this[webidl.brand] = webidl.brand;
    }

    // https://w3c.github.io/webcrypto/#Crypto-method-getRandomValues
    getRandomValues(array) {
      webidl.assertBranded(this, CryptoPrototype);
      const prefix = "Failed to execute 'getRandomValues' on 'Crypto'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      array = converters.ArrayBufferView(array, prefix, "Argument 1");
      // 1. If array is not an Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
      //    Int32Array, Uint32Array, BigInt64Array, or BigUint64Array, then throw a TypeMismatchError and
      //    terminate the algorithm.
      const name = ReflectApply(TypedArrayName, array, []);
      if (!INTEGER_ARRAY_TYPES.has(name)) {
        throw new DOMException(
          `${prefix}: The provided ArrayBufferView is of type '${name ?? "DataView"}', which is not an integer array type.`,
          "TypeMismatchError");
      }
      // 2. Let byteLength be array's byte length.
      const byteLength = ReflectApply(TypedArrayByteLength, array, []);
      // 3. If byteLength is greater than 65536, throw a QuotaExceededError and terminate the algorithm.
      if (byteLength > 65536) {
        const message = `${prefix}: The ArrayBufferView's byte length (${byteLength}) exceeds the number of bytes of entropy available via this API (65536).`;
        throw internals.QuotaExceededError !== undefined
          ? new internals.QuotaExceededError(message)
          : new DOMException(message, "QuotaExceededError");
      }
      // 4. Let randomBytes be an array of byteLength random bytes generated by a cryptographically secure
      //    pseudo-random number generator (a SecureRandom; fresh bytes of the Java pool).
      // 5. Overwrite array's data with randomBytes.
      if (byteLength > 0) {
        const offset = cryptoOps.take(byteLength);
        const target = new Uint8ArrayCtor(ReflectApply(TypedArrayBuffer, array, []),
          ReflectApply(TypedArrayByteOffset, array, []), byteLength);
        ReflectApply(TypedArraySet, target, [ReflectApply(TypedArraySubarray, randomPool, [offset, offset + byteLength])]);
      }
      // 6. Return array.
      return array;
    }

    // https://w3c.github.io/webcrypto/#Crypto-method-randomUUID
    randomUUID() {
      webidl.assertBranded(this, CryptoPrototype);
      // The steps to generate a random UUID run on the Java side, from the same CSPRNG.
      return cryptoOps.randomUUID();
    }
  }
  const CryptoPrototype = Crypto.prototype;
  webidl.configureInterface(Crypto);
  const crypto = new Crypto(kCreate);

  // ------------------------------------------------------------------ performance

  // https://w3c.github.io/hr-time/#dfn-coarsen-time: this runtime's single agent holds no cross-origin
  // content, so it uses the cross-origin isolated resolution of 5 microseconds.
  const TIME_RESOLUTION_MS = 0.005;
  const runtimeOps = ops.runtime;

  function coarsen(time) {
    return MathFloor(time / TIME_RESOLUTION_MS) * TIME_RESOLUTION_MS;
  }

  // https://w3c.github.io/hr-time/#dfn-current-high-resolution-time
  function currentHighResolutionTime() {
    return coarsen(runtimeOps.now());
  }

  // https://w3c.github.io/performance-timeline/#the-performanceentry-interface
  class PerformanceEntry {
    #name;
    #entryType;
    #startTime;
    #duration;

    constructor(key = undefined, name, entryType, startTime, duration) {
      if (key !== kCreate) webidl.illegalConstructor();
      this[webidl.brand] = webidl.brand;
      this.#name = name;
      this.#entryType = entryType;
      this.#startTime = startTime;
      this.#duration = duration;
    }

    get name() {
      webidl.assertBranded(this, PerformanceEntryPrototype);
      return this.#name;
    }

    get entryType() {
      webidl.assertBranded(this, PerformanceEntryPrototype);
      return this.#entryType;
    }

    get startTime() {
      webidl.assertBranded(this, PerformanceEntryPrototype);
      return this.#startTime;
    }

    get duration() {
      webidl.assertBranded(this, PerformanceEntryPrototype);
      return this.#duration;
    }

    // [Default] object toJSON(): https://webidl.spec.whatwg.org/#default-tojson-steps
    toJSON() {
      webidl.assertBranded(this, PerformanceEntryPrototype);
      return { name: this.#name, entryType: this.#entryType, startTime: this.#startTime, duration: this.#duration };
    }
  }
  const PerformanceEntryPrototype = PerformanceEntry.prototype;

  const convertPerformanceMarkOptions = webidl.createDictionaryConverter("PerformanceMarkOptions", [
    { key: "detail", converter: converters.any },
    { key: "startTime", converter: converters.DOMHighResTimeStamp },
  ]);

  // (DOMString or DOMHighResTimeStamp): https://webidl.spec.whatwg.org/#js-union
  function convertStringOrTimeStamp(V, prefix, context) {
    // 11. If V is a Number, then if types includes a numeric type, return the result of converting V to it.
    if (typeof V === "number") return converters.DOMHighResTimeStamp(V, prefix, context);
    // 13. If types includes a string type, then return the result of converting V to that type.
    return converters.DOMString(V, prefix, context);
  }

  const convertPerformanceMeasureOptions = webidl.createDictionaryConverter("PerformanceMeasureOptions", [
    { key: "detail", converter: converters.any },
    { key: "start", converter: convertStringOrTimeStamp },
    { key: "duration", converter: converters.DOMHighResTimeStamp },
    { key: "end", converter: convertStringOrTimeStamp },
  ]);

  let markDetail;
  let createMark;

  // https://w3c.github.io/user-timing/#performancemark
  class PerformanceMark extends PerformanceEntry {
    #detail;

    // https://w3c.github.io/user-timing/#the-performancemark-constructor
    constructor(markName, markOptions = undefined) {
      const prefix = "Failed to construct 'PerformanceMark'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      markName = converters.DOMString(markName, prefix, "Argument 1");
      markOptions = convertPerformanceMarkOptions(markOptions, prefix, "Argument 2");
      // 1. If the current global object is a Window object and markName uses the same name as a read only
      //    attribute in the PerformanceTiming interface, throw a SyntaxError. (This runtime has no
      //    PerformanceTiming interface, so no name is reserved.)
      // 4. If markOptions's startTime member is present, then:
      let startTime;
      if (markOptions.startTime !== undefined) {
        // 4.1. If markOptions's startTime is negative, throw a TypeError.
        if (markOptions.startTime < 0) throw new TypeError(`${prefix}: 'startTime' cannot be negative.`);
        // 4.2. Otherwise, set entry's startTime attribute to the value of markOptions's startTime.
        startTime = markOptions.startTime;
      } else {
        // 5. Otherwise, set it to the value that would be returned by the Performance object's now() method.
        startTime = currentHighResolutionTime();
      }
      // 2. Set entry's name attribute to markName. 3. Set entry's entryType attribute to DOMString "mark".
      // 6. Set entry's duration attribute to 0.
      super(kCreate, markName, "mark", startTime, 0);
      // 7. If markOptions's detail is null, set entry's detail to null.
      // 8. Otherwise: let record be the result of calling the StructuredSerialize algorithm on
      //    markOptions's detail, and set entry's detail to the result of StructuredDeserialize on record
      //    in the current realm. (An absent detail is null as well.)
      const detail = markOptions.detail;
      this.#detail = detail === undefined || detail === null ? null : cloneValue(detail);
    }

    static {
      markDetail = (mark) => mark.#detail;
    }

    // https://w3c.github.io/user-timing/#dom-performancemark-detail
    get detail() {
      webidl.assertBranded(this, PerformanceMarkPrototype);
      return this.#detail;
    }
  }
  const PerformanceMarkPrototype = PerformanceMark.prototype;
  createMark = (name, options) => new PerformanceMark(name, options);

  // https://w3c.github.io/user-timing/#performancemeasure
  class PerformanceMeasure extends PerformanceEntry {
    #detail;

    constructor(key = undefined, name, startTime, duration, detail) {
      if (key !== kCreate) webidl.illegalConstructor();
      super(kCreate, name, "measure", startTime, duration);
      this.#detail = detail;
    }

    // https://w3c.github.io/user-timing/#dom-performancemeasure-detail
    get detail() {
      webidl.assertBranded(this, PerformanceMeasurePrototype);
      return this.#detail;
    }
  }
  const PerformanceMeasurePrototype = PerformanceMeasure.prototype;

  // https://w3c.github.io/performance-timeline/#dfn-performance-entry-buffer (marks and measures)
  const entryBuffer = [];

  function byStartTime(a, b) {
    return a.startTime - b.startTime;
  }

  // https://w3c.github.io/performance-timeline/#filter-buffer-map-by-name-and-type
  function filterEntries(name, type) {
    const result = [];
    for (let i = 0; i < entryBuffer.length; i++) {
      const entry = entryBuffer[i];
      if (type !== undefined && entry.entryType !== type) continue;
      if (name !== undefined && entry.name !== name) continue;
      result.push(entry);
    }
    // Sorted in chronological order with respect to startTime (Array.prototype.sort is stable).
    return ReflectApply(ArrayPrototypeSort, result, [byStartTime]);
  }

  function removeEntries(type, name) {
    for (let i = entryBuffer.length - 1; i >= 0; i--) {
      const entry = entryBuffer[i];
      if (entry.entryType === type && (name === undefined || entry.name === name)) entryBuffer.splice(i, 1);
    }
  }

  // https://w3c.github.io/user-timing/#convert-a-mark-to-a-timestamp
  function convertMarkToTimestamp(mark, prefix) {
    // 1. If mark is a DOMString and it has the same name as a read only attribute in the PerformanceTiming
    //    interface, ... (no PerformanceTiming here).
    if (typeof mark === "string") {
      // 2. Otherwise, if mark is a DOMString, let end time be the value of the startTime attribute from the
      //    most recent occurrence of a PerformanceMark object in the performance entry buffer whose name is
      //    mark. If no matching entry is found, throw a SyntaxError.
      for (let i = entryBuffer.length - 1; i >= 0; i--) {
        const entry = entryBuffer[i];
        if (entry.entryType === "mark" && entry.name === mark) return entry.startTime;
      }
      throw new DOMException(`${prefix}: The mark '${mark}' does not exist.`, "SyntaxError");
    }
    // 3. Otherwise, if mark is a DOMHighResTimeStamp: if mark is negative, throw a TypeError; otherwise,
    //    let end time be mark.
    if (mark < 0) throw new TypeError(`${prefix}: '${mark}' is a negative timestamp.`);
    return mark;
  }

  // https://w3c.github.io/hr-time/#the-performance-interface
  class Performance extends internals.EventTarget {
    constructor(key = undefined) {
      if (key !== kCreate) webidl.illegalConstructor();
      super();
      this[webidl.brand] = webidl.brand;
    }

    // https://w3c.github.io/hr-time/#dom-performance-now
    now() {
      webidl.assertBranded(this, PerformancePrototype);
      // The now() method MUST return the current high resolution time given this's relevant global object.
      return currentHighResolutionTime();
    }

    // https://w3c.github.io/hr-time/#dom-performance-timeorigin
    get timeOrigin() {
      webidl.assertBranded(this, PerformancePrototype);
      // Return the number of milliseconds from the Unix epoch to the time origin.
      return coarsen(runtimeOps.timeOrigin());
    }

    // [Default] object toJSON(): the attributes of Performance with JSON types.
    toJSON() {
      webidl.assertBranded(this, PerformancePrototype);
      return { timeOrigin: this.timeOrigin };
    }

    // https://w3c.github.io/user-timing/#dom-performance-mark
    mark(markName, markOptions = undefined) {
      webidl.assertBranded(this, PerformancePrototype);
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'mark' on 'Performance'");
      // 1. Run the PerformanceMark constructor and let entry be the newly created object.
      const entry = createMark(markName, markOptions);
      // 2. Queue a PerformanceEntry entry. (There are no PerformanceObservers here.)
      // 3. Add entry to the performance entry buffer.
      entryBuffer.push(entry);
      // 4. Return entry.
      return entry;
    }

    // https://w3c.github.io/user-timing/#dom-performance-clearmarks
    clearMarks(markName = undefined) {
      webidl.assertBranded(this, PerformancePrototype);
      if (markName !== undefined) {
        markName = converters.DOMString(markName, "Failed to execute 'clearMarks' on 'Performance'", "Argument 1");
      }
      // 1. If markName is omitted, remove all PerformanceMark objects from the performance entry buffer.
      // 2. Otherwise, remove all PerformanceMark objects listed in the performance entry buffer whose name
      //    is markName.
      removeEntries("mark", markName);
      // 3. Return undefined.
    }

    // https://w3c.github.io/user-timing/#dom-performance-measure
    measure(measureName, startOrMeasureOptions = undefined, endMark = undefined) {
      webidl.assertBranded(this, PerformancePrototype);
      const prefix = "Failed to execute 'measure' on 'Performance'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      measureName = converters.DOMString(measureName, prefix, "Argument 1");
      // (DOMString or PerformanceMeasureOptions): undefined, null and objects become the dictionary.
      let options;
      let startMark;
      if (startOrMeasureOptions === undefined || startOrMeasureOptions === null ||
          typeof startOrMeasureOptions === "object" || typeof startOrMeasureOptions === "function") {
        options = convertPerformanceMeasureOptions(startOrMeasureOptions, prefix, "Argument 2");
      } else {
        startMark = converters.DOMString(startOrMeasureOptions, prefix, "Argument 2");
      }
      if (endMark !== undefined) endMark = converters.DOMString(endMark, prefix, "Argument 3");
      const has = (key) => options !== undefined && options[key] !== undefined;
      // 1. If startOrMeasureOptions is a PerformanceMeasureOptions object and at least one of start, end,
      //    duration, and detail exist, run the following checks:
      if (has("start") || has("end") || has("duration") || has("detail")) {
        // 1.1. If endMark is given, throw a TypeError.
        if (endMark !== undefined) throw new TypeError(`${prefix}: endMark cannot be given with measure options.`);
        // 1.2. If startOrMeasureOptions's start and end members are both omitted, throw a TypeError.
        if (!has("start") && !has("end")) throw new TypeError(`${prefix}: either 'start' or 'end' must be given.`);
        // 1.3. If startOrMeasureOptions's start, duration, and end members are all present, throw a TypeError.
        if (has("start") && has("duration") && has("end")) {
          throw new TypeError(`${prefix}: 'start', 'duration' and 'end' cannot all be given.`);
        }
      }
      // 2. Compute end time as follows:
      let endTime;
      if (endMark !== undefined) {
        // 2.1. If endMark is given, let end time be the value returned by running the convert a mark to a
        //      timestamp algorithm passing in endMark.
        endTime = convertMarkToTimestamp(endMark, prefix);
      } else if (has("end")) {
        // 2.2. Otherwise, if startOrMeasureOptions is a PerformanceMeasureOptions object, and if its end
        //      member exists, let end time be the value returned by running the convert a mark to a
        //      timestamp algorithm passing in startOrMeasureOptions's end.
        endTime = convertMarkToTimestamp(options.end, prefix);
      } else if (has("start") && has("duration")) {
        // 2.3. Otherwise, if its start and duration members both exist: let start be convert a mark to a
        //      timestamp of start, let duration be convert a mark to a timestamp of duration, and let end
        //      time be start plus duration.
        endTime = convertMarkToTimestamp(options.start, prefix) + convertMarkToTimestamp(options.duration, prefix);
      } else {
        // 2.4. Otherwise, let end time be the value that would be returned by the Performance object's now() method.
        endTime = currentHighResolutionTime();
      }
      // 3. Compute start time as follows:
      let startTime;
      if (has("start")) {
        // 3.1. If its start member exists, let start time be convert a mark to a timestamp of start.
        startTime = convertMarkToTimestamp(options.start, prefix);
      } else if (has("duration") && has("end")) {
        // 3.2. Otherwise, if its duration and end members both exist: start time is end minus duration.
        startTime = convertMarkToTimestamp(options.end, prefix) - convertMarkToTimestamp(options.duration, prefix);
      } else if (startMark !== undefined) {
        // 3.3. Otherwise, if startOrMeasureOptions is a DOMString, let start time be convert a mark to a
        //      timestamp of startOrMeasureOptions.
        startTime = convertMarkToTimestamp(startMark, prefix);
      } else {
        // 3.4. Otherwise, let start time be 0.
        startTime = 0;
      }
      // 4-8. Create a new PerformanceMeasure object (entry) with name measureName, entryType "measure",
      //      startTime start time and duration end time minus start time.
      // 9. If startOrMeasureOptions is a PerformanceMeasureOptions object and its detail member exists, set
      //    entry's detail to the structured clone of it. 10. Otherwise, set entry's detail to null.
      const detail = has("detail") ? cloneValue(options.detail) : null;
      const entry = new PerformanceMeasure(kCreate, measureName, startTime, endTime - startTime, detail);
      // 11. Queue a PerformanceEntry entry. 12. Add entry to the performance entry buffer.
      entryBuffer.push(entry);
      // 13. Return entry.
      return entry;
    }

    // https://w3c.github.io/user-timing/#dom-performance-clearmeasures
    clearMeasures(measureName = undefined) {
      webidl.assertBranded(this, PerformancePrototype);
      if (measureName !== undefined) {
        measureName = converters.DOMString(measureName, "Failed to execute 'clearMeasures' on 'Performance'", "Argument 1");
      }
      // 1-2. Remove all PerformanceMeasure objects (whose name is measureName, when given).
      removeEntries("measure", measureName);
    }

    // https://w3c.github.io/performance-timeline/#dom-performance-getentries
    getEntries() {
      webidl.assertBranded(this, PerformancePrototype);
      return filterEntries(undefined, undefined);
    }

    // https://w3c.github.io/performance-timeline/#dom-performance-getentriesbytype
    getEntriesByType(type) {
      webidl.assertBranded(this, PerformancePrototype);
      const prefix = "Failed to execute 'getEntriesByType' on 'Performance'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      return filterEntries(undefined, converters.DOMString(type, prefix, "Argument 1"));
    }

    // https://w3c.github.io/performance-timeline/#dom-performance-getentriesbyname
    getEntriesByName(name, type = undefined) {
      webidl.assertBranded(this, PerformancePrototype);
      const prefix = "Failed to execute 'getEntriesByName' on 'Performance'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = converters.DOMString(name, prefix, "Argument 1");
      if (type !== undefined) type = converters.DOMString(type, prefix, "Argument 2");
      return filterEntries(name, type);
    }
  }
  const PerformancePrototype = Performance.prototype;
  webidl.configureInterface(PerformanceEntry);
  webidl.configureInterface(PerformanceMark);
  webidl.configureInterface(PerformanceMeasure);
  webidl.configureInterface(Performance);
  const performance = new Performance(kCreate);

  // ------------------------------------------------------------------ navigator

  const globalsOps = ops.globals;

  // https://html.spec.whatwg.org/multipage/system-state.html#the-navigator-object
  // The navigator compatibility mode is "Gecko": it names no vendor, which suits a non-browser.
  class Navigator {
    #languages;

    constructor(key = undefined) {
      if (key !== kCreate) webidl.illegalConstructor();
      this[webidl.brand] = webidl.brand;
    }

    // NavigatorID: https://html.spec.whatwg.org/multipage/system-state.html#client-identification
    get appCodeName() {
      webidl.assertBranded(this, NavigatorPrototype);
      return "Mozilla";
    }

    get appName() {
      webidl.assertBranded(this, NavigatorPrototype);
      return "Netscape";
    }

    get appVersion() {
      webidl.assertBranded(this, NavigatorPrototype);
      // Gecko mode: either the string "4.0" or a string representing the version of the browser in detail.
      return "4.0";
    }

    get platform() {
      webidl.assertBranded(this, NavigatorPrototype);
      return globalsOps.platform();
    }

    get product() {
      webidl.assertBranded(this, NavigatorPrototype);
      return "Gecko";
    }

    get productSub() {
      webidl.assertBranded(this, NavigatorPrototype);
      // Gecko mode: the string "20100101".
      return "20100101";
    }

    get userAgent() {
      webidl.assertBranded(this, NavigatorPrototype);
      // The default User-Agent value (what the WebSocket handshake sends as well).
      return runtimeOps.userAgent();
    }

    get vendor() {
      webidl.assertBranded(this, NavigatorPrototype);
      // Gecko mode: the empty string.
      return "";
    }

    get vendorSub() {
      webidl.assertBranded(this, NavigatorPrototype);
      return "";
    }

    // NavigatorLanguage: https://html.spec.whatwg.org/multipage/system-state.html#language-preferences
    get language() {
      webidl.assertBranded(this, NavigatorPrototype);
      return globalsOps.language();
    }

    get languages() {
      webidl.assertBranded(this, NavigatorPrototype);
      // A frozen array, the same object until the preferences change (they do not, here).
      if (this.#languages === undefined) this.#languages = ObjectFreeze([globalsOps.language()]);
      return this.#languages;
    }

    // NavigatorOnLine: https://html.spec.whatwg.org/multipage/system-state.html#dom-navigator-online
    get onLine() {
      webidl.assertBranded(this, NavigatorPrototype);
      // False only when the user agent will not contact the network; this runtime always may.
      return true;
    }

    // NavigatorConcurrentHardware: https://html.spec.whatwg.org/multipage/workers.html#dom-navigator-hardwareconcurrency
    get hardwareConcurrency() {
      webidl.assertBranded(this, NavigatorPrototype);
      return globalsOps.hardwareConcurrency();
    }
  }
  const NavigatorPrototype = Navigator.prototype;
  webidl.configureInterface(Navigator);
  const navigator = new Navigator(kCreate);

  // ------------------------------------------------------------------ location

  // https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface
  // A read-only Location: this runtime cannot navigate, so every member that would navigate throws a
  // "NotSupportedError" DOMException (as Deno does), and the getters describe the runtime's URL.
  class Location {
    constructor(key = undefined, url) {
      if (key !== kCreate) webidl.illegalConstructor();
      this[webidl.brand] = webidl.brand;
      // [LegacyUnforgeable] members are own, non-configurable properties of the instance:
      // https://webidl.spec.whatwg.org/#es-attributes (the "unforgeable" case).
      const values = {
        href: url.href,
        origin: url.origin,
        protocol: url.protocol,
        host: url.host,
        hostname: url.hostname,
        port: url.port,
        pathname: url.pathname,
        search: url.search,
        hash: url.hash,
      };
      for (const key of ObjectKeys(values)) {
        const value = values[key];
        const get = webidl.setFunctionName(() => value, `get ${key}`);
        const set = key === "origin"
          ? undefined
          : webidl.setFunctionName((v) => notSupported(`set location.${key}`), `set ${key}`);
        ObjectDefineProperty(this, key, { __proto__: null, get, set, enumerable: true, configurable: false });
      }
      const methods = {
        assign(url) { notSupported("location.assign()"); },
        replace(url) { notSupported("location.replace()"); },
        reload() { notSupported("location.reload()"); },
        // The stringifier: https://webidl.spec.whatwg.org/#es-stringifier
        toString() { return values.href; },
      };
      for (const key of ObjectKeys(methods)) {
        ObjectDefineProperty(this, key, {
          __proto__: null, value: methods[key], writable: false, enumerable: true, configurable: false,
        });
      }
      // The Location object creation steps: valueOf is %Object.prototype.valueOf% and @@toPrimitive is
      // undefined, both own and non-configurable.
      ObjectDefineProperty(this, "valueOf", {
        __proto__: null, value: ObjectPrototypeValueOf, writable: false, enumerable: false, configurable: false,
      });
      ObjectDefineProperty(this, Symbol.toPrimitive, {
        __proto__: null, value: undefined, writable: false, enumerable: false, configurable: false,
      });
    }
  }
  webidl.configureInterface(Location);

  function notSupported(what) {
    throw new DOMException(`Cannot ${what}: this runtime cannot navigate.`, "NotSupportedError");
  }

  // ------------------------------------------------------------------ the globals

  /** The getter of an attribute of the global, named as WebIDL names it ("get crypto"). */
  function attributeGetter(name, value) {
    return webidl.setFunctionName(function () {
      // Attribute of the global object: this must be the global (or null/undefined).
      webidl.assertGlobalReceiver(this);
      return value;
    }, `get ${name}`);
  }

  /** A [Replaceable] readonly attribute of the global: assignment shadows it with a data property. */
  function defineReplaceable(name, value) {
    ObjectDefineProperty(globalThis, name, {
      __proto__: null,
      get: attributeGetter(name, value),
      set: webidl.setFunctionName(function (v) {
        webidl.assertGlobalReceiver(this);
        ObjectDefineProperty(globalThis, name, {
          __proto__: null, value: v, writable: true, enumerable: true, configurable: true,
        });
      }, `set ${name}`),
      enumerable: true,
      configurable: true,
    });
  }

  /** A readonly attribute of the global (no setter; configurable unless [LegacyUnforgeable]). */
  function defineReadonly(name, value, configurable = true) {
    ObjectDefineProperty(globalThis, name, {
      __proto__: null,
      get: attributeGetter(name, value),
      set: undefined,
      enumerable: true,
      configurable,
    });
  }

  webidl.exposeInterface(globalThis, "structuredClone", structuredClone);
  ObjectDefineProperty(globalThis, "structuredClone", { __proto__: null, enumerable: true });
  webidl.exposeInterface(globalThis, "Crypto", Crypto);
  webidl.exposeInterface(globalThis, "Performance", Performance);
  webidl.exposeInterface(globalThis, "PerformanceEntry", PerformanceEntry);
  webidl.exposeInterface(globalThis, "PerformanceMark", PerformanceMark);
  webidl.exposeInterface(globalThis, "PerformanceMeasure", PerformanceMeasure);
  webidl.exposeInterface(globalThis, "Navigator", Navigator);
  webidl.exposeInterface(globalThis, "Location", Location);

  // [SameObject] readonly attribute Crypto crypto (WindowOrWorkerGlobalScope).
  defineReadonly("crypto", crypto);
  // [Replaceable] readonly attribute Performance performance.
  defineReplaceable("performance", performance);
  // [SameObject] readonly attribute Navigator navigator.
  defineReadonly("navigator", navigator);

  // [PutForwards=href, LegacyUnforgeable] readonly attribute Location location — only when the runtime
  // has a URL; without one there is no location at all, as in Deno without --location.
  const href = runtimeOps.location();
  if (href !== null && href !== undefined) {
    const location = new Location(kCreate, new internals.url.URL(href));
    ObjectDefineProperty(globalThis, "location", {
      __proto__: null,
      get: attributeGetter("location", location),
      // PutForwards=href: assigning location assigns location.href, which cannot navigate here.
      set: webidl.setFunctionName(function (v) {
        webidl.assertGlobalReceiver(this);
        location.href = v;
      }, "set location"),
      enumerable: true,
      configurable: false,
    });
  }

  // [Replaceable] readonly attribute USVString origin (WindowOrWorkerGlobalScope): the origin of the
  // relevant settings object, serialized. That origin is the runtime URL's (which never changes: the
  // location cannot navigate); without a URL it is an opaque origin, serialized as "null".
  defineReplaceable("origin", href !== null && href !== undefined ? new internals.url.URL(href).origin : "null");

  // https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
  function isPotentiallyTrustworthyOrigin(record) {
    const scheme = record.scheme;
    // 1. If origin is an opaque origin, return "Not Trustworthy". (A file: URL's origin is left to the
    //    implementation by the URL Standard; step 6 below treats file: as trustworthy, as browsers do.)
    if (!internals.url.isSpecialScheme(scheme)) return false;
    // 3. If origin's scheme is either "https" or "wss", return "Potentially Trustworthy".
    if (scheme === "https" || scheme === "wss") return true;
    // 4. If origin's host matches one of the CIDR notations 127.0.0.0/8 or ::1/128, return "Potentially Trustworthy".
    const host = record.host;
    if (typeof host === "number" && host >>> 24 === 127) return true;
    if (Array.isArray(host) && host.every((piece, i) => piece === (i === 7 ? 1 : 0))) return true;
    // 5. If the user agent conforms to the name resolution rules in [let-localhost-be-localhost] and one of
    //    the following is true: origin's host is "localhost" or "localhost.", or ends with ".localhost" or
    //    ".localhost.", return "Potentially Trustworthy". (Every *.localhost resolves to loopback here.)
    if (typeof host === "string" && /(^|\.)localhost\.?$/.test(host)) return true;
    // 6. If origin's scheme is "file", return "Potentially Trustworthy".
    if (scheme === "file") return true;
    // 8. Return "Not Trustworthy".
    return false;
  }

  // https://html.spec.whatwg.org/multipage/webappapis.html#secure-context: the environment's top-level
  // creation URL is the runtime URL. A runtime without one is a local program and counts as secure.
  function isSecureContext() {
    if (href === null || href === undefined) return true;
    const record = internals.url.parse(href);
    // Is url potentially trustworthy?: about:blank and about:srcdoc, and data: URLs are; otherwise
    // the answer for the URL's origin.
    if (record === null) return false;
    if (record.scheme === "about" && (record.path === "blank" || record.path === "srcdoc")) return true;
    if (record.scheme === "data") return true;
    return isPotentiallyTrustworthyOrigin(record);
  }

  // readonly attribute boolean isSecureContext (WindowOrWorkerGlobalScope).
  defineReadonly("isSecureContext", isSecureContext());
  // readonly attribute boolean crossOriginIsolated (WindowOrWorkerGlobalScope): the cross-origin isolated
  // capability, which this runtime has: SharedArrayBuffer is exposed, and performance.now() uses the
  // 5 µs resolution HR-Time gives an isolated context.
  defineReadonly("crossOriginIsolated", true);

  // self ([Replaceable]) and window ([LegacyUnforgeable]) alias the global object.
  if (runtimeOps.windowAliases()) {
    defineReplaceable("self", globalThis);
    defineReadonly("window", globalThis, false);
  }

  internals.structuredClone = {
    __proto__: null,
    structuredClone,
    serialize: (value) => structuredSerializeInternal(value, false, new MapCtor()),
    deserialize: (serialized) => structuredDeserialize(serialized, new MapCtor()),
    registerSerializable,
    registerTransferable,
    serializeWithTransfer: structuredSerializeWithTransfer,
    deserializeWithTransfer: structuredDeserializeWithTransfer,
  };
  internals.crypto = crypto;
  internals.performance = performance;
})
