// URL and URLSearchParams (URL Standard).

test(() => {
  const u = new URL("https://user:pw@example.com:8080/a/b?x=1&y=2#frag");
  assert_equals(u.href, "https://user:pw@example.com:8080/a/b?x=1&y=2#frag");
  assert_equals(u.protocol, "https:");
  assert_equals(u.username, "user");
  assert_equals(u.password, "pw");
  assert_equals(u.host, "example.com:8080");
  assert_equals(u.hostname, "example.com");
  assert_equals(u.port, "8080");
  assert_equals(u.pathname, "/a/b");
  assert_equals(u.search, "?x=1&y=2");
  assert_equals(u.hash, "#frag");
  assert_equals(u.origin, "https://example.com:8080");
}, "parsing splits every component");

test(() => {
  assert_equals(new URL("HTTP://EXAMPLE.com:80/./a/../b/%7e?q#f").href, "http://example.com/b/%7e?q#f");
  assert_equals(new URL("ws://127.0.0.1:80/").href, "ws://127.0.0.1/", "80 is the default port of ws");
  assert_equals(new URL("ws://127.0.0.1:443/").port, "443", "443 is not");
  assert_equals(new URL("wss://h:443/").port, "", "the default port of wss is dropped");
  assert_equals(new URL("http://[::1]:8080/").hostname, "[::1]");
  assert_equals(new URL("http://0x7f.1/").hostname, "127.0.0.1", "IPv4 in hex and short forms");
}, "serialization normalizes scheme, host, default port, dot segments");

test(() => {
  assert_equals(new URL("../c?d", "http://h/a/b/").href, "http://h/a/c?d");
  assert_equals(new URL("//other/p", "wss://h/x").href, "wss://other/p");
  assert_equals(new URL("?q", "http://h/p?old#f").href, "http://h/p?q");
  assert_equals(new URL("#only", "http://h/p?q").href, "http://h/p?q#only");
}, "relative references resolve against a base");

test(() => {
  assert_throws_js(TypeError, () => new URL("no scheme"));
  assert_throws_js(TypeError, () => new URL("http://"));
  assert_throws_js(TypeError, () => new URL("/path", "not a base"));
  assert_throws_js(TypeError, () => new URL());
  assert_false(URL.canParse("http://[::1"));
  assert_true(URL.canParse("/p", "http://h/"));
}, "invalid URLs throw TypeError; canParse tells without throwing");

test(() => {
  const u = new URL("http://h/p");
  u.search = "a=1";
  u.hash = "x";
  u.pathname = "/q r";
  u.port = "8081";
  assert_equals(u.href, "http://h:8081/q%20r?a=1#x");
  u.port = "80";
  assert_equals(u.host, "h", "the default port is dropped");
  u.protocol = "https";
  assert_equals(u.protocol, "https:");
  u.protocol = "foo";
  assert_equals(u.protocol, "https:", "a special scheme cannot become non-special");
}, "setters update the URL");

test(() => {
  const u = new URL("http://h/?a=1&b=2&a=3");
  const p = u.searchParams;
  assert_equals(p.get("a"), "1");
  assert_array_equals(p.getAll("a"), ["1", "3"]);
  assert_true(p.has("b"));
  p.append("c", "x y");
  assert_equals(u.search, "?a=1&b=2&a=3&c=x+y", "changes write back to the URL");
  p.delete("a");
  assert_equals(p.toString(), "b=2&c=x+y");
  p.sort();
  assert_equals(p.size, 2);
  u.search = "?z=9";
  assert_equals(p.get("z"), "9", "the URL's query updates its searchParams");
}, "searchParams stays in sync with the URL");

test(() => {
  assert_equals(new URLSearchParams("?a=%20b+c&d").toString(), "a=+b+c&d=");
  assert_equals(new URLSearchParams({ x: "1", y: "é" }).toString(), "x=1&y=%C3%A9");
  assert_equals(new URLSearchParams([["k", "v"], ["k", "w"]]).getAll("k").join(), "v,w");
  assert_throws_js(TypeError, () => new URLSearchParams([["only one"]]));
  assert_array_equals([...new URLSearchParams("b=2&a=1").keys()], ["b", "a"]);
}, "URLSearchParams from strings, records and sequences");

test(() => {
  const u = new URL("http://h/");
  assert_class_string(u, "URL");
  assert_equals(JSON.stringify({ u }), '{"u":"http://h/"}', "toJSON");
  assert_equals(String(u), "http://h/");
  const hrefGetter = Object.getOwnPropertyDescriptor(URL.prototype, "href").get;
  assert_throws_js(TypeError, () => hrefGetter.call({}), "brand check");
  assert_idl_attribute(u, "href");
}, "URL is a real interface");

test(() => {
  // The same strings parsed again (the runtime keeps recent parse results) give independent URLs.
  const a = new URL("https://example.com/a/b?q#f");
  const b = new URL("https://example.com/a/b?q#f");
  assert_not_equals(a, b);
  a.pathname = "/changed";
  a.searchParams.append("x", "1");
  a.hostname = "other.example";
  assert_equals(b.href, "https://example.com/a/b?q#f", "a URL is unaffected by changes to one parsed from the same string");
  assert_equals(new URL("https://example.com/a/b?q#f").href, "https://example.com/a/b?q#f", "nor is a third");
  const v6 = new URL("http://[::1]:81/p");
  v6.port = "82";
  assert_equals(new URL("http://[::1]:81/p").href, "http://[::1]:81/p");
}, "URLs parsed from the same string are independent");

test(() => {
  assert_equals(new URL("c/d", "https://example.com/a/b").href, "https://example.com/a/c/d");
  assert_equals(new URL("c/d", "https://example.org/x/").href, "https://example.org/x/c/d", "same input, another base");
  assert_equals(new URL("c/d", "https://example.com/a/b").href, "https://example.com/a/c/d");
  assert_throws_js(TypeError, () => new URL("c/d"), "no base: failure");
  assert_throws_js(TypeError, () => new URL("c/d"), "and again");
  assert_equals(new URL("c/d", "file:///z/").href, "file:///z/c/d");
  assert_false(URL.canParse("http://exa mple.com/"));
  assert_false(URL.canParse("http://exa mple.com/"));
  assert_true(URL.canParse("ws://127.0.0.1:8080/"));
  assert_equals(URL.parse("ws://127.0.0.1:8080/").port, "8080");
}, "relative URLs are resolved against their own base each time, failures stay failures");
