test(() => assert_true(true), "never parsed");
let = ;
