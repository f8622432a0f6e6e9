// FormData (the XMLHttpRequest Standard, https://xhr.spec.whatwg.org/#interface-formdata): an entry
// list of names and values, each value a string or a File. There are no forms here, so the
// constructor accepts no HTMLFormElement (the IDL conversion of one refuses every value).
(function (globalThis, internals, ops) {
  "use strict";

  const webidl = internals.webidl;
  const converters = webidl.converters;
  const blobs = internals.blob;

  const TypeErrorCtor = TypeError;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ReflectApply = Reflect.apply;
  const DateNow = Date.now;
  const BlobType = Object.getOwnPropertyDescriptor(globalThis.Blob.prototype, "type").get;
  const FileLastModified = Object.getOwnPropertyDescriptor(globalThis.File.prototype, "lastModified").get;

  /** One entry of an entry list: a name (a scalar value string) and a value (a scalar value string or a File). */
  function entry(name, value) {
    return { __proto__: null, name, value };
  }

  // https://xhr.spec.whatwg.org/#create-an-entry
  function createEntry(name, value, filename) {
    // 1. Set name to the result of converting name into a scalar value string. (The IDL USVString
    //    conversion already did.)
    // 2. If value is a string, then set value to the result of converting value into a scalar value
    //    string. (Also done by the USVString conversion.)
    if (typeof value === "string") return entry(name, value);
    // 3. Otherwise:
    // 3.1. If value is not a File object, then set value to a new File object, representing the same
    //      bytes, whose name attribute value is "blob".
    let lastModified;
    if (blobs.isFile(value)) {
      lastModified = ReflectApply(FileLastModified, value, []);
    } else {
      lastModified = DateNow();
      value = blobs.createFile(blobs.blobData(value), ReflectApply(BlobType, value, []), "blob", lastModified);
    }
    // 3.2. If filename is given, then set value to a new File object, representing the same bytes,
    //      whose name attribute is filename.
    if (filename !== undefined) {
      value = blobs.createFile(blobs.blobData(value), ReflectApply(BlobType, value, []), filename, lastModified);
    }
    // 4. Return an entry whose name is name and whose value is value.
    return entry(name, value);
  }

  /**
   * The arguments of append() and set(), after overload resolution between (USVString name, USVString
   * value) and (USVString name, Blob blobValue, optional USVString filename): a Blob second argument
   * (or any third argument) picks the Blob overload.
   */
  function convertEntryArguments(args, prefix) {
    webidl.requiredArguments(args.length, 2, prefix);
    const name = converters.USVString(args[0], prefix, "Argument 1");
    if (args.length >= 3 || blobs.isBlob(args[1])) {
      if (!blobs.isBlob(args[1])) {
        throw webidl.makeException(TypeErrorCtor, "is not of type 'Blob'.", prefix, "Argument 2");
      }
      const filename = args[2] === undefined ? undefined : converters.USVString(args[2], prefix, "Argument 3");
      return createEntry(name, args[1], filename);
    }
    return createEntry(name, converters.USVString(args[1], prefix, "Argument 2"), undefined);
  }

  let entryListOf;

  class FormData {
    // This's entry list.
    #entries = [];

    static {
      entryListOf = (V) => (V !== null && typeof V === "object" && #entries in V ? V.#entries : undefined);
    }

    static #check(self) {
      const list = entryListOf(self);
      if (list === undefined) throw new TypeErrorCtor("Illegal invocation");
      return list;
    }

    // https://xhr.spec.whatwg.org/#dom-formdata
    constructor(form = undefined, submitter = null) {
      const prefix = "Failed to construct 'FormData'";
      this[webidl.brand] = webidl.brand;
      // optional HTMLFormElement form: this runtime has no elements, so any given value fails the
      // conversion; optional HTMLElement? submitter = null likewise for any non-null value.
      if (form !== undefined) {
        throw webidl.makeException(TypeErrorCtor, "is not of type 'HTMLFormElement'.", prefix, "Argument 1");
      }
      if (submitter !== null && submitter !== undefined) {
        throw webidl.makeException(TypeErrorCtor, "is not of type 'HTMLElement'.", prefix, "Argument 2");
      }
      // 1. If form is given, then: ... (never: see above)
    }

    // https://xhr.spec.whatwg.org/#dom-formdata-append
    append(name, value) {
      const list = FormData.#check(this);
      // 1. Let value be value if given; otherwise blobValue.
      // 2. Let entry be the result of creating an entry with name, value, and filename if given.
      const newEntry = convertEntryArguments(arguments, "Failed to execute 'append' on 'FormData'");
      // 3. Append entry to this's entry list.
      list.push(newEntry);
    }

    // https://xhr.spec.whatwg.org/#dom-formdata-delete
    delete(name) {
      const list = FormData.#check(this);
      const prefix = "Failed to execute 'delete' on 'FormData'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = converters.USVString(name, prefix, "Argument 1");
      // The delete(name) method steps are to remove all entries whose name is name from this's entry list.
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        if (list[i].name !== name) list[kept++] = list[i];
      }
      list.length = kept;
    }

    // https://xhr.spec.whatwg.org/#dom-formdata-get
    get(name) {
      const list = FormData.#check(this);
      const prefix = "Failed to execute 'get' on 'FormData'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = converters.USVString(name, prefix, "Argument 1");
      // 1. If there is no entry whose name is name in this's entry list, then return null.
      // 2. Return the value of the first entry whose name is name from this's entry list.
      for (let i = 0; i < list.length; i++) {
        if (list[i].name === name) return list[i].value;
      }
      return null;
    }

    // https://xhr.spec.whatwg.org/#dom-formdata-getall
    getAll(name) {
      const list = FormData.#check(this);
      const prefix = "Failed to execute 'getAll' on 'FormData'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = converters.USVString(name, prefix, "Argument 1");
      // 1. If there is no entry whose name is name in this's entry list, then return the empty list.
      // 2. Return the values of all entries whose name is name, in order, from this's entry list.
      const values = [];
      for (let i = 0; i < list.length; i++) {
        if (list[i].name === name) values.push(list[i].value);
      }
      return values;
    }

    // https://xhr.spec.whatwg.org/#dom-formdata-has
    has(name) {
      const list = FormData.#check(this);
      const prefix = "Failed to execute 'has' on 'FormData'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = converters.USVString(name, prefix, "Argument 1");
      // The has(name) method steps are to return true if there is an entry whose name is name in this's
      // entry list; otherwise false.
      for (let i = 0; i < list.length; i++) {
        if (list[i].name === name) return true;
      }
      return false;
    }

    // https://xhr.spec.whatwg.org/#dom-formdata-set
    set(name, value) {
      const list = FormData.#check(this);
      // 1. Let value be value if given; otherwise blobValue.
      // 2. Let entry be the result of creating an entry with name, value, and filename if given.
      const newEntry = convertEntryArguments(arguments, "Failed to execute 'set' on 'FormData'");
      // 3. If there are entries in this's entry list whose name is name, then replace the first such
      //    entry with entry and remove the others.
      let replaced = false;
      let kept = 0;
      for (let i = 0; i < list.length; i++) {
        if (list[i].name !== newEntry.name) {
          list[kept++] = list[i];
        } else if (!replaced) {
          list[kept++] = newEntry;
          replaced = true;
        }
      }
      list.length = kept;
      // 4. Otherwise, append entry to this's entry list.
      if (!replaced) list.push(newEntry);
    }

    // iterable<USVString, FormDataEntryValue>: the value pairs to iterate over are this's entry list's
    // entries, with the key being the name and the value being the value; iteration reads the live list.
    entries() {
      return createIterator(FormData.#check(this), ENTRIES);
    }

    keys() {
      return createIterator(FormData.#check(this), KEYS);
    }

    values() {
      return createIterator(FormData.#check(this), VALUES);
    }

    // https://webidl.spec.whatwg.org/#es-forEach
    forEach(callback, thisArg = undefined) {
      const list = FormData.#check(this);
      const prefix = "Failed to execute 'forEach' on 'FormData'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      if (typeof callback !== "function") throw new TypeErrorCtor(`${prefix}: Argument 1 is not a function.`);
      // Each step re-reads the list, so changes made by the callback are seen.
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        ReflectApply(callback, thisArg, [item.value, item.name, this]);
      }
    }
  }

  // ------------------------------------------------------------------ default iterator objects

  const KEYS = 0;
  const VALUES = 1;
  const ENTRIES = 2;

  // https://webidl.spec.whatwg.org/#es-default-iterator-object: each iterator's target list, kind and index.
  const iteratorStates = new WeakMap();
  const FormDataIteratorPrototype = ObjectCreate(ObjectGetPrototypeOf(ObjectGetPrototypeOf([][Symbol.iterator]())));

  function createIterator(list, kind) {
    const iterator = ObjectCreate(FormDataIteratorPrototype);
    iteratorStates.set(iterator, { __proto__: null, list, kind, index: 0 });
    return iterator;
  }

  // https://webidl.spec.whatwg.org/#es-iterator-prototype-object: %FormDataIteratorPrototype%.next
  const iteratorMethods = {
    next() {
      const state = iteratorStates.get(this);
      if (state === undefined) throw new TypeErrorCtor("Illegal invocation");
      const list = state.list;
      if (state.index >= list.length) return { value: undefined, done: true };
      const item = list[state.index++];
      switch (state.kind) {
        case KEYS: return { value: item.name, done: false };
        case VALUES: return { value: item.value, done: false };
        default: return { value: [item.name, item.value], done: false };
      }
    },
  };
  ObjectDefineProperty(FormDataIteratorPrototype, "next", {
    __proto__: null, value: iteratorMethods.next, writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(FormDataIteratorPrototype, Symbol.toStringTag, {
    __proto__: null, value: "FormData Iterator", writable: false, enumerable: false, configurable: true,
  });

  webidl.configureInterface(FormData);
  // @@iterator is the same function object as entries().
  ObjectDefineProperty(FormData.prototype, Symbol.iterator, {
    __proto__: null, value: FormData.prototype.entries, writable: true, enumerable: false, configurable: true,
  });
  webidl.exposeInterface(globalThis, "FormData", FormData);
})
