package dev.wsjs.globals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsjs.blob.ScriptRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** structuredClone per the HTML Standard's StructuredSerialize/StructuredDeserialize (with transfer). */
class StructuredCloneTest {

    private ScriptRunner js;

    @BeforeEach
    void setUp() {
        js = new ScriptRunner();
        // "DataCloneError 25" or what else the expression threw.
        js.eval("globalThis.cloneError = (v, o) => { try { structuredClone(v, o); return 'cloned'; } catch (e) { return e.name + ' ' + e.code; } };");
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void primitivesAndWrapperObjects() {
        js.assertEval("1,x,true,null,undefined,10,NaN,-0", """
                [1, 'x', true, null, undefined, 10n, NaN].map((v) => String(structuredClone(v)))
                  .concat(Object.is(structuredClone(-0), -0) ? '-0' : '+0').join()""");
        js.assertEval("object,true,object,5,object,s,object,7", """
                const b = structuredClone(Object(true)), n = structuredClone(Object(5)), s = structuredClone(Object('s')), g = structuredClone(Object(7n));
                [typeof b, b.valueOf(), typeof n, n.valueOf(), typeof s, s.valueOf(), typeof g, g.valueOf()].join()""");
        js.assertEval("TypeError", "try { structuredClone(); 'no' } catch (e) { e.name }");
    }

    @Test
    void datesAndRegExps() {
        js.assertEval("true,86400000,false", "const d = new Date(86400000); const c = structuredClone(d); [c instanceof Date, c.getTime(), c === d].join()");
        js.assertEval("a\\/b,dgimsuy,0,true", """
                const r = /a\\/b/dgimsuy; r.lastIndex = 3; r.extra = 1;
                const c = structuredClone(r);
                [c.source, c.flags, c.lastIndex, c.extra === undefined].join()""");
        // RegExp.prototype itself is an ordinary object.
        js.assertEval("false", "structuredClone(RegExp.prototype) instanceof RegExp");
    }

    @Test
    void arrayBuffersAreCopiedAndViewsKeepSharingTheirBuffer() {
        js.assertEval("1,2,3,false,9", """
                const ab = new Uint8Array([1, 2, 3]).buffer;
                const c = structuredClone(ab);
                new Uint8Array(ab)[0] = 9;
                [...new Uint8Array(c), c === ab, new Uint8Array(ab)[0]].join()""");
        js.assertEval("true,true,2,1,Uint16Array,DataView,1,2", """
                const buf = new ArrayBuffer(8);
                const o = { a: new Uint8Array(buf, 1, 4), b: new Uint16Array(buf, 2, 2), d: new DataView(buf, 1, 2) };
                const c = structuredClone(o);
                c.a[1] = 42;
                [c.a.buffer === c.b.buffer, c.d.buffer === c.a.buffer, c.b.length, c.a.byteOffset,
                 c.b.constructor.name, c.d.constructor.name, c.d.byteOffset, c.d.byteLength].join()""");
        js.assertEval("true,16,4", """
                const r = new ArrayBuffer(4, { maxByteLength: 16 });
                const c = structuredClone(r);
                [c.resizable, c.maxByteLength, c.byteLength].join()""");
        js.assertEval("DataCloneError 25", "const d = new ArrayBuffer(4); d.transfer(); cloneError(d)");
        js.assertEval("DataCloneError 25", "cloneError(new SharedArrayBuffer(4))");
        js.assertEval("5,6", "[...structuredClone(new Float64Array([5, 6]))].join()");
    }

    @Test
    void viewsOutOfBoundsOfAShrunkBufferThrowDataCloneError() {
        js.eval("""
                globalThis.rab = new ArrayBuffer(16, { maxByteLength: 64 });
                globalThis.past = new Uint8Array(rab, 8);
                globalThis.empty = new Uint8Array(rab, 0, 0);
                globalThis.view = new DataView(rab, 8);
                rab.resize(4);""");
        js.assertEval("DataCloneError 25", "cloneError(past)");
        js.assertEval("DataCloneError 25", "cloneError(view)");
        js.assertEval("DataCloneError 25,false", "[cloneError(past, { transfer: [rab] }), rab.detached].join()");
        // An empty view that still fits is in bounds.
        js.assertEval("0,0", "const c = structuredClone(empty); [c.length, c.byteOffset].join()");
    }

    @Test
    void mapsSetsObjectsAndArraysKeepIdentityAndCycles() {
        js.assertEval("true,true,true,1,true,true", """
                const shared = { v: 1 };
                const o = { a: shared, b: shared, m: new Map([[shared, 'x']]), s: new Set([shared]) };
                o.self = o;
                const c = structuredClone(o);
                [c.a === c.b, c.self === c, c.m.get(c.a) === 'x', c.a.v, c.s.has(c.a), c.a !== shared].join()""");
        js.assertEval("5,true,1,extra", """
                const arr = [1, , 3]; arr.length = 5; arr.prop = 'extra';
                const c = structuredClone(arr);
                [c.length, !(1 in c), c[0], c.prop].join()""");
        // Only own enumerable string-keyed properties are copied, as data properties of a plain object.
        js.assertEval("a,got,true,false", """
                const proto = { inherited: 1 };
                const o = Object.create(proto);
                o.a = 1;
                Object.defineProperty(o, 'hidden', { value: 2, enumerable: false });
                o[Symbol('s')] = 3;
                Object.defineProperty(o, 'g', { get() { return 'got'; }, enumerable: true });
                const c = structuredClone(o);
                [Object.keys(c)[0], c.g, Object.getPrototypeOf(c) === Object.prototype, 'inherited' in c].join()""");
        js.assertEval("true,false", """
                const c = structuredClone(JSON.parse('{"__proto__": {"x": 1}}'));
                [Object.hasOwn(c, '__proto__'), Object.getPrototypeOf(c) !== Object.prototype].join()""");
        // Class instances become plain objects.
        js.assertEval("true,1", "class P { constructor() { this.x = 1; } } const c = structuredClone(new P()); [Object.getPrototypeOf(c) === Object.prototype, c.x].join()");
    }

    @Test
    void errorsKeepTheirTypeMessageStackAndCause() {
        js.assertEval("true,boom,true,Error: inner,true,TypeError", """
                const e = new TypeError('boom', { cause: new Error('inner') });
                const c = structuredClone(e);
                [c instanceof TypeError, c.message, c.stack === e.stack, String(c.cause), c !== e, c.name].join()""");
        js.assertEval("Error,false,false", """
                const e = new RangeError(); e.name = 'Custom';
                const c = structuredClone(e);
                [c.constructor.name, Object.hasOwn(c, 'message'), Object.getOwnPropertyDescriptor(c, 'stack')?.enumerable ?? false].join()""");
        js.assertEval("true", "const e = new Error('cycle'); e.cause = e; const c = structuredClone(e); String(c.cause === c)");
    }

    @Test
    void blobsFilesAndDomExceptionsAreSerializablePlatformObjects() {
        assertEquals("true,text/plain,abc,true,f.txt,42,def", js.await("""
                const b = structuredClone(new Blob(['abc'], { type: 'text/plain' }));
                const f = structuredClone(new File(['def'], 'f.txt', { lastModified: 42 }));
                return Promise.all([b.text(), f.text()]).then(([bt, ft]) =>
                  [b instanceof Blob, b.type, bt, f instanceof File, f.name, f.lastModified, ft].join());"""));
        js.assertEval("true,NotFoundError,gone,8", """
                const d = structuredClone(new DOMException('gone', 'NotFoundError'));
                [d instanceof DOMException, d.name, d.message, d.code].join()""");
    }

    @Test
    void unserializableValuesThrowDataCloneError() {
        for (String v : new String[] {"() => 1", "Symbol('s')", "new WeakMap()", "new WeakSet()", "new WeakRef({})",
                "Promise.resolve()", "new Proxy({}, {})", "Object(Symbol())", "(function* () {})()", "[].values()",
                "crypto", "navigator", "performance", "{ f() {} }", "[1, () => 2]", "new Map([[1, Symbol()]])"}) {
            assertEquals("DataCloneError 25", js.eval("cloneError(" + v + ")"), v);
        }
        assertEquals("DataCloneError 25", js.eval("cloneError(new FileReader())"));
        assertEquals("DataCloneError 25", js.eval("cloneError(new Event('x'))"));
        // A Proxy of an array is an Array exotic object to IsArray, so it clones as an array.
        js.assertEval("1,2", "structuredClone(new Proxy([1, 2], {})).join()");
        // Getters run in property order and their exceptions propagate.
        js.assertEval("a,b,stop", """
                const log = [];
                try { structuredClone({ get a() { log.push('a'); }, get b() { log.push('b'); throw new Error('stop'); }, get c() { log.push('c'); } }); }
                catch (e) { log.push(e.message); }
                log.join()""");
    }

    @Test
    void transferDetachesTheSourceAndHandsItsBytesToTheClone() {
        js.assertEval("true,0,4,1,true,3", """
                const buf = new Uint8Array([1, 2, 3, 4]).buffer;
                const view = new Uint8Array(buf, 2);
                const c = structuredClone({ buf, view }, { transfer: [buf] });
                [buf.detached, buf.byteLength, c.buf.byteLength, new Uint8Array(c.buf)[0], c.view.buffer === c.buf, c.view[0]].join()""");
        js.assertEval("true,8", "const r = new ArrayBuffer(2, { maxByteLength: 8 }); const c = structuredClone(r, { transfer: [r] }); [c.resizable, c.maxByteLength].join()");
        js.assertEval("DataCloneError 25", "const b = new ArrayBuffer(1); cloneError(b, { transfer: [b, b] })");
        js.assertEval("DataCloneError 25", "const b = new ArrayBuffer(1); b.transfer(); cloneError(1, { transfer: [b] })");
        js.assertEval("DataCloneError 25", "cloneError(1, { transfer: [{}] })");
        js.assertEval("DataCloneError 25", "cloneError(1, { transfer: [new SharedArrayBuffer(1)] })");
        js.assertEval("TypeError undefined", "cloneError(1, { transfer: 5 })");
        // A failed clone detaches nothing.
        js.assertEval("false", "const b = new ArrayBuffer(1); cloneError({ b, f() {} }, { transfer: [b] }); String(b.detached)");
        js.assertEval("cloned", "cloneError(1, null)");
    }
}
