// https://html.spec.whatwg.org/multipage/web-messaging.html#channel-messaging (implemented by 09_messaging.js)
// Within one realm: this runtime has no workers, windows or other realms to pass ports to.
// Not implemented: the close event (onclose), which the standard added after these interfaces.

[Exposed=*]
interface MessageChannel {
  constructor();

  readonly attribute MessagePort port1;
  readonly attribute MessagePort port2;
};

[Exposed=(Window,Worker,AudioWorklet), Transferable]
interface MessagePort : EventTarget {
  undefined postMessage(any message, sequence<object> transfer);
  undefined postMessage(any message, optional StructuredSerializeOptions options = {});
  undefined start();
  undefined close();

  // event handlers
  attribute EventHandler onmessage;
  attribute EventHandler onmessageerror;
};

// StructuredSerializeOptions: 09_globals.webidl.
