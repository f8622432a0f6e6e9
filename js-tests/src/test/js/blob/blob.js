// Blob and File (https://w3c.github.io/FileAPI/).

promise_test(async () => {
  const blob = new Blob(["héllo ", new Uint8Array([65, 66]), new Blob(["!"])], { type: "Text/Plain" });
  assert_equals(blob.size, 6 + 1 + 2 + 1);
  assert_equals(blob.type, "text/plain", "the type is lower-cased");
  assert_equals(await blob.text(), "héllo AB!");
  const bytes = new Uint8Array(await blob.arrayBuffer());
  assert_equals(bytes[7], 65);
}, "parts from strings (UTF-8), buffers and Blobs");

promise_test(async () => {
  const blob = new Blob(["0123456789"]);
  assert_equals(await blob.slice(2, 5).text(), "234");
  assert_equals(await blob.slice(-3).text(), "789");
  assert_equals(await blob.slice(5, 2).text(), "");
  assert_equals(await blob.slice(8, 100).text(), "89");
  assert_equals(blob.slice(0, 1, "A/B").type, "a/b");
}, "slice with negative and out-of-range indices");

test(() => {
  assert_equals(new Blob([], { type: "a\u00e9" }).type, "", "a type outside U+0020-U+007E becomes empty");
  assert_equals(new Blob().size, 0);
}, "type normalisation");

promise_test(async () => {
  const source = new Uint8Array([1, 2, 3]);
  const blob = new Blob([source]);
  source[0] = 9;
  assert_array_equals(Array.from(new Uint8Array(await blob.arrayBuffer())), [1, 2, 3], "the constructor copies");
}, "a Blob does not change when its source buffer does");

test(() => {
  const file = new File(["x"], "name.txt", { type: "text/plain", lastModified: 42 });
  assert_true(file instanceof Blob);
  assert_equals(file.name, "name.txt");
  assert_equals(file.lastModified, 42);
  assert_equals(Object.prototype.toString.call(file), "[object File]");
}, "File is a Blob with a name and lastModified");

async_test((t) => {
  const reader = new FileReader();
  const events = [];
  for (const type of ["loadstart", "progress", "load", "loadend"]) {
    reader.addEventListener(type, () => events.push(type));
  }
  reader.readAsText(new Blob(["read me"]));
  assert_equals(reader.readyState, FileReader.LOADING);
  assert_throws_dom("InvalidStateError", () => reader.readAsText(new Blob(["busy"])));
  reader.onloadend = t.step_func_done(() => {
    assert_equals(reader.result, "read me");
    assert_array_equals(events.slice(0, 1), ["loadstart"]);
    assert_true(events.includes("load"));
  });
}, "FileReader reads as text with its events, and refuses a second read while busy");

promise_test(async () => {
  // load and loadend are fired by one task; the load listeners' microtasks run in between, because
  // the JavaScript stack is empty once they return (HTML's "clean up after running a callback").
  for (const parts of [[], ["a"]]) {
    const reader = new FileReader();
    const log = [];
    reader.onload = () => {
      log.push("load");
      Promise.resolve().then(() => log.push("microtask queued by load"));
    };
    const loadend = new Promise((resolve) => {
      reader.onloadend = () => {
        log.push("loadend");
        resolve();
      };
    });
    reader.readAsText(new Blob(parts));
    await loadend;
    assert_array_equals(log, ["load", "microtask queued by load", "loadend"], `${parts.length} parts`);
  }
}, "FileReader performs a microtask checkpoint between load and loadend");

promise_test(async () => {
  // A load listener that starts another read keeps loadend for that read.
  const reader = new FileReader();
  const log = [];
  let reads = 0;
  reader.onload = () => {
    log.push(`load ${reader.result}`);
    if (reads++ === 0) reader.readAsText(new Blob(["second"]));
  };
  const done = new Promise((resolve) => {
    reader.onloadend = () => {
      log.push("loadend");
      resolve();
    };
  });
  reader.readAsText(new Blob(["first"]));
  await done;
  assert_array_equals(log, ["load first", "load second", "loadend"]);
}, "FileReader fires loadend only for the read that is not followed by another");
