// WebIDL: converting JavaScript values to IDL values and shaping interfaces like a browser does.
// https://webidl.spec.whatwg.org/#js-type-mapping
//
// Every converter has the signature (V, prefix, context, opts):
//   prefix  — which call failed, e.g. "Failed to execute 'send' on 'WebSocket'"
//   context — which value failed, e.g. "Argument 1"
//   opts    — extended attributes: {enforceRange, clamp, treatNullAsEmptyString, allowShared, allowResizable}
// and throws a TypeError whose message starts with `${prefix}: ${context}`.
(function (globalThis, internals, ops) {
  "use strict";

  // Builtins captured before any user script runs, so a script that patches them cannot change
  // how the platform objects behave.
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ReflectApply = Reflect.apply;
  const ReflectOwnKeys = Reflect.ownKeys;
  const ReflectGetOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const MathFround = Math.fround;
  const MathTrunc = Math.trunc;
  const MathFloor = Math.floor;
  const MathMin = Math.min;
  const MathMax = Math.max;
  const NumberIsFinite = Number.isFinite;
  const NumberIsNaN = Number.isNaN;
  const BigIntCtor = BigInt;
  const BigIntAsIntN = BigInt.asIntN;
  const BigIntAsUintN = BigInt.asUintN;
  const NumberCtor = Number;
  const StringCtor = String;
  const SymbolIterator = Symbol.iterator;
  const SymbolToStringTag = Symbol.toStringTag;
  const ArrayIsArray = Array.isArray;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const StringPrototypeToWellFormed = String.prototype.toWellFormed;
  const StringPrototypeCharCodeAt = String.prototype.charCodeAt;
  const RegExpPrototypeTest = RegExp.prototype.test;
  const ArrayBufferByteLengthGetter = ObjectGetOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
  const resizableDescriptor = ObjectGetOwnPropertyDescriptor(ArrayBuffer.prototype, "resizable");
  const ArrayBufferResizableGetter = resizableDescriptor ? resizableDescriptor.get : undefined;
  const SharedArrayBufferCtor = typeof SharedArrayBuffer === "function" ? SharedArrayBuffer : undefined;
  const SharedArrayBufferByteLengthGetter = SharedArrayBufferCtor
    ? ObjectGetOwnPropertyDescriptor(SharedArrayBufferCtor.prototype, "byteLength").get
    : undefined;
  const growableDescriptor = SharedArrayBufferCtor
    ? ObjectGetOwnPropertyDescriptor(SharedArrayBufferCtor.prototype, "growable")
    : undefined;
  const SharedArrayBufferGrowableGetter = growableDescriptor ? growableDescriptor.get : undefined;
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const TypedArrayToStringTagGetter = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, SymbolToStringTag).get;
  const TypedArrayBufferGetter = ObjectGetOwnPropertyDescriptor(TypedArrayPrototype, "buffer").get;
  const DataViewBufferGetter = ObjectGetOwnPropertyDescriptor(DataView.prototype, "buffer").get;

  // ------------------------------------------------------------------ errors

  /** A TypeError (or other error type) whose message names the failed call and value. */
  function makeException(ErrorType, message, prefix, context) {
    const where = context ? `${context} ` : "Value ";
    return new ErrorType(prefix ? `${prefix}: ${where}${message}` : `${where}${message}`);
  }

  function type(V) {
    if (V === null) return "Null";
    switch (typeof V) {
      case "undefined": return "Undefined";
      case "boolean": return "Boolean";
      case "number": return "Number";
      case "string": return "String";
      case "symbol": return "Symbol";
      case "bigint": return "BigInt";
      case "object":
      case "function":
      default: return "Object";
    }
  }

  // ------------------------------------------------------------------ ECMAScript abstract operations

  /** ToNumber: unary plus throws the TypeError the spec asks for on Symbol and BigInt. */
  function toNumber(V) {
    return +V;
  }

  /** ToString: a template literal throws a TypeError on Symbol, as ToString must. */
  function toString(V) {
    return typeof V === "string" ? V : `${V}`;
  }

  /** IntegerPart(n): the mathematical integer part (truncation toward zero). */
  function integerPart(n) {
    const r = MathTrunc(n);
    // Truncation of (-1, 0) gives -0; the algorithms below want +0 there.
    return r === 0 ? 0 : r;
  }

  /** Rounds to the nearest integer, choosing the even one on a tie (used by [Clamp]). */
  function roundTiesToEven(x) {
    const floor = MathFloor(x);
    const diff = x - floor;
    if (diff < 0.5) return floor;
    if (diff > 0.5) return floor + 1;
    return floor % 2 === 0 ? floor : floor + 1;
  }

  // ------------------------------------------------------------------ integer types

  // https://webidl.spec.whatwg.org/#abstract-opdef-converttoint
  function createIntegerConverter(bitLength, signedness) {
    const isSigned = signedness === "signed";
    let lowerBound;
    let upperBound;
    // 1. If bitLength is 64, then:
    if (bitLength === 64) {
      // 1.1. Let upperBound be 2^53 − 1.
      upperBound = NumberCtor.MAX_SAFE_INTEGER;
      // 1.2. If signedness is "unsigned", then let lowerBound be 0.
      // 1.3. Otherwise let lowerBound be −2^53 + 1.
      lowerBound = isSigned ? NumberCtor.MIN_SAFE_INTEGER : 0;
    } else if (!isSigned) {
      // 2. Otherwise, if signedness is "unsigned", then:
      // 2.1. Let lowerBound be 0.
      lowerBound = 0;
      // 2.2. Let upperBound be 2^bitLength − 1.
      upperBound = 2 ** bitLength - 1;
    } else {
      // 3. Otherwise:
      // 3.1. Let lowerBound be -2^(bitLength − 1).
      lowerBound = -(2 ** (bitLength - 1));
      // 3.2. Let upperBound be 2^(bitLength − 1) − 1.
      upperBound = 2 ** (bitLength - 1) - 1;
    }
    const twoToTheBitLength = 2 ** bitLength;
    const twoToTheBitLengthMinusOne = 2 ** (bitLength - 1);

    return function convertToInt(V, prefix, context, opts) {
      // 4. Let x be ? ToNumber(V).
      let x = toNumber(V);
      // 5. If x is −0, then set x to +0.
      if (x === 0) x = 0;
      // 6. If the conversion is to an IDL type associated with the [EnforceRange] extended attribute, then:
      if (opts !== undefined && opts.enforceRange) {
        // 6.1. If x is NaN, +∞, or −∞, then throw a TypeError.
        if (!NumberIsFinite(x)) {
          throw makeException(TypeError, "is not a finite number.", prefix, context);
        }
        // 6.2. Set x to IntegerPart(x).
        x = integerPart(x);
        // 6.3. If x < lowerBound or x > upperBound, then throw a TypeError.
        if (x < lowerBound || x > upperBound) {
          throw makeException(TypeError,
            `is outside the accepted range of ${lowerBound} to ${upperBound}.`, prefix, context);
        }
        // 6.4. Return x.
        return x;
      }
      // 7. If x is not NaN and the conversion is to an IDL type associated with the [Clamp] extended attribute, then:
      if (opts !== undefined && opts.clamp && !NumberIsNaN(x)) {
        // 7.1. Set x to min(max(x, lowerBound), upperBound).
        x = MathMin(MathMax(x, lowerBound), upperBound);
        // 7.2. Round x to the nearest integer, choosing the even integer if it lies halfway between two,
        //      and choosing +0 rather than −0.
        x = roundTiesToEven(x);
        if (x === 0) x = 0;
        // 7.3. Return x.
        return x;
      }
      // 8. If x is NaN, +0, +∞, or −∞, then return +0.
      if (x === 0 || !NumberIsFinite(x)) return 0;
      // 9. Set x to IntegerPart(x).
      x = integerPart(x);
      // Fast path: already in range, so steps 10-11 leave it unchanged.
      if (x >= lowerBound && x <= upperBound) return x;
      if (bitLength === 64) {
        // 10-11 for 64 bits: doubles cannot hold 2^64-modular arithmetic exactly, BigInt can.
        const big = BigIntCtor(x);
        return NumberCtor(isSigned ? BigIntAsIntN(64, big) : BigIntAsUintN(64, big));
      }
      // 10. Set x to x modulo 2^bitLength.
      x = x - MathFloor(x / twoToTheBitLength) * twoToTheBitLength;
      // 11. If signedness is "signed" and x ≥ 2^(bitLength − 1), then return x − 2^bitLength.
      if (isSigned && x >= twoToTheBitLengthMinusOne) return x - twoToTheBitLength;
      // 12. Otherwise, return x.
      return x;
    };
  }

  // ------------------------------------------------------------------ the converters

  const converters = ObjectCreate(null);

  // https://webidl.spec.whatwg.org/#js-any
  converters.any = (V) => V;
  converters.undefined = () => undefined;

  // https://webidl.spec.whatwg.org/#js-boolean
  // 1. Let x be the result of computing ToBoolean(V).
  // 2. Return the IDL boolean value that is the one that represents the same truth value as x.
  converters.boolean = (V) => !!V;

  converters.byte = createIntegerConverter(8, "signed");
  converters.octet = createIntegerConverter(8, "unsigned");
  converters.short = createIntegerConverter(16, "signed");
  converters["unsigned short"] = createIntegerConverter(16, "unsigned");
  converters.long = createIntegerConverter(32, "signed");
  converters["unsigned long"] = createIntegerConverter(32, "unsigned");
  converters["long long"] = createIntegerConverter(64, "signed");
  converters["unsigned long long"] = createIntegerConverter(64, "unsigned");

  // https://webidl.spec.whatwg.org/#js-float
  converters.float = (V, prefix, context) => {
    // 1. Let x be ? ToNumber(V).
    const x = toNumber(V);
    // 2. If x is NaN, +∞, or −∞, then throw a TypeError.
    if (!NumberIsFinite(x)) {
      throw makeException(TypeError, "is not a finite floating-point value.", prefix, context);
    }
    // 3-4. Let y be the closest single-precision value to x (ties to even; 2^128 counts as a candidate).
    //      Math.fround rounds exactly so, overflowing to ±∞, and keeps the sign of zero (step 6).
    const y = MathFround(x);
    // 5. If y is +∞ or −∞, then throw a TypeError.
    if (!NumberIsFinite(y)) {
      throw makeException(TypeError, "is outside the range of a single-precision floating-point value.",
        prefix, context);
    }
    // 6-7. If y is +0 and x is negative, return −0; otherwise return y.
    return y;
  };

  // https://webidl.spec.whatwg.org/#js-unrestricted-float
  converters["unrestricted float"] = (V) => {
    // 1. Let x be ? ToNumber(V).
    // 2. If x is NaN, then return the IDL unrestricted float value that represents NaN.
    // 3-6. Otherwise the closest single-precision value (overflow gives ±∞).
    return MathFround(toNumber(V));
  };

  // https://webidl.spec.whatwg.org/#js-double
  converters.double = (V, prefix, context) => {
    // 1. Let x be ? ToNumber(V).
    const x = toNumber(V);
    // 2. If x is NaN, +∞, or −∞, then throw a TypeError.
    if (!NumberIsFinite(x)) {
      throw makeException(TypeError, "is not a finite floating-point value.", prefix, context);
    }
    // 3. Return the IDL double value that represents the same numeric value as x.
    return x;
  };

  // https://webidl.spec.whatwg.org/#js-unrestricted-double
  // 1. Let x be ? ToNumber(V).
  // 2. If x is NaN, then return the IDL unrestricted double value that represents NaN.
  // 3. Return the IDL unrestricted double value that represents the same numeric value as x.
  converters["unrestricted double"] = (V) => toNumber(V);

  // https://webidl.spec.whatwg.org/#js-DOMString
  converters.DOMString = (V, prefix, context, opts) => {
    if (typeof V === "string") return V;
    // 1. If V is null and the conversion is to an IDL type associated with the [LegacyNullToEmptyString]
    //    extended attribute, then return the DOMString value that represents the empty string.
    if (V === null && opts !== undefined && (opts.treatNullAsEmptyString || opts.legacyNullToEmptyString)) {
      return "";
    }
    // 2. Let x be ? ToString(V).
    if (typeof V === "symbol") {
      throw makeException(TypeError, "is a symbol, which cannot be converted to a string.", prefix, context);
    }
    // 3. Return the IDL DOMString value that represents the same sequence of code units as the one x represents.
    return toString(V);
  };

  // https://webidl.spec.whatwg.org/#js-ByteString
  const NON_LATIN1 = /[^\x00-\xFF]/;
  converters.ByteString = (V, prefix, context, opts) => {
    // 1. Let x be ? ToString(V).
    const x = converters.DOMString(V, prefix, context, opts);
    // 2. If the value of any element of x is greater than 255, then throw a TypeError.
    if (ReflectApply(RegExpPrototypeTest, NON_LATIN1, [x])) {
      throw makeException(TypeError, "is not a valid ByteString.", prefix, context);
    }
    // 3. Return an IDL ByteString value whose length is the length of x, and where the value of each
    //    element is the value of the corresponding element of x.
    return x;
  };

  // https://webidl.spec.whatwg.org/#js-USVString
  converters.USVString = (V, prefix, context, opts) => {
    // 1. Let string be the result of converting V to a DOMString.
    const string = converters.DOMString(V, prefix, context, opts);
    // 2. Return an IDL USVString value that is the result of converting string to a sequence of scalar values
    //    (each lone surrogate becomes U+FFFD).
    return toUSVString(string);
  };

  function toUSVString(string) {
    if (StringPrototypeToWellFormed !== undefined) return ReflectApply(StringPrototypeToWellFormed, string, []);
    // Fallback for engines without String.prototype.toWellFormed: the "convert to scalar values" loop.
    let out = "";
    let start = 0;
    const n = string.length;
    for (let i = 0; i < n; i++) {
      const c = ReflectApply(StringPrototypeCharCodeAt, string, [i]);
      if (c < 0xD800 || c > 0xDFFF) continue;
      if (c <= 0xDBFF && i + 1 < n) {
        const d = ReflectApply(StringPrototypeCharCodeAt, string, [i + 1]);
        if (d >= 0xDC00 && d <= 0xDFFF) {
          i++;
          continue;
        }
      }
      out += string.slice(start, i) + "\uFFFD";
      start = i + 1;
    }
    return start === 0 ? string : out + string.slice(start);
  }

  // https://webidl.spec.whatwg.org/#js-object
  converters.object = (V, prefix, context) => {
    // 1. If V is not an Object, then throw a TypeError.
    if (type(V) !== "Object") {
      throw makeException(TypeError, "is not an object.", prefix, context);
    }
    // 2. Return the IDL object value that is a reference to the same object as V.
    return V;
  };

  // ------------------------------------------------------------------ buffer source types

  /** Whether V has an [[ArrayBufferData]] slot and is not shared (the getter throws otherwise). */
  function isArrayBuffer(V) {
    if (type(V) !== "Object") return false;
    try {
      ReflectApply(ArrayBufferByteLengthGetter, V, []);
      return true;
    } catch {
      return false;
    }
  }

  /** IsSharedArrayBuffer(V). */
  function isSharedArrayBuffer(V) {
    if (SharedArrayBufferByteLengthGetter === undefined || type(V) !== "Object") return false;
    try {
      ReflectApply(SharedArrayBufferByteLengthGetter, V, []);
      return true;
    } catch {
      return false;
    }
  }

  /** IsResizableArrayBuffer / IsGrowableSharedArrayBuffer. */
  function isResizable(buffer) {
    if (isSharedArrayBuffer(buffer)) {
      return SharedArrayBufferGrowableGetter !== undefined && ReflectApply(SharedArrayBufferGrowableGetter, buffer, []);
    }
    return ArrayBufferResizableGetter !== undefined && ReflectApply(ArrayBufferResizableGetter, buffer, []);
  }

  /** The [[TypedArrayName]] of V, or undefined when V is not a typed array. */
  function typedArrayName(V) {
    return ReflectApply(TypedArrayToStringTagGetter, V, []);
  }

  /** Whether V has a [[DataView]] slot. */
  function isDataView(V) {
    if (type(V) !== "Object") return false;
    try {
      ReflectApply(DataViewBufferGetter, V, []);
      return true;
    } catch {
      return false;
    }
  }

  /** The [[ViewedArrayBuffer]] of an ArrayBufferView. */
  function viewedBuffer(view) {
    return typedArrayName(view) !== undefined
      ? ReflectApply(TypedArrayBufferGetter, view, [])
      : ReflectApply(DataViewBufferGetter, view, []);
  }

  // https://webidl.spec.whatwg.org/#js-ArrayBuffer (and SharedArrayBuffer for [AllowShared])
  converters.ArrayBuffer = (V, prefix, context, opts) => {
    const allowShared = opts !== undefined && opts.allowShared;
    // 1. If V is not an Object, or V does not have an [[ArrayBufferData]] internal slot, then throw a TypeError.
    if (!isArrayBuffer(V) && !(allowShared && isSharedArrayBuffer(V))) {
      // 2. If IsSharedArrayBuffer(V) is true, then throw a TypeError.
      throw makeException(TypeError,
        isSharedArrayBuffer(V) ? "is a SharedArrayBuffer, which is not allowed here." : "is not of type 'ArrayBuffer'.",
        prefix, context);
    }
    // 3. If the conversion is not to an IDL type associated with the [AllowResizable] extended attribute,
    //    and IsResizableArrayBuffer(V) is true, then throw a TypeError.
    if (!(opts !== undefined && opts.allowResizable) && isResizable(V)) {
      throw makeException(TypeError, "is a resizable ArrayBuffer, which is not allowed here.", prefix, context);
    }
    // 4. Return the IDL ArrayBuffer value that is a reference to the same object as V.
    return V;
  };

  /** The checks on [[ViewedArrayBuffer]] common to every ArrayBufferView type. */
  function checkViewedBuffer(V, prefix, context, opts) {
    const buffer = viewedBuffer(V);
    // If the conversion is not to an IDL type associated with the [AllowShared] extended attribute,
    // and IsSharedArrayBuffer(V.[[ViewedArrayBuffer]]) is true, then throw a TypeError.
    if (!(opts !== undefined && opts.allowShared) && isSharedArrayBuffer(buffer)) {
      throw makeException(TypeError, "is a view on a SharedArrayBuffer, which is not allowed here.", prefix, context);
    }
    // If the conversion is not to an IDL type associated with the [AllowResizable] extended attribute,
    // and IsResizableArrayBuffer(V.[[ViewedArrayBuffer]]) is true, then throw a TypeError.
    if (!(opts !== undefined && opts.allowResizable) && isResizable(buffer)) {
      throw makeException(TypeError, "is a view on a resizable ArrayBuffer, which is not allowed here.",
        prefix, context);
    }
  }

  // https://webidl.spec.whatwg.org/#js-DataView
  converters.DataView = (V, prefix, context, opts) => {
    // 1. If V is not an Object, or V does not have a [[DataView]] internal slot, then throw a TypeError.
    if (!isDataView(V)) {
      throw makeException(TypeError, "is not of type 'DataView'.", prefix, context);
    }
    // 2-3. Shared / resizable buffer checks.
    checkViewedBuffer(V, prefix, context, opts);
    // 4. Return the IDL DataView value that is a reference to the same object as V.
    return V;
  };

  // https://webidl.spec.whatwg.org/#js-typed-array
  const TYPED_ARRAY_NAMES = [
    "Int8Array", "Int16Array", "Int32Array", "Uint8Array", "Uint16Array", "Uint32Array", "Uint8ClampedArray",
    "BigInt64Array", "BigUint64Array", "Float32Array", "Float64Array",
  ];
  if (typeof Float16Array === "function") TYPED_ARRAY_NAMES.push("Float16Array");
  for (const name of TYPED_ARRAY_NAMES) {
    converters[name] = (V, prefix, context, opts) => {
      // 1. Let T be the IDL type V is being converted to.
      // 2. Let typedArrayName be the name of T's identifier.
      // 3. If V is not an Object, or V does not have a [[TypedArrayName]] internal slot with a value
      //    equal to typedArrayName, then throw a TypeError.
      if (type(V) !== "Object" || typedArrayName(V) !== name) {
        throw makeException(TypeError, `is not of type '${name}'.`, prefix, context);
      }
      // 4-5. Shared / resizable buffer checks.
      checkViewedBuffer(V, prefix, context, opts);
      // 6. Return the IDL value of type T that is a reference to the same object as V.
      return V;
    };
  }

  // https://webidl.spec.whatwg.org/#ArrayBufferView (typedef of every typed array type and DataView)
  converters.ArrayBufferView = (V, prefix, context, opts) => {
    if (!ArrayBufferIsView(V)) {
      throw makeException(TypeError, "is not of type 'ArrayBufferView'.", prefix, context);
    }
    checkViewedBuffer(V, prefix, context, opts);
    return V;
  };

  // https://webidl.spec.whatwg.org/#BufferSource: (ArrayBufferView or ArrayBuffer);
  // with {allowShared: true} it is AllowSharedBufferSource.
  converters.BufferSource = (V, prefix, context, opts) => {
    if (ArrayBufferIsView(V)) {
      checkViewedBuffer(V, prefix, context, opts);
      return V;
    }
    const allowShared = opts !== undefined && opts.allowShared;
    if (isArrayBuffer(V) || (allowShared && isSharedArrayBuffer(V))) {
      if (!(opts !== undefined && opts.allowResizable) && isResizable(V)) {
        throw makeException(TypeError, "is a resizable ArrayBuffer, which is not allowed here.", prefix, context);
      }
      return V;
    }
    throw makeException(TypeError,
      isSharedArrayBuffer(V)
        ? "is a SharedArrayBuffer, which is not allowed here."
        : "is not of type '(ArrayBuffer or ArrayBufferView)'.",
      prefix, context);
  };
  converters.AllowSharedBufferSource = (V, prefix, context, opts) =>
    converters.BufferSource(V, prefix, context, opts === undefined ? { allowShared: true } : { ...opts, allowShared: true });

  // ------------------------------------------------------------------ factories

  // https://webidl.spec.whatwg.org/#js-enumeration
  function createEnumConverter(name, values) {
    const allowed = new Set(values);
    return function convertEnum(V, prefix, context) {
      // 1. Let S be the result of calling ? ToString(V).
      if (typeof V === "symbol") {
        throw makeException(TypeError, "is a symbol, which cannot be converted to a string.", prefix, context);
      }
      const S = toString(V);
      // 2. If S is not one of E's enumeration values, then throw a TypeError.
      if (!allowed.has(S)) {
        throw makeException(TypeError, `'${S}' is not a valid enum value of type ${name}.`, prefix, context);
      }
      // 3. Return the enumeration value of type E that is equal to S.
      return S;
    };
  }

  /**
   * https://webidl.spec.whatwg.org/#js-dictionary
   * Each member list is one dictionary's own members `{key, converter, defaultValue, required}`; pass the
   * lists from least-derived to most-derived for inherited dictionaries. An array default is copied on use.
   */
  function createDictionaryConverter(name, ...memberLists) {
    const dictionaries = [];
    for (const list of memberLists) {
      // 5.1. "for each dictionary member member declared on dictionary, in lexicographical order"
      const sorted = [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      dictionaries.push(sorted);
    }
    const members = dictionaries.flat();
    const memberContexts = members.map((m) => `'${m.key}' of '${name}'`);

    return function convertDictionary(V, prefix, context, opts) {
      // 1. If V is not an Object, undefined or null, then throw a TypeError.
      const t = type(V);
      if (t !== "Undefined" && t !== "Null" && t !== "Object") {
        throw makeException(TypeError, `can not be converted to '${name}' because it is not an object.`,
          prefix, context);
      }
      // 2. Let V be the JS value (platform objects have no special dictionary behaviour).
      // 3. Let idlDict be an empty ordered map, representing a dictionary of type D.
      const idlDict = ObjectCreate(null);
      // 4. Let dictionaries be a list consisting of D and all of D's inherited dictionaries, in order from
      //    least to most derived (the member lists were flattened in that order above).
      // 5. For each dictionary dictionary in dictionaries, in order, for each member in lexicographical order:
      for (let i = 0; i < members.length; i++) {
        const member = members[i];
        // 5.1.1. Let key be the identifier of member.
        const key = member.key;
        // 5.1.2. If V is undefined or null, then let jsMemberValue be undefined.
        // 5.1.3. Otherwise, let jsMemberValue be ? Get(V, key).
        const jsMemberValue = t === "Object" ? V[key] : undefined;
        // 5.1.4. If jsMemberValue is not undefined, then:
        if (jsMemberValue !== undefined) {
          const memberContext = context ? `${memberContexts[i]} (${context})` : memberContexts[i];
          // 5.1.4.1. Let idlMemberValue be the result of converting jsMemberValue to an IDL value whose type
          //          is the type member is declared to be of.
          // 5.1.4.2. Set idlDict[key] to idlMemberValue.
          idlDict[key] = member.converter(jsMemberValue, prefix, memberContext, member);
        } else if ("defaultValue" in member) {
          // 5.1.5. Otherwise, if jsMemberValue is undefined but member has a default value, then:
          // 5.1.5.1. Let idlMemberValue be member's default value.
          // 5.1.5.2. Set idlDict[key] to idlMemberValue.
          const d = member.defaultValue;
          idlDict[key] = ArrayIsArray(d) ? [...d] : d;
        } else if (member.required) {
          // 5.1.6. Otherwise, if jsMemberValue is undefined and member is required, then throw a TypeError.
          throw makeException(TypeError,
            `can not be converted to '${name}' because '${key}' is required in '${name}'.`, prefix, context);
        }
      }
      // 6. Return idlDict.
      return idlDict;
    };
  }

  // https://webidl.spec.whatwg.org/#js-sequence
  function createSequenceConverter(converter) {
    return function convertSequence(V, prefix, context, opts) {
      // 1. If V is not an Object, throw a TypeError.
      if (type(V) !== "Object") {
        throw makeException(TypeError, "can not be converted to sequence.", prefix, context);
      }
      // 2. Let method be ? GetMethod(V, %Symbol.iterator%).
      const method = V[SymbolIterator];
      // 3. If method is undefined, throw a TypeError.
      if (method === undefined || method === null) {
        throw makeException(TypeError, "can not be converted to sequence.", prefix, context);
      }
      if (typeof method !== "function") {
        throw makeException(TypeError, "has a non-callable @@iterator.", prefix, context);
      }
      // 4. Return the result of creating a sequence from V and method:
      // 4.1. Let iteratorRecord be ? GetIteratorFromMethod(iterable, method).
      const iterator = ReflectApply(method, V, []);
      if (type(iterator) !== "Object") {
        throw makeException(TypeError, "has an iterator that is not an object.", prefix, context);
      }
      const next = iterator.next;
      // 4.2. Initialize i to be 0.
      const idlSequence = [];
      let i = 0;
      // 4.3. Repeat
      while (true) {
        // 4.3.1. Let next be ? IteratorStepValue(iteratorRecord).
        const result = ReflectApply(next, iterator, []);
        if (type(result) !== "Object") {
          throw makeException(TypeError, "has an iterator result that is not an object.", prefix, context);
        }
        // 4.3.2. If next is done, then return an IDL sequence value of type sequence<T> of length i.
        if (result.done) return idlSequence;
        // 4.3.3. Initialize Si to the result of converting next to an IDL value of type T.
        idlSequence[i] = converter(result.value, prefix, `${context ? context + ", " : ""}index ${i}`, opts);
        // 4.3.4. Set i to i + 1.
        i++;
      }
    };
  }

  // https://webidl.spec.whatwg.org/#js-record
  function createRecordConverter(keyConverter, valueConverter) {
    return function convertRecord(O, prefix, context, opts) {
      // 1. If O is not an Object, throw a TypeError.
      if (type(O) !== "Object") {
        throw makeException(TypeError, "can not be converted to a record.", prefix, context);
      }
      // 2. Let result be a new empty instance of record<K, V>.
      const result = ObjectCreate(null);
      // 3. Let keys be ? O.[[OwnPropertyKeys]]().
      const keys = ReflectOwnKeys(O);
      // 4. For each key of keys:
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        // 4.1. Let desc be ? O.[[GetOwnProperty]](key).
        const desc = ReflectGetOwnPropertyDescriptor(O, key);
        // 4.2. If desc is not undefined and desc.[[Enumerable]] is true:
        if (desc !== undefined && desc.enumerable) {
          // 4.2.1. Let typedKey be key converted to an IDL value of type K.
          const typedKey = keyConverter(key, prefix, context ? `${context}, key` : "key", opts);
          // 4.2.2. Let value be ? Get(O, key).
          const value = O[key];
          // 4.2.3. Let typedValue be value converted to an IDL value of type V.
          const typedValue = valueConverter(value, prefix, context ? `${context}, value` : "value", opts);
          // 4.2.4. Set result[typedKey] to typedValue (a later duplicate key overwrites).
          result[typedKey] = typedValue;
        }
      }
      // 5. Return result.
      return result;
    };
  }

  // https://webidl.spec.whatwg.org/#js-nullable-type
  function createNullableConverter(converter) {
    return function convertNullable(V, prefix, context, opts) {
      // 1. If V is not an Object, and the conversion is not for a [LegacyTreatNonObjectAsNull] attribute...
      // 2. Otherwise, if V is undefined or null, then return the IDL nullable type T? value null.
      if (V === null || V === undefined) return null;
      // 3. Otherwise, return the result of converting V using the rules for the inner IDL type T.
      return converter(V, prefix, context, opts);
    };
  }

  // https://webidl.spec.whatwg.org/#js-interface
  function createInterfaceConverter(name, prototype) {
    return function convertInterface(V, prefix, context) {
      // 1. If V implements I, then return the IDL interface type value that represents a reference to that
      //    platform object.
      if (isBranded(V, prototype)) return V;
      // 2. Throw a TypeError.
      throw makeException(TypeError, `is not of type '${name}'.`, prefix, context);
    };
  }

  // https://webidl.spec.whatwg.org/#js-callback-function
  function createCallbackFunctionConverter(name) {
    return function convertCallbackFunction(V, prefix, context, opts) {
      // 1. If the result of calling IsCallable(V) is false and the conversion to an IDL value is not being
      //    performed due to V being assigned to an attribute whose type is a nullable callback function that
      //    is annotated with [LegacyTreatNonObjectAsNull], then throw a TypeError.
      if (typeof V !== "function" && !(opts !== undefined && opts.legacyTreatNonObjectAsNull && type(V) === "Object")) {
        throw makeException(TypeError, `is not of type '${name || "Function"}'.`, prefix, context);
      }
      // 2. Return the IDL callback function type value that represents a reference to the same object that
      //    V represents (the incumbent settings object is the one global of this runtime).
      return V;
    };
  }

  // https://webidl.spec.whatwg.org/#js-callback-interface
  function createCallbackInterfaceConverter(name) {
    return function convertCallbackInterface(V, prefix, context) {
      // 1. If V is not an Object, then throw a TypeError.
      if (type(V) !== "Object") {
        throw makeException(TypeError, `is not of type '${name}'.`, prefix, context);
      }
      // 2. Return the IDL callback interface type value that represents a reference to V.
      return V;
    };
  }

  /**
   * https://webidl.spec.whatwg.org/#call-a-user-objects-operation (the JS-visible steps): calls a callback
   * interface value — a function itself, or an object whose `opName` property is looked up at each call.
   * Exceptions propagate to the caller, who decides how to report them.
   */
  function callUserObjectOperation(value, opName, thisArg, args) {
    // 4. Let X be O.
    let X = value;
    // 5. If IsCallable(O) is false, then:
    if (typeof X !== "function") {
      // 5.1. Let getResult be Get(O, opName).
      // 5.2. If getResult is an abrupt completion, ... return (the caller reports it).
      X = value[opName];
      // 5.3. If IsCallable(X) is false, then throw a TypeError.
      if (typeof X !== "function") {
        throw new TypeError(`'${opName}' property of the listener object is not callable.`);
      }
      // 5.4. Set thisArg to O (overriding the provided value).
      thisArg = value;
    }
    // 9-12. Let callResult be Call(X, thisArg, jsArgs) and return it.
    return ReflectApply(X, thisArg, args);
  }

  // [LegacyTreatNonObjectAsNull] callback function? EventHandler:
  // https://html.spec.whatwg.org/multipage/webappapis.html#eventhandler
  // A non-object becomes null; any object (callable or not) is kept — invoking a non-callable one does nothing.
  converters.EventHandler = (V) => (type(V) === "Object" ? V : null);
  converters.Function = createCallbackFunctionConverter("Function");
  converters.VoidFunction = createCallbackFunctionConverter("VoidFunction");

  converters["sequence<any>"] = createSequenceConverter(converters.any);
  converters["sequence<DOMString>"] = createSequenceConverter(converters.DOMString);
  converters["sequence<USVString>"] = createSequenceConverter(converters.USVString);
  converters["sequence<ByteString>"] = createSequenceConverter(converters.ByteString);
  converters["sequence<object>"] = createSequenceConverter(converters.object);
  converters["sequence<sequence<ByteString>>"] = createSequenceConverter(converters["sequence<ByteString>"]);
  converters["record<DOMString, DOMString>"] = createRecordConverter(converters.DOMString, converters.DOMString);
  converters["record<USVString, USVString>"] = createRecordConverter(converters.USVString, converters.USVString);
  converters["record<ByteString, ByteString>"] = createRecordConverter(converters.ByteString, converters.ByteString);
  converters["DOMString?"] = createNullableConverter(converters.DOMString);
  converters["USVString?"] = createNullableConverter(converters.USVString);
  converters["object?"] = createNullableConverter(converters.object);
  converters.DOMTimeStamp = converters["unsigned long long"];
  converters.DOMHighResTimeStamp = converters.double;

  // ------------------------------------------------------------------ arguments, brands, interfaces

  /** Throws the TypeError for a call with fewer arguments than the operation requires. */
  function requiredArguments(length, required, prefix) {
    if (length < required) {
      const noun = required === 1 ? "argument" : "arguments";
      throw new TypeError(`${prefix}: ${required} ${noun} required, but only ${length} present.`);
    }
  }

  /**
   * The mark every platform object gets in its constructor (`this[brand] = brand`): together with the
   * prototype chain it tells real instances from look-alikes, since scripts cannot name the symbol.
   */
  const brand = Symbol("[[webidl.brand]]");

  function isBranded(V, prototype) {
    return V !== null && (typeof V === "object" || typeof V === "function") && V[brand] === brand &&
      inPrototypeChain(V, prototype);
  }

  /**
   * prototype.isPrototypeOf(V) for an object V, step by step as Object.prototype.isPrototypeOf does it
   * (the same [[GetPrototypeOf]] calls, so a proxy sees the same traps), without a builtin call through
   * Reflect.apply: an instance's own prototype, the common case, is one step.
   */
  function inPrototypeChain(V, prototype) {
    // 3. Repeat: a. Set V to ? V.[[GetPrototypeOf]](). b. If V is null, return false.
    //    c. If SameValue(O, V) is true, return true.
    for (let p = ObjectGetPrototypeOf(V); p !== null; p = ObjectGetPrototypeOf(p)) {
      if (p === prototype) return true;
    }
    return false;
  }

  /** The brand check at the start of every attribute getter/setter and operation. */
  function assertBranded(self, prototype) {
    if (!isBranded(self, prototype)) throw new TypeError("Illegal invocation");
  }

  /**
   * The receiver check of an attribute or operation of the global object's own interfaces (Window,
   * WindowOrWorkerGlobalScope): WebIDL's attribute getter/setter steps 1.1.2–1.1.3 and "create an
   * operation function" step 2.1.2. A null or undefined this value stands for the global object;
   * any other value must be the global object itself (the realm has exactly one), so an object
   * inheriting from it, or a Proxy of it, throws a TypeError.
   */
  function assertGlobalReceiver(self) {
    if (self !== undefined && self !== null && self !== globalThis) throw new TypeError("Illegal invocation");
  }

  /** A branded object with `prototype`, for creating platform objects without running the constructor. */
  function createBranded(Class) {
    const o = ObjectCreate(Class.prototype);
    o[brand] = brand;
    return o;
  }

  /** What an interface without a constructor (or a private one) throws from `new`. */
  function illegalConstructor() {
    throw new TypeError("Illegal constructor");
  }

  /**
   * Gives a class the property attributes of a WebIDL interface
   * (https://webidl.spec.whatwg.org/#es-interfaces): operations and attributes are enumerable on the
   * prototype (and static ones on the constructor), and the prototype has a class-string @@toStringTag.
   */
  function configureInterface(Class, name = Class.name) {
    makeEnumerable(Class.prototype, "constructor");
    makeEnumerable(Class, "prototype", "length", "name");
    // https://webidl.spec.whatwg.org/#interface-prototype-object (@@toStringTag is the class string)
    ObjectDefineProperty(Class.prototype, SymbolToStringTag, {
      __proto__: null,
      value: name,
      writable: false,
      enumerable: false,
      configurable: true,
    });
  }

  function makeEnumerable(object, ...skip) {
    const names = ObjectGetOwnPropertyNames(object);
    for (let i = 0; i < names.length; i++) {
      const key = names[i];
      if (skip.includes(key)) continue;
      const desc = ObjectGetOwnPropertyDescriptor(object, key);
      if (desc.configurable && !desc.enumerable) {
        desc.enumerable = true;
        ObjectDefineProperty(object, key, desc);
      }
    }
  }

  /** https://webidl.spec.whatwg.org/#es-constants: on the interface object and its prototype. */
  function defineConstants(Class, constants) {
    for (const key of ReflectOwnKeys(constants)) {
      const desc = { __proto__: null, value: constants[key], writable: false, enumerable: true, configurable: false };
      ObjectDefineProperty(Class, key, desc);
      ObjectDefineProperty(Class.prototype, key, desc);
    }
  }

  /** Exposes an interface object on the global: https://webidl.spec.whatwg.org/#es-interfaces. */
  function exposeInterface(target, name, value) {
    ObjectDefineProperty(target, name, {
      __proto__: null,
      value,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }

  /** Makes a function's `name` what the IDL says (e.g. for operations created by a helper). */
  function setFunctionName(fn, name) {
    ObjectDefineProperty(fn, "name", { __proto__: null, value: name, configurable: true });
    return fn;
  }

  /**
   * Map and Set whose methods were taken before any user script ran: layer code calls `map.get(k)` directly
   * (which the engine optimizes well, unlike calls through a bound Function.prototype.call) without being
   * affected by a script that patches Map.prototype or Set.prototype.
   */
  function makeSafe(Base, Safe) {
    for (const key of ReflectOwnKeys(Base.prototype)) {
      if (key === "constructor") continue;
      ObjectDefineProperty(Safe.prototype, key, ObjectGetOwnPropertyDescriptor(Base.prototype, key));
    }
    return Safe;
  }
  const SafeMap = makeSafe(Map, class SafeMap extends Map {});
  const SafeSet = makeSafe(Set, class SafeSet extends Set {});

  internals.webidl = {
    __proto__: null,
    converters,
    makeException,
    type,
    toUSVString,
    isArrayBuffer,
    isSharedArrayBuffer,
    isDataView,
    typedArrayName,
    createIntegerConverter,
    createEnumConverter,
    createDictionaryConverter,
    createSequenceConverter,
    createRecordConverter,
    createNullableConverter,
    createInterfaceConverter,
    createCallbackFunctionConverter,
    createCallbackInterfaceConverter,
    callUserObjectOperation,
    requiredArguments,
    brand,
    isBranded,
    assertBranded,
    assertGlobalReceiver,
    createBranded,
    illegalConstructor,
    configureInterface,
    defineConstants,
    exposeInterface,
    setFunctionName,
    SafeMap,
    SafeSet,
  };
})
