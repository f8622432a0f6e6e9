// DOMException: https://webidl.spec.whatwg.org/#idl-DOMException
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const ErrorPrototype = Error.prototype;
  const ErrorCaptureStackTrace = typeof Error.captureStackTrace === "function" ? Error.captureStackTrace : undefined;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;

  // The internal slots of a DOMException.
  const _name = Symbol("[[name]]");
  const _message = Symbol("[[message]]");

  // https://webidl.spec.whatwg.org/#dfn-error-names-table: the names that have a legacy code, with the
  // constant on the interface for each. DOMSTRING_SIZE_ERR, NO_DATA_ALLOWED_ERR and VALIDATION_ERR stay as
  // constants although their names left the table (so their names map to code 0).
  const CONSTANTS = {
    INDEX_SIZE_ERR: 1,
    DOMSTRING_SIZE_ERR: 2,
    HIERARCHY_REQUEST_ERR: 3,
    WRONG_DOCUMENT_ERR: 4,
    INVALID_CHARACTER_ERR: 5,
    NO_DATA_ALLOWED_ERR: 6,
    NO_MODIFICATION_ALLOWED_ERR: 7,
    NOT_FOUND_ERR: 8,
    NOT_SUPPORTED_ERR: 9,
    INUSE_ATTRIBUTE_ERR: 10,
    INVALID_STATE_ERR: 11,
    SYNTAX_ERR: 12,
    INVALID_MODIFICATION_ERR: 13,
    NAMESPACE_ERR: 14,
    INVALID_ACCESS_ERR: 15,
    VALIDATION_ERR: 16,
    TYPE_MISMATCH_ERR: 17,
    SECURITY_ERR: 18,
    NETWORK_ERR: 19,
    ABORT_ERR: 20,
    URL_MISMATCH_ERR: 21,
    QUOTA_EXCEEDED_ERR: 22,
    TIMEOUT_ERR: 23,
    INVALID_NODE_TYPE_ERR: 24,
    DATA_CLONE_ERR: 25,
  };

  const LEGACY_CODES = new Map([
    ["IndexSizeError", 1],
    ["HierarchyRequestError", 3],
    ["WrongDocumentError", 4],
    ["InvalidCharacterError", 5],
    ["NoModificationAllowedError", 7],
    ["NotFoundError", 8],
    ["NotSupportedError", 9],
    ["InUseAttributeError", 10],
    ["InvalidStateError", 11],
    ["SyntaxError", 12],
    ["InvalidModificationError", 13],
    ["NamespaceError", 14],
    ["InvalidAccessError", 15],
    ["TypeMismatchError", 17],
    ["SecurityError", 18],
    ["NetworkError", 19],
    ["AbortError", 20],
    ["URLMismatchError", 21],
    ["QuotaExceededError", 22],
    ["TimeoutError", 23],
    ["InvalidNodeTypeError", 24],
    ["DataCloneError", 25],
  ]);

  class DOMException {
    // https://webidl.spec.whatwg.org/#dom-domexception-domexception
    constructor(message = "", name = "Error") {
      const prefix = "Failed to construct 'DOMException'";
      message = webidl.converters.DOMString(message, prefix, "Argument 1");
      name = webidl.converters.DOMString(name, prefix, "Argument 2");
      this[webidl.brand] = webidl.brand;
      // 1. Set this's name to name.
      this[_name] = name;
      // 2. Set this's message to message.
      this[_message] = message;
      // Not in WebIDL, as in every browser: a stack captured where the exception was created, so an
      // uncaught DOMException prints like an Error ("AbortError: … at …").
      captureStack(this, new.target);
    }

    // https://webidl.spec.whatwg.org/#dom-domexception-name
    get name() {
      webidl.assertBranded(this, DOMExceptionPrototype);
      return this[_name];
    }

    // https://webidl.spec.whatwg.org/#dom-domexception-message
    get message() {
      webidl.assertBranded(this, DOMExceptionPrototype);
      return this[_message];
    }

    // https://webidl.spec.whatwg.org/#dom-domexception-code
    get code() {
      webidl.assertBranded(this, DOMExceptionPrototype);
      // The code getter steps are to return the legacy code indicated in the error names table for this's
      // name, or 0 if no such entry exists in the table.
      return LEGACY_CODES.get(this[_name]) ?? 0;
    }
  }

  /** Gives `error` an own `stack` like an Error's, whose first line is "name: message". */
  function captureStack(error, constructor) {
    if (ErrorCaptureStackTrace !== undefined) {
      ErrorCaptureStackTrace(error, constructor);
      return;
    }
    const text = new Error().stack ?? "";
    const frames = text.slice(text.indexOf("\n") + 1);
    const header = error[_message] === "" ? error[_name] : `${error[_name]}: ${error[_message]}`;
    ObjectDefineProperty(error, "stack", {
      __proto__: null,
      value: `${header}\n${frames}`,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }

  const DOMExceptionPrototype = DOMException.prototype;
  webidl.configureInterface(DOMException);
  webidl.defineConstants(DOMException, CONSTANTS);
  // https://webidl.spec.whatwg.org/#es-DOMException-specialness: the [[Prototype]] of
  // DOMException.prototype is %Error.prototype%, so instances are `instanceof Error`.
  ObjectSetPrototypeOf(DOMExceptionPrototype, ErrorPrototype);

  /**
   * DOMException is [Serializable]: https://webidl.spec.whatwg.org/#idl-DOMException (serialization
   * steps copy name and message; deserialization sets them on a new object). These helpers let a
   * structured-clone implementation do exactly that.
   */
  function serializeDOMException(value) {
    webidl.assertBranded(value, DOMExceptionPrototype);
    return { name: value[_name], message: value[_message] };
  }

  function deserializeDOMException(record) {
    return new DOMException(record.message, record.name);
  }

  internals.DOMException = DOMException;
  internals.serializeDOMException = serializeDOMException;
  internals.deserializeDOMException = deserializeDOMException;
  webidl.exposeInterface(globalThis, "DOMException", DOMException);
})
