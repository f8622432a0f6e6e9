package dev.wsjs.dom;

import dev.wsjs.testing.TestRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** internals.webidl: the converters, factories and interface helpers every layer file uses. */
class WebIdlTest {

    private TestRuntime js;

    @BeforeEach
    void setUp() {
        js = new TestRuntime().withInternals();
        js.eval("""
                var w = internals.webidl, c = w.converters;
                var P = "Failed to execute 'f' on 'X'";
                var conv = (type, v, opts) => c[type](v, P, "Argument 1", opts);
                var show = (x) => Object.is(x, -0) ? "-0" : String(x);
                """);
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void integerConversionWrapsModuloTwoToTheBitLength() {
        js.assertEval("0,-1,127,-128,0", "[256, 255, 127, 128, NaN].map(v => conv('byte', v)).join()");
        js.assertEval("0,255,1,0,0", "[256, -1, 1.9, Infinity, -0].map(v => show(conv('octet', v))).join()");
        js.assertEval("-2147483648,0,4294967295,4294967295",
                "[2**31, 2**32, -1, 2**32 - 1].map((v, i) => conv(i < 2 ? 'long' : 'unsigned long', v)).join()");
        js.assertEval("-1,65535,-32768", "[conv('short', 65535), conv('unsigned short', -1), conv('short', 32768)].join()");
        // long long: 2^64 modular arithmetic is exact, and -0 becomes +0.
        js.assertEval("-2048,0,1", "[conv('long long', 2**64 - 2048), show(conv('long long', -0)), conv('unsigned long long', 2**64 + 4096) / 4096].join()");
        js.assertEval("18446744073709549568", "BigInt(conv('unsigned long long', -2048)).toString()");
        js.assertEval("5", "conv('unsigned long', { valueOf() { return 5.7; } })");
    }

    @Test
    void enforceRangeRejectsNonFiniteAndOutOfRangeValues() {
        js.assertEval("TypeError: Failed to execute 'f' on 'X': Argument 1 is outside the accepted range of 0 to 255.",
                "try { conv('octet', 256, { enforceRange: true }) } catch (e) { e.name + ': ' + e.message }");
        assertTrue(js.error("conv('octet', NaN, { enforceRange: true })").startsWith("TypeError: Failed to execute 'f' on 'X': Argument 1 "));
        assertTrue(js.error("conv('long', Infinity, { enforceRange: true })").startsWith("TypeError"));
        assertTrue(js.error("conv('long long', 2**53, { enforceRange: true })").startsWith("TypeError"));
        js.assertEval("255,0,-128,9007199254740991", "[conv('octet', 255.9, { enforceRange: true }), show(conv('octet', -0.9, { enforceRange: true })), "
                + "conv('byte', -128, { enforceRange: true }), conv('long long', 2**53 - 1, { enforceRange: true })].join()");
    }

    @Test
    void clampSaturatesAndRoundsHalfToEven() {
        js.assertEval("255,0,2,2,4,0,0", "[300, -5, 2.5, 1.5, 3.5, -0.4, NaN].map(v => show(conv('octet', v, { clamp: true }))).join()");
        js.assertEval("-128,127,-2", "[-1000, 1000, -2.5].map(v => conv('byte', v, { clamp: true })).join()");
        js.assertEval("0", "show(conv('long', -0.5, { clamp: true }))");
    }

    @Test
    void toNumberErrorsPropagate() {
        assertEquals("TypeError", js.error("conv('long', 1n)").split(":")[0]);
        assertEquals("TypeError", js.error("conv('double', Symbol())").split(":")[0]);
        assertEquals("thrown boom", js.error("conv('long', { valueOf() { throw 'boom'; } })"));
    }

    @Test
    void floatingPointTypes() {
        js.assertEval("1.100000023841858,-0", "[conv('float', 1.1), show(conv('float', -0))].join()");
        assertTrue(js.error("conv('float', NaN)").startsWith("TypeError: Failed to execute 'f' on 'X': Argument 1"));
        assertTrue(js.error("conv('float', 3.5e38)").startsWith("TypeError"));
        assertTrue(js.error("conv('double', Infinity)").startsWith("TypeError"));
        js.assertEval("NaN,Infinity,Infinity,NaN", "[conv('unrestricted float', NaN), conv('unrestricted float', 3.5e38), "
                + "conv('unrestricted double', Infinity), conv('unrestricted double', 'x')].join()");
        js.assertEval("1.5", "conv('double', '1.5')");
    }

    @Test
    void stringTypes() {
        js.assertEval("null|undefined|1,2|", "[conv('DOMString', null), conv('DOMString', undefined), conv('DOMString', [1, 2]), "
                + "conv('DOMString', null, { treatNullAsEmptyString: true })].join('|')");
        assertTrue(js.error("conv('DOMString', Symbol('s'))").startsWith("TypeError: Failed to execute 'f' on 'X': Argument 1"));
        js.assertEval("\u00ff", "conv('ByteString', '\\u00ff')");
        assertTrue(js.error("conv('ByteString', '\\u0100')").startsWith("TypeError: Failed to execute 'f' on 'X': Argument 1"));
        js.assertEval("fffd,61,fffd,d83d,de00", "Array.from(conv('USVString', '\\ud800a\\udc00\\ud83d\\ude00'), ch => ch).join('').split('').map(x => x.charCodeAt(0).toString(16)).join()");
    }

    @Test
    void objectAndBooleanAndAny() {
        js.assertEval("true,false,true", "[conv('boolean', 'x'), conv('boolean', 0), conv('boolean', {})].join()");
        js.assertEval("function", "typeof conv('object', function () {})");
        assertTrue(js.error("conv('object', null)").startsWith("TypeError"));
        assertTrue(js.error("conv('object', 'x')").startsWith("TypeError"));
    }

    @Test
    void bufferSources() {
        js.assertEval("true,true,true,true", """
                var ab = new ArrayBuffer(4);
                [conv('ArrayBuffer', ab) === ab, conv('BufferSource', ab) === ab,
                 conv('ArrayBufferView', new DataView(ab)) instanceof DataView, conv('Uint8Array', new Uint8Array(ab)) instanceof Uint8Array].join()
                """);
        assertTrue(js.error("conv('ArrayBuffer', new Uint8Array(2))").startsWith("TypeError: Failed to execute 'f' on 'X': Argument 1"));
        assertTrue(js.error("conv('Uint8Array', new Int8Array(2))").startsWith("TypeError"));
        assertTrue(js.error("conv('Uint8Array', Object.create(Uint8Array.prototype))").startsWith("TypeError"));
        assertTrue(js.error("conv('DataView', new Uint8Array(2))").startsWith("TypeError"));
        assertTrue(js.error("conv('BufferSource', [1, 2])").startsWith("TypeError"));
        // A forged toStringTag does not make an ArrayBuffer.
        assertTrue(js.error("conv('ArrayBuffer', { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 0 })").startsWith("TypeError"));
        // Resizable buffers need [AllowResizable].
        assertTrue(js.error("conv('ArrayBuffer', new ArrayBuffer(1, { maxByteLength: 8 }))").startsWith("TypeError"));
        js.assertEval("true", "var r = new ArrayBuffer(1, { maxByteLength: 8 }); conv('ArrayBuffer', r, { allowResizable: true }) === r");
        boolean shared = js.eval("typeof SharedArrayBuffer").equals("function");
        if (shared) {
            assertTrue(js.error("conv('ArrayBuffer', new SharedArrayBuffer(4))").startsWith("TypeError"));
            assertTrue(js.error("conv('BufferSource', new Uint8Array(new SharedArrayBuffer(4)))").startsWith("TypeError"));
            js.assertEval("true", "var s = new SharedArrayBuffer(4); conv('BufferSource', s, { allowShared: true }) === s");
        }
    }

    @Test
    void enumConverter() {
        js.eval("var bt = w.createEnumConverter('BinaryType', ['blob', 'arraybuffer'])");
        js.assertEval("blob", "bt('blob', P, 'Argument 1')");
        js.assertEval("TypeError: Failed to execute 'f' on 'X': Argument 1 'Blob' is not a valid enum value of type BinaryType.",
                "try { bt('Blob', P, 'Argument 1') } catch (e) { e.name + ': ' + e.message }");
    }

    @Test
    void dictionaryConverterReadsMembersInOrderWithDefaultsAndRequired() {
        js.eval("""
                var base = [{ key: 'zeta', converter: c.boolean, defaultValue: false }, { key: 'alpha', converter: c.long, enforceRange: true }];
                var own = [{ key: 'beta', converter: c.DOMString, required: true }, { key: 'list', converter: c['sequence<DOMString>'], defaultValue: [] }];
                var Dict = w.createDictionaryConverter('Derived', base, own);
                var order = [];
                var src = new Proxy({ beta: 1, alpha: '7' }, { get(t, k) { order.push(k); return t[k]; } });
                var d = Dict(src, P, 'Argument 2');
                """);
        // Inherited members first, each dictionary's members in lexicographical order.
        js.assertEval("alpha,zeta,beta,list", "order.join()");
        js.assertEval("7,false,1,0", "[d.alpha, d.zeta, d.beta, d.list.length].join()");
        js.assertEval("false", "'alpha' in Dict({ beta: '' })");
        js.assertEval("true", "Dict({ beta: '' }).list !== Dict({ beta: '' }).list");
        js.assertEval("TypeError: Failed to execute 'f' on 'X': Argument 2 can not be converted to 'Derived' because 'beta' is required in 'Derived'.",
                "try { Dict(undefined, P, 'Argument 2') } catch (e) { e.name + ': ' + e.message }");
        assertTrue(js.error("Dict({ beta: 'x', alpha: 2**40 }, P, 'Argument 2')")
                .startsWith("TypeError: Failed to execute 'f' on 'X': 'alpha' of 'Derived' (Argument 2) is outside the accepted range"));
        assertTrue(js.error("Dict(5, P, 'Argument 2')").startsWith("TypeError"));
        js.eval("var Opt = w.createDictionaryConverter('Opt', [{ key: 'a', converter: c.boolean, defaultValue: true }])");
        js.assertEval("true,true", "[Opt(null).a, Opt(undefined).a].join()");
    }

    @Test
    void sequenceAndRecordConverters() {
        js.assertEval("1,2,3", "c['sequence<DOMString>'](new Set([1, 2, 3]), P, 'Argument 1').join()");
        js.assertEval("a,b", "c['sequence<DOMString>']('ab', P, 'Argument 1').join()".replace("'ab'", "Object('ab')"));
        assertTrue(js.error("c['sequence<DOMString>']({ length: 1, 0: 'x' }, P, 'Argument 1')").startsWith("TypeError: Failed to execute 'f' on 'X': Argument 1"));
        assertTrue(js.error("c['sequence<DOMString>']('ab', P, 'Argument 1')").startsWith("TypeError"));
        assertTrue(js.error("c['sequence<DOMString>']([Symbol()], P, 'Argument 1')").contains("index 0"));
        js.assertEval("a=1;b=2", """
                var o = { a: 1, b: 2 }; Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
                var r = c['record<DOMString, DOMString>'](o, P, 'Argument 1');
                Object.keys(r).map(k => k + '=' + r[k]).join(';')
                """);
        assertTrue(js.error("c['record<DOMString, DOMString>']({ [Symbol()]: 1 }, P, 'Argument 1')").startsWith("TypeError"));
        assertTrue(js.error("c['record<DOMString, DOMString>'](1, P, 'Argument 1')").startsWith("TypeError"));
        js.assertEval("null,null,x", "var n = w.createNullableConverter(c.DOMString); [n(null), n(undefined), n('x')].join()".replace("].join()", "].map(String).join()"));
    }

    @Test
    void callbackConvertersAndUserObjectOperations() {
        js.assertEval("null,null,object", "[c.EventHandler(1), c.EventHandler('x'), typeof c.EventHandler({})].map(String).join()");
        assertTrue(js.error("c.Function({}, P, 'Argument 1')").startsWith("TypeError: Failed to execute 'f' on 'X': Argument 1"));
        js.eval("var EL = w.createCallbackInterfaceConverter('EventListener')");
        assertTrue(js.error("EL(1, P, 'Argument 2')").startsWith("TypeError"));
        js.assertEval("fn:T,obj:true,late", """
                var out = [];
                w.callUserObjectOperation(function () { out.push('fn:' + this); }, 'handleEvent', 'T', []);
                var o = { handleEvent() { out.push('obj:' + (this === o)); } };
                w.callUserObjectOperation(o, 'handleEvent', 'T', []);
                o.handleEvent = () => out.push('late');
                w.callUserObjectOperation(o, 'handleEvent', 'T', []);
                out.join()
                """);
        assertTrue(js.error("w.callUserObjectOperation({}, 'handleEvent', null, [])").startsWith("TypeError"));
    }

    @Test
    void requiredArgumentsMessage() {
        js.assertEval("TypeError: Failed to execute 'send' on 'WebSocket': 1 argument required, but only 0 present.",
                "try { w.requiredArguments(0, 1, \"Failed to execute 'send' on 'WebSocket'\") } catch (e) { e.name + ': ' + e.message }");
        js.assertEval("Failed to construct 'X': 2 arguments required, but only 1 present.",
                "try { w.requiredArguments(1, 2, \"Failed to construct 'X'\") } catch (e) { e.message }");
    }

    @Test
    void interfacesGetWebIdlShapeAndBrandChecks() {
        js.eval("""
                class Thing {
                  constructor() { this[w.brand] = w.brand; }
                  get size() { w.assertBranded(this, Thing.prototype); return 1; }
                  act() { w.assertBranded(this, Thing.prototype); return 'ok'; }
                  static make() { return new Thing(); }
                }
                w.configureInterface(Thing);
                w.defineConstants(Thing, { ONE: 1 });
                w.exposeInterface(globalThis, 'Thing', Thing);
                """);
        js.assertEval("[object Thing],true,true,true,1,1",
                "[Object.prototype.toString.call(new Thing()), Object.keys(Thing.prototype).includes('act'), "
                        + "Object.getOwnPropertyDescriptor(Thing.prototype, 'size').enumerable, Object.keys(Thing).includes('make'), Thing.ONE, new Thing().ONE].join()");
        js.assertEval("false,true,true,false", "var d = Object.getOwnPropertyDescriptor(globalThis, 'Thing'); [d.enumerable, d.writable, d.configurable, "
                + "Object.getOwnPropertyDescriptor(Thing, 'ONE').writable].join()");
        js.assertEval("false", "Object.getOwnPropertyDescriptor(Thing.prototype, 'constructor').enumerable");
        assertEquals("TypeError: Illegal invocation", js.error("Thing.prototype.act.call({})"));
        assertEquals("TypeError: Illegal invocation", js.error("Thing.prototype.size"));
        assertEquals("TypeError: Illegal invocation", js.error("Object.create(Thing.prototype).act()"));
        js.assertEval("ok", "w.createBranded(Thing).act()");
        js.eval("var ThingConv = w.createInterfaceConverter('Thing', Thing.prototype)");
        assertEquals("TypeError: Failed to execute 'f' on 'X': Argument 1 is not of type 'Thing'.", js.error("ThingConv({}, P, 'Argument 1')"));
        assertEquals("TypeError: Illegal constructor", js.error("w.illegalConstructor()"));
    }
}
