package dev.wsjs.text;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** URLSearchParams: the application/x-www-form-urlencoded parser and serializer, and the methods. */
class UrlSearchParamsTest {

    private static TextJs js;

    @BeforeAll
    static void start() {
        js = new TextJs();
        js.eval("var pairs = (params) => JSON.stringify([...params]);");
    }

    @AfterAll
    static void stop() {
        js.close();
    }

    @Test
    void stringInitIsParsedAsUrlencoded() {
        js.assertNoFailures("""
                const cases = [
                  ["", "[]"],
                  ["?", "[]"],
                  ["??a=b", '[["?a","b"]]'],
                  ["a=b=c", '[["a","b=c"]]'],
                  ["&&a&", '[["a",""]]'],
                  ["=x&=", '[["","x"],["",""]]'],
                  ["a+b=c+d", '[["a b","c d"]]'],
                  ["%41%2b=%zz%4", '[["A+","%zz%4"]]'],
                  ["a=%C3%A9%C3", '[["a","\\u00e9\\ufffd"]]'],
                  ["a=%EF%BB%BFx", '[["a","\\ufeffx"]]'],
                  ["\\u00e9=\\ud83d\\ude00", '[["\\u00e9","\\ud83d\\ude00"]]'],
                  ["a=\\ud800", '[["a","\\ufffd"]]'],
                ];
                for (const [init, expected] of cases) check(failures, "init " + show(init), pairs(new URLSearchParams(init)), expected);
                """);
    }

    @Test
    void sequenceRecordAndObjectInits() {
        js.assertNoFailures("""
                check(failures, "sequence", pairs(new URLSearchParams([["a", 1], ["b", null]])), '[["a","1"],["b","null"]]');
                check(failures, "map", pairs(new URLSearchParams(new Map([["k", "v"]]))), '[["k","v"]]');
                check(failures, "copy", pairs(new URLSearchParams(new URLSearchParams("x=1&x=2"))), '[["x","1"],["x","2"]]');
                check(failures, "generator", pairs(new URLSearchParams((function* () { yield new Set(["s", "t"]); })())), '[["s","t"]]');
                check(failures, "record", pairs(new URLSearchParams({ b: "2", a: "1" })), '[["b","2"],["a","1"]]');
                const hidden = { x: "1" };
                Object.defineProperty(hidden, "hidden", { value: "3", enumerable: false });
                Object.defineProperty(hidden, Symbol("s"), { value: "4", enumerable: false });
                check(failures, "record skips non-enumerables", pairs(new URLSearchParams(hidden)), '[["x","1"]]');
                check(failures, "record with a symbol key", attempt(() => new URLSearchParams({ [Symbol("s")]: "2" })).split(":")[0], "TypeError");
                check(failures, "null is a string", pairs(new URLSearchParams(null)), '[["null",""]]');
                check(failures, "undefined is empty", pairs(new URLSearchParams(undefined)), "[]");
                check(failures, "function record", pairs(new URLSearchParams(Object.assign(() => {}, { f: "g" }))), '[["f","g"]]');
                check(failures, "pair too short", attempt(() => new URLSearchParams([["a"]])).split(":")[0], "TypeError");
                check(failures, "pair too long", attempt(() => new URLSearchParams([["a", "b", "c"]])).split(":")[0], "TypeError");
                check(failures, "pair not iterable", attempt(() => new URLSearchParams([1])).split(":")[0], "TypeError");
                check(failures, "non-callable @@iterator", attempt(() => new URLSearchParams({ [Symbol.iterator]: 1 })).split(":")[0], "TypeError");
                check(failures, "symbol", attempt(() => new URLSearchParams(Symbol())).split(":")[0], "TypeError");
                """);
    }

    @Test
    void serializerUsesTheFormUrlencodedSet() {
        js.assertNoFailures("""
                const p = new URLSearchParams();
                p.append("a b", "*-._~!'()&=+,/:;?@[]$%#\\u00e9\\n");
                check(failures, "serialized", p.toString(), "a+b=*-._%7E%21%27%28%29%26%3D%2B%2C%2F%3A%3B%3F%40%5B%5D%24%25%23%C3%A9%0A");
                check(failures, "round trip", pairs(new URLSearchParams(p.toString())), pairs(p));
                check(failures, "String()", String(new URLSearchParams([["", ""]])), "=");
                """);
    }

