// An error no script handles ends the file with harness status ERROR.
test(() => assert_true(true), "runs before the error");
async_test(() => {}, "still waiting when the error happens");
setTimeout(() => { throw new Error("escaped"); }, 0);
