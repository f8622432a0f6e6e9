// The interfaces and global members 09_globals.js implements.
//
// HTML: structuredClone, navigator, location, self, window
//   https://html.spec.whatwg.org/multipage/structured-data.html#structured-cloning
//   https://html.spec.whatwg.org/multipage/system-state.html#the-navigator-object
//   https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface
// Web Cryptography: https://w3c.github.io/webcrypto/#crypto-interface
// High Resolution Time: https://w3c.github.io/hr-time/#the-performance-interface
// Performance Timeline: https://w3c.github.io/performance-timeline/
// User Timing: https://w3c.github.io/user-timing/
//
// Deviations and omissions:
// - structuredClone refuses a SharedArrayBuffer with a DataCloneError: the clone must be a new
//   SharedArrayBuffer over the same memory, which JavaScript code cannot create. Only ArrayBuffers
//   are transferable. An ArrayBuffer that wraps host memory cannot be detached, so transferring one
//   throws a TypeError (as DetachArrayBuffer does for a buffer with a detach key).
// - Crypto.subtle is not implemented.
// - The runtime counts as cross-origin isolated for time: performance.now() has a 5 µs resolution.
// - Performance has no navigation/resource timing (no PerformanceTiming, so no mark names are
//   reserved), no PerformanceObserver, and no eventCounts.
// - Location cannot navigate: its setters, assign(), replace() and reload() throw a
//   "NotSupportedError" DOMException; ancestorOrigins is not implemented. Without a runtime URL there
//   is no location at all.
// - self and window exist only when the runtime is built with windowAliases(true) (the default).
// - A runtime without a URL counts as a secure context (a local program, as in Deno).

// partial interface mixin WindowOrWorkerGlobalScope
[Replaceable] readonly attribute USVString origin;
readonly attribute boolean isSecureContext;
readonly attribute boolean crossOriginIsolated;
any structuredClone(any value, optional StructuredSerializeOptions options = {});
[SameObject] readonly attribute Crypto crypto;
[Replaceable] readonly attribute Performance performance;

// partial interface Window
[SameObject] readonly attribute Navigator navigator;
[PutForwards=href, LegacyUnforgeable] readonly attribute Location? location;
[LegacyUnforgeable] readonly attribute WindowProxy window;
[Replaceable] readonly attribute WindowProxy self;

dictionary StructuredSerializeOptions {
  sequence<object> transfer = [];
};

[Exposed=(Window,Worker)]
interface Crypto {
  // [SecureContext] readonly attribute SubtleCrypto subtle;   (not implemented)
  ArrayBufferView getRandomValues(ArrayBufferView array);
  [SecureContext] DOMString randomUUID();
};

[Exposed=(Window,Worker)]
interface Performance : EventTarget {
  DOMHighResTimeStamp now();
  readonly attribute DOMHighResTimeStamp timeOrigin;
  [Default] object toJSON();
};

partial interface Performance {
  PerformanceEntryList getEntries();
  PerformanceEntryList getEntriesByType(DOMString type);
  PerformanceEntryList getEntriesByName(DOMString name, optional DOMString type);
};
typedef sequence<PerformanceEntry> PerformanceEntryList;

partial interface Performance {
  PerformanceMark mark(DOMString markName, optional PerformanceMarkOptions markOptions = {});
  undefined clearMarks(optional DOMString markName);
  PerformanceMeasure measure(DOMString measureName,
    optional (DOMString or PerformanceMeasureOptions) startOrMeasureOptions = {},
    optional DOMString endMark);
  undefined clearMeasures(optional DOMString measureName);
};

[Exposed=(Window,Worker)]
interface PerformanceEntry {
  readonly attribute DOMString name;
  readonly attribute DOMString entryType;
  readonly attribute DOMHighResTimeStamp startTime;
  readonly attribute DOMHighResTimeStamp duration;
  [Default] object toJSON();
};

[Exposed=(Window,Worker)]
interface PerformanceMark : PerformanceEntry {
  constructor(DOMString markName, optional PerformanceMarkOptions markOptions = {});
  readonly attribute any detail;
};

[Exposed=(Window,Worker)]
interface PerformanceMeasure : PerformanceEntry {
  readonly attribute any detail;
};

dictionary PerformanceMarkOptions {
  any detail;
  DOMHighResTimeStamp startTime;
};

dictionary PerformanceMeasureOptions {
  any detail;
  (DOMString or DOMHighResTimeStamp) start;
  DOMHighResTimeStamp duration;
  (DOMString or DOMHighResTimeStamp) end;
};

[Exposed=Window]
interface Navigator {
  // NavigatorID ("Gecko" compatibility mode: no vendor)
  readonly attribute DOMString appCodeName; // constant "Mozilla"
  readonly attribute DOMString appName; // constant "Netscape"
  readonly attribute DOMString appVersion; // "4.0"
  readonly attribute DOMString platform;
  readonly attribute DOMString product; // constant "Gecko"
  readonly attribute DOMString productSub; // "20100101"
  readonly attribute DOMString userAgent;
  readonly attribute DOMString vendor; // ""
  readonly attribute DOMString vendorSub; // constant ""
  // NavigatorLanguage
  readonly attribute DOMString language;
  readonly attribute FrozenArray<DOMString> languages;
  // NavigatorOnLine
  readonly attribute boolean onLine;
  // NavigatorConcurrentHardware
  readonly attribute unsigned long long hardwareConcurrency;
};

[Exposed=Window]
interface Location {
  [LegacyUnforgeable] stringifier attribute USVString href;
  [LegacyUnforgeable] readonly attribute USVString origin;
  [LegacyUnforgeable] attribute USVString protocol;
  [LegacyUnforgeable] attribute USVString host;
  [LegacyUnforgeable] attribute USVString hostname;
  [LegacyUnforgeable] attribute USVString port;
  [LegacyUnforgeable] attribute USVString pathname;
  [LegacyUnforgeable] attribute USVString search;
  [LegacyUnforgeable] attribute USVString hash;

  [LegacyUnforgeable] undefined assign(USVString url);
  [LegacyUnforgeable] undefined replace(USVString url);
  [LegacyUnforgeable] undefined reload();

  // [LegacyUnforgeable, SameObject] readonly attribute DOMStringList ancestorOrigins;   (not implemented)
};
