// FormData (XHR Standard): an entry list of scalar-value-string names and string or File values.

test(() => {
  const desc = Object.getOwnPropertyDescriptor(globalThis, "FormData");
  assert_false(desc.enumerable);
  assert_equals(FormData.length, 0);
  assert_equals(Object.prototype.toString.call(new FormData()), "[object FormData]");
  assert_equals(FormData.prototype.append.length, 2);
  assert_equals(FormData.prototype[Symbol.iterator], FormData.prototype.entries);
  assert_throws_js(TypeError, () => FormData.prototype.get.call({}, "a"), "brand check");
  assert_throws_js(TypeError, () => new FormData({}), "no HTMLFormElement here");
  assert_throws_js(TypeError, () => new FormData(undefined, {}), "no HTMLElement submitter here");
  new FormData(undefined, null);
  assert_throws_js(TypeError, () => new FormData().append("a"), "two arguments required");
  assert_throws_js(TypeError, () => new FormData().append("a", "b", "c"), "a third argument needs a Blob");
}, "FormData is a WebIDL interface");

test(() => {
  const fd = new FormData();
  fd.append("a", "1");
  fd.append("b", 2);
  fd.append("a", "\uD800x");
  assert_equals(fd.get("a"), "1");
  assert_array_equals(fd.getAll("a"), ["1", "\uFFFDx"], "values are scalar value strings");
  assert_equals(fd.get("b"), "2");
  assert_equals(fd.get("missing"), null);
  assert_true(fd.has("b"));
  fd.set("a", "only");
  assert_array_equals([...fd.keys()], ["a", "b"], "set replaces the first and removes the others");
  fd.set("c", "new");
  fd.delete("b");
  assert_array_equals([...fd].map(([k, v]) => `${k}=${v}`), ["a=only", "c=new"]);
  const seen = [];
  fd.forEach(function (value, key, target) {
    seen.push(`${key}:${value}:${target === fd}:${this.tag}`);
  }, { tag: "t" });
  assert_array_equals(seen, ["a:only:true:t", "c:new:true:t"]);
  const iterator = fd.entries();
  assert_equals(Object.prototype.toString.call(iterator), "[object FormData Iterator]");
  fd.append("d", "late");
  assert_array_equals([...iterator].map((pair) => pair[0]), ["a", "c", "d"], "iteration reads the live list");
}, "append, get, getAll, has, set, delete and iteration");

promise_test(async () => {
  const fd = new FormData();
  const blob = new Blob(["bytes"], { type: "text/plain" });
  fd.append("blob", blob);
  const asFile = fd.get("blob");
  assert_true(asFile instanceof File, "a Blob value becomes a File");
  assert_equals(asFile.name, "blob");
  assert_equals(asFile.type, "text/plain");
  assert_equals(await asFile.text(), "bytes");
  const file = new File(["f"], "orig.txt", { type: "text/x", lastModified: 42 });
  fd.append("file", file);
  assert_equals(fd.get("file"), file, "a File without a filename is kept as it is");
  fd.set("renamed", file, "new\uD800.txt");
  const renamed = fd.get("renamed");
  assert_not_equals(renamed, file);
  assert_equals(renamed.name, "new\uFFFD.txt");
  assert_equals(renamed.type, "text/x");
  assert_equals(renamed.lastModified, 42);
  assert_equals(await renamed.text(), "f");
}, "Blob values become Files named blob, or after the filename given");

test(() => {
  const fd = new FormData();
  fd.append("a", "b");
  fd.append("c", "d");
  assert_equals(new URLSearchParams(fd).toString(), "a=b&c=d", "FormData is iterable as pairs");
}, "URLSearchParams takes a FormData as its sequence of pairs");
