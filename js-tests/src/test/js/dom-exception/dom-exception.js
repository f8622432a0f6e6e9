// DOMException (WebIDL §3.14.1 / the DOMException names table).

test(() => {
  const e = new DOMException();
  assert_equals(e.name, "Error");
  assert_equals(e.message, "");
  assert_equals(e.code, 0);
}, "defaults: name Error, empty message, code 0");

test(() => {
  const e = new DOMException("boom", "SyntaxError");
  assert_equals(e.name, "SyntaxError");
  assert_equals(e.message, "boom");
  assert_equals(e.code, 12);
  assert_equals(e.code, DOMException.SYNTAX_ERR);
}, "name, message and the legacy code of a known name");

test(() => {
  assert_equals(new DOMException("m", "EncodingError").code, 0, "a name without a legacy code");
  assert_equals(new DOMException("m", "NoSuchName").code, 0, "an unknown name");
  assert_equals(new DOMException("m", "AbortError").code, 20);
  assert_equals(new DOMException("m", "InvalidStateError").code, 11);
}, "codes follow the names table");

test(() => {
  const e = new DOMException("gone", "AbortError");
  assert_true(e instanceof DOMException);
  assert_true(e instanceof Error, "a DOMException is an Error");
  assert_equals(Object.getPrototypeOf(DOMException.prototype), Error.prototype);
  assert_class_string(e, "DOMException");
  assert_equals(String(e), "AbortError: gone");
}, "inherits from Error.prototype");

test(() => {
  const e = new DOMException("m", "AbortError");
  assert_not_own_property(e, "name");
  assert_not_own_property(e, "message");
  assert_not_own_property(e, "code");
  assert_inherits(e, "name");
  assert_readonly(e, "name");
  assert_readonly(e, "code");
}, "name, message and code are read-only attributes on the prototype");

test(() => {
  const getter = Object.getOwnPropertyDescriptor(DOMException.prototype, "name").get;
  assert_throws_js(TypeError, () => getter.call({}));
  assert_throws_js(TypeError, () => DOMException("x"), "calling without new");
}, "brand checks and the constructor");

test(() => {
  for (const [name, value] of [["INDEX_SIZE_ERR", 1], ["NOT_FOUND_ERR", 8], ["ABORT_ERR", 20], ["DATA_CLONE_ERR", 25]]) {
    assert_equals(DOMException[name], value, name);
    assert_equals(DOMException.prototype[name], value, `prototype.${name}`);
    const d = Object.getOwnPropertyDescriptor(DOMException, name);
    assert_false(d.writable || d.configurable, `${name} is a constant`);
  }
}, "legacy code constants on the interface and the prototype");

test(() => {
  assert_throws_dom("SyntaxError", () => { throw new DOMException("x", "SyntaxError"); });
  assert_throws_dom(12, () => { throw new DOMException("x", "SyntaxError"); });
}, "assert_throws_dom recognises a DOMException by name and by code");
