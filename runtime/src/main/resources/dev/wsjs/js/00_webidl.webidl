// https://webidl.spec.whatwg.org/#idl-types — the buffer source typedefs 00_webidl.js converts.
// 00_webidl.js defines no interface; these are the IDL typedefs its converters implement.
typedef (Int8Array or Int16Array or Int32Array or
         Uint8Array or Uint16Array or Uint32Array or Uint8ClampedArray or
         BigInt64Array or BigUint64Array or
         Float16Array or Float32Array or Float64Array or DataView) ArrayBufferView;

typedef (ArrayBufferView or ArrayBuffer) BufferSource;
typedef ([AllowShared] ArrayBufferView or ArrayBuffer or SharedArrayBuffer) AllowSharedBufferSource;

typedef unsigned long long DOMTimeStamp;
typedef double DOMHighResTimeStamp;

callback Function = any (any... arguments);
callback VoidFunction = undefined ();
