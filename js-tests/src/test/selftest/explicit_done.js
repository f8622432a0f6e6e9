// With explicit_done, tests added later count until done() is called.
setup({ explicit_done: true });
setTimeout(() => {
  test(() => assert_true(true), "added after load");
  done();
}, 50);
