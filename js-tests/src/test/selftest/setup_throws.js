setup(() => { throw new Error("bad setup"); });
test(() => assert_true(true), "after a failed setup");
