// META: servers=http
test(() => {
  assert_regexp_match(SERVERS.http, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert_true(Object.isFrozen(SERVERS));
}, "server URLs reach the script");