    @Test
    void methodsFollowTheStandard() {
        js.assertNoFailures("""
                const p = new URLSearchParams("a=1&b=2&a=3&c=4");
                check(failures, "size", p.size, 4);
                check(failures, "get", p.get("a"), "1");
                check(failures, "get missing", p.get("z"), null);
                check(failures, "getAll", JSON.stringify(p.getAll("a")), '["1","3"]');
                check(failures, "getAll missing", JSON.stringify(p.getAll("z")), "[]");
                check(failures, "has", p.has("b"), true);
                check(failures, "has value", p.has("a", "3"), true);
                check(failures, "has wrong value", p.has("a", "2"), false);
                check(failures, "has undefined value", p.has("a", undefined), true);
                p.delete("a", "1");
                check(failures, "delete with value", p.toString(), "b=2&a=3&c=4");
                p.delete("a", undefined);
                check(failures, "delete undefined value", p.toString(), "b=2&c=4");
                p.append("b", "5");
                p.set("b", "6");
                check(failures, "set keeps the first place", p.toString(), "b=6&c=4");
                p.set("d", "7");
                check(failures, "set appends", p.toString(), "b=6&c=4&d=7");
                check(failures, "value converted", (p.append("n", 1.5), p.get("n")), "1.5");
                check(failures, "append arguments", attempt(() => p.append("x")), "TypeError: Failed to execute 'append' on 'URLSearchParams': 2 arguments required, but only 1 present.");
                check(failures, "get arguments", attempt(() => p.get()), "TypeError: Failed to execute 'get' on 'URLSearchParams': 1 argument required, but only 0 present.");
                """);
    }

    @Test
    void sortIsStableAndByCodeUnits() {
        js.assertNoFailures("""
                const p = new URLSearchParams("z=1&\\ufffd=2&a=3&\\ud83d\\ude00=4&z=5&a=6&=7");
                p.sort();
                check(failures, "sorted", pairs(p), JSON.stringify([["", "7"], ["a", "3"], ["a", "6"], ["z", "1"], ["z", "5"], ["\\ud83d\\ude00", "4"], ["\\ufffd", "2"]]));
                const many = new URLSearchParams();
                for (let i = 0; i < 50; i++) many.append(String.fromCharCode(98 - (i % 2)), String(i));
                many.sort();
                check(failures, "stable", many.getAll("a").join(), Array.from({ length: 25 }, (_, i) => 2 * i + 1).join());
                """);
    }

    @Test
    void iterationIsLiveAndShapedLikeWebIdl() {
        js.assertNoFailures("""
                const p = new URLSearchParams("a=1&b=2");
                const it = p.entries();
                check(failures, "first", JSON.stringify(it.next()), '{"value":["a","1"],"done":false}');
                p.append("c", "3");
                check(failures, "keys", [...p.keys()].join(), "a,b,c");
                check(failures, "values", [...p.values()].join(), "1,2,3");
                check(failures, "live", JSON.stringify([...it]), '[["b","2"],["c","3"]]');
                check(failures, "done", JSON.stringify(it.next()), '{"done":true}');
                check(failures, "@@iterator is entries", p[Symbol.iterator], p.entries);
                check(failures, "iterator tag", Object.prototype.toString.call(it), "[object URLSearchParams Iterator]");
                const itProto = Object.getPrototypeOf(it);
                check(failures, "iterator proto", Object.getPrototypeOf(itProto), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
                check(failures, "next brand", attempt(() => itProto.next.call({})), "TypeError: Illegal invocation");
                const seen = [];
                p.forEach(function (value, key, target) { seen.push(key + "=" + value + (target === p) + (this === seen)); }, seen);
                check(failures, "forEach", seen.join(), "a=1truetrue,b=2truetrue,c=3truetrue");
                check(failures, "forEach needs a function", attempt(() => p.forEach(1)).split(":")[0], "TypeError");
                """);
    }

    @Test
    void interfaceShapeAndBrandChecks() {
        js.assertNoFailures("""
                const proto = URLSearchParams.prototype;
                check(failures, "length", URLSearchParams.length, 0);
                check(failures, "toStringTag", Object.prototype.toString.call(new URLSearchParams()), "[object URLSearchParams]");
                check(failures, "delete.length", proto.delete.length, 1);
                check(failures, "has.length", proto.has.length, 1);
                check(failures, "forEach.length", proto.forEach.length, 1);
                check(failures, "size accessor", typeof Object.getOwnPropertyDescriptor(proto, "size").get, "function");
                check(failures, "methods enumerable", ["append", "delete", "get", "getAll", "has", "set", "sort", "entries", "keys", "values", "forEach", "toString", "size"]
                  .every((k) => Object.getOwnPropertyDescriptor(proto, k).enumerable), true);
                check(failures, "@@iterator not enumerable", Object.getOwnPropertyDescriptor(proto, Symbol.iterator).enumerable, false);
                check(failures, "brand", attempt(() => proto.get.call(new URL("http://h/"), "a")), "TypeError: Illegal invocation");
                check(failures, "size brand", attempt(() => proto.size), "TypeError: Illegal invocation");
                class Mine extends URLSearchParams {}
                check(failures, "subclass", new Mine("a=b").get("a"), "b");
                """);
    }
}
