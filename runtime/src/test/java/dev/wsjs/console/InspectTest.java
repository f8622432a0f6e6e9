package dev.wsjs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How console.log renders values: the Node util.inspect conventions people read every day. */
class InspectTest {

    private ConsoleRuntime js;

    @BeforeEach
    void setUp() {
        js = new ConsoleRuntime();
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void primitivesAtTopLevelAndInsideStructures() {
        assertEquals("-0 [ -0 ] 10n Symbol(q) [ Symbol(q) ] null undefined true",
                js.log("-0, [-0], 10n, Symbol('q'), [Symbol('q')], null, undefined, true"));
        assertEquals("plain [ 'quoted' ]", js.log("'plain', ['quoted']"));
        assertEquals("[ \"it's\", 'a\"b', `both'\"`, 'nl\\n', '\\x7F\\x0B\\x01' ]",
                js.log("[ 'it\\'s', 'a\"b', 'both\\'\"', 'nl\\n', '\\x7f\\x0b\\x01' ]"));
        assertEquals("[ '\\uD800', '😀' ]", js.log("['\\ud800', '\\u{1F600}']"));
        assertEquals("[Number: 3] [String: 'ab'] [Boolean: false]", js.log("new Number(3), new String('ab'), new Boolean(false)"));
    }

    @Test
    void objectsAndKeys() {
        assertEquals("{}", js.log("{}"));
        assertEquals("{ a: 1, b: 'x', c: [ 1, 2 ] }", js.log("{ a: 1, b: 'x', c: [1, 2] }"));
        assertEquals("{ '$x': 1, a1: 2, '1a': 3, 'a-b': 4 }", js.log("{ $x: 1, a1: 2, '1a': 3, 'a-b': 4 }"));
        assertEquals("{ a: 1, [Symbol(s)]: 2 }", js.log("{ [Symbol('s')]: 2, a: 1 }"));
        assertEquals("{ g: [Getter], s: [Setter], gs: [Getter/Setter] }",
                js.log("{ get g() { return 1 }, set s(v) {}, get gs() { return 1 }, set gs(v) {} }"));
        assertEquals("[Object: null prototype] {} [Object: null prototype] { a: 1 }",
                js.log("Object.create(null), Object.assign(Object.create(null), { a: 1 })"));
        assertEquals("{ u: undefined, n: null }", js.log("{ u: undefined, n: null }"));
    }

    @Test
    void classInstancesAndTags() {
        assertEquals("Bar { q: 1 } Empty {}", js.log("new (class Bar { constructor() { this.q = 1 } }), new (class Empty {})"));
        assertEquals("Object [T] {}", js.log("Object.create({ [Symbol.toStringTag]: 'T' })"));
        assertEquals("{ v: 1, [Symbol(Symbol.toStringTag)]: 'Tagged' }", js.log("{ [Symbol.toStringTag]: 'Tagged', v: 1 }"));
        assertEquals("X(2) [ 1, 2 ] [ 1, 2, foo: 'bar' ]", js.log("new (class X extends Array {})(1, 2), Object.assign([1, 2], { foo: 'bar' })"));
    }

    @Test
    void depthLimitIsTwo() {
        assertEquals("{ a: { b: { c: [Object] } } } { a: { b: { c: {} } } }", js.log("{a:{b:{c:{d:1}}}}, {a:{b:{c:{}}}}"));
        assertEquals("[ [ [ [Array] ] ] ] { a: [ { b: [Object] } ] }", js.log("[[[[1]]]], {a:[{b:{c:1}}]}"));
        assertEquals("{ a: { b: { c: [Foo] } } }", js.log("{a:{b:{c:new (class Foo { constructor() { this.x = 1 } })}}}"));
    }

    @Test
    void deepObjectsBreakTheirOuterLevels() {
        assertEquals("""
                {
                  a: {
                    b: { c: { d: { e: 1 } } }
                  }
                }""", js.printed("console.dir({a:{b:{c:{d:{e:1}}}}}, { depth: 9 })"));
    }

    @Test
    void cyclesAreNumbered() {
        assertEquals("<ref *1> { x: 1, self: [Circular *1], arr: [ [Circular *1] ] }",
                js.log("(() => { const o = { x: 1 }; o.self = o; o.arr = [o]; return o })()"));
        assertEquals("{ a: <ref *1> { b: [Circular *1] }, c: <ref *2> [ [Circular *2] ] }",
                js.log("(() => { const a = {}; a.b = a; const c = []; c.push(c); return { a, c } })()"));
    }

    @Test
    void arraysHolesAndTruncation() {
        assertEquals("[ 1, <1 empty item>, 3, <2 empty items>, 6 ] [ <5 empty items> ] []", js.log("[1,,3,,,6], new Array(5), []"));
        String many = js.log("Array.from({ length: 102 }, () => 'ab')");
        assertTrue(many.endsWith("'ab',\n  ... 2 more items\n]"), many);
        assertEquals("[ <1000000 empty items>, 1 ]", js.log("(() => { const a = []; a[1000000] = 1; return a })()"));
    }

    @Test
    void longArraysAreGroupedInColumns() {
        assertEquals("""
                {
                  a: [
                    1, 2, 3, 4,
                    5, 6, 7
                  ]
                }""", js.log("{ a: [1, 2, 3, 4, 5, 6, 7] }"));
        assertEquals("""
                [
                   0,  1,  2,  3,  4,  5,  6,  7,  8,
                   9, 10, 11, 12, 13, 14, 15, 16, 17,
                  18, 19, 20, 21, 22, 23, 24, 25, 26,
                  27, 28, 29
                ]""", js.log("Array.from({ length: 30 }, (_, i) => i)"));
        assertEquals("""
                [
                  'aaa',   'bb',
                  'c',     'dddd',
                  'ee',    'f',
                  'ggggg', 'h'
                ]""", js.log("['aaa','bb','c','dddd','ee','f','ggggg','h']"));
    }

    @Test
    void linesBreakAtAboutSeventyTwoColumns() {
        assertEquals("{ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddd' }",
                js.log("{ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddd' }"));
        assertEquals("""
                {
                  aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb',
                  cccccccccc: 'dddddddddddddddddddd',
                  eeeeee: 'ffff'
                }""", js.log("{ aaaaaaaaaa: 'bbbbbbbbbbbbbbbbbbbb', cccccccccc: 'dddddddddddddddddddd', eeeeee: 'ffff' }"));
        assertEquals("""
                {
                  s: 'xxxxxxxxxxxxxxxxxxxx\\n' +
                    'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\\n' +
                    'zz'
                }""", js.log("{ s: 'x'.repeat(20) + '\\n' + 'y'.repeat(60) + '\\nzz' }"));
    }

    @Test
    void collectionsAndBinaryData() {
        assertEquals("Map(1) { 'a' => 1 } Set(1) { 1 } Map(0) {} Set(0) {}", js.log("new Map([['a', 1]]), new Set([1]), new Map(), new Set()"));
        assertEquals("Map(1) { { a: 1 } => [ 1, 2 ] }", js.log("new Map([[{ a: 1 }, [1, 2]]])"));
        assertEquals("Uint8Array(2) [ 1, 2 ] BigInt64Array(1) [ 5n ] Float32Array(0) []",
                js.log("new Uint8Array([1, 2]), new BigInt64Array([5n]), new Float32Array(0)"));
        assertEquals("ArrayBuffer { [Uint8Contents]: <00 ff 10>, byteLength: 3 }", js.log("new Uint8Array([0, 255, 16]).buffer"));
        assertEquals("""
                DataView {
                  byteLength: 2,
                  byteOffset: 0,
                  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }
                }""", js.log("new DataView(new ArrayBuffer(2))"));
        assertEquals("WeakMap { <items unknown> } WeakSet { <items unknown> }", js.log("new WeakMap(), new WeakSet()"));
        assertTrue(js.log("new ArrayBuffer(120)").endsWith(" ... 20 more bytes>,\n  byteLength: 120\n}"));
    }

    @Test
    void datesRegExpsAndFunctions() {
        assertEquals("1970-01-01T00:00:00.000Z /a\\/b/gi Invalid Date", js.log("new Date(0), /a\\/b/gi, new Date(NaN)"));
        assertEquals("[AsyncFunction: af] [GeneratorFunction (anonymous)] [class A] [class B extends Array] [Function (anonymous)] [Function: max]",
                js.log("async function af(){}, function*(){}, class A {}, class B extends Array {}, () => {}, Math.max"));
        assertEquals("[Function: bar] { x: 1 } { f: [Function: f], g: [Function: g], h: [AsyncFunction: h] }",
                js.log("Object.assign(function bar(){}, { x: 1 }), { f(){}, g: () => 1, async h(){} }"));
    }

    @Test
    void errorsPrintTheirStackAndCause() {
        String plain = js.log("new TypeError('bad')");
        assertTrue(plain.startsWith("TypeError: bad\n    at "), plain);
        String withProps = js.log("Object.assign(new Error('outer', { cause: new RangeError('inner') }), { code: 'E1' })");
        assertTrue(withProps.startsWith("Error: outer\n    at "), withProps);
        assertTrue(withProps.contains("\n  code: 'E1',\n  [cause]: RangeError: inner\n      at "), withProps);
        assertTrue(withProps.endsWith("\n}"), withProps);
        js.eval("var e0 = new TypeError('bad'); e0.stack = 'TypeError: bad';");
        assertEquals("[TypeError: bad] { e: [TypeError: bad] }", js.log("e0, { e: e0 }"));
        String subclass = js.log("new (class ValidationError extends Error {})('x')");
        assertTrue(subclass.startsWith("ValidationError [Error]: x\n"), subclass);
    }

    @Test
    void platformObjectsShowTheirAttributes() {
        // Built like a WebIDL interface: state in a private field, enumerable getters on a tagged prototype.
        assertEquals("Thing { url: 'ws://127.0.0.1/', readyState: 1 }", js.log("""
                (() => {
                  class Thing { #url = 'ws://127.0.0.1/'; get url() { return this.#url; } get readyState() { return 1; } send() {} }
                  for (const k of ['url', 'readyState', 'send']) Object.defineProperty(Thing.prototype, k, { enumerable: true });
                  Object.defineProperty(Thing.prototype, Symbol.toStringTag, { value: 'Thing', configurable: true });
                  return new Thing();
                })()"""));
        // A getter that refuses the receiver (a brand check on the prototype itself) shows as [Getter].
        assertEquals("Base { a: [Getter] }", js.log("""
                (() => {
                  class Base { get a() { throw new TypeError('Illegal invocation'); } }
                  Object.defineProperty(Base.prototype, 'a', { enumerable: true });
                  Object.defineProperty(Base.prototype, Symbol.toStringTag, { value: 'Base', configurable: true });
                  return new Base();
                })()"""));
    }

    @Test
    void internalSlotSymbolsStayHidden() {
        assertEquals("{ visible: 1, [Symbol(x)]: 2 }",
                js.log("{ visible: 1, [Symbol('[[readyState]]')]: 0, [Symbol('x')]: 2 }"));
    }

    @Test
    void customInspectHookIsHonoured() {
        assertEquals("{ money: <42 EUR> }",
                js.log("{ money: { [Symbol.for('nodejs.util.inspect.custom')]() { return '<42 EUR>'; } } }"));
    }

    @Test
    void monkeyPatchedBuiltinsDoNotChangeOutput() {
        js.eval("Array.prototype.join = () => 'broken'; Object.keys = () => []; String.prototype.repeat = () => '';");
        assertEquals("{ a: [ 1, 2 ] }", js.log("{ a: [1, 2] }"));
    }
}
