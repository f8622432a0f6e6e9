// A file that does not finish in its time: running tests TIMEOUT, queued ones NOTRUN.
setup({ timeout: 300 });
async_test(() => {}, "never done");
promise_test(() => new Promise(() => {}), "never settles");
promise_test(() => Promise.resolve(), "queued behind it");
