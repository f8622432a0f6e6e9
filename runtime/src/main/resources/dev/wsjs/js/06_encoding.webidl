// https://encoding.spec.whatwg.org/#api (implemented by 06_encoding.js)
// Decoders: UTF-8, UTF-16LE, UTF-16BE, the legacy single-byte encodings, x-user-defined; the labels
// of the legacy multi-byte encodings throw RangeError. TextDecoderStream and TextEncoderStream: 06_text_streams.webidl.

interface mixin TextDecoderCommon {
  readonly attribute DOMString encoding;
  readonly attribute boolean fatal;
  readonly attribute boolean ignoreBOM;
};

dictionary TextDecoderOptions {
  boolean fatal = false;
  boolean ignoreBOM = false;
};

dictionary TextDecodeOptions {
  boolean stream = false;
};

[Exposed=*]
interface TextDecoder {
  constructor(optional DOMString label = "utf-8", optional TextDecoderOptions options = {});

  USVString decode(optional AllowSharedBufferSource input, optional TextDecodeOptions options = {});
};
TextDecoder includes TextDecoderCommon;

interface mixin TextEncoderCommon {
  readonly attribute DOMString encoding;
};

dictionary TextEncoderEncodeIntoResult {
  unsigned long long read;
  unsigned long long written;
};

[Exposed=*]
interface TextEncoder {
  constructor();

  [NewObject] Uint8Array encode(optional USVString input = "");
  TextEncoderEncodeIntoResult encodeInto(USVString source, [AllowShared] Uint8Array destination);
};
TextEncoder includes TextEncoderCommon;

// https://html.spec.whatwg.org/multipage/webappapis.html#windoworworkerglobalscope (base64 utility methods)
partial interface mixin WindowOrWorkerGlobalScope {
  DOMString btoa(DOMString data);
  ByteString atob(DOMString data);
};
