package dev.wsjs.globals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wsjs.blob.ScriptRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** crypto.getRandomValues and crypto.randomUUID per Web Cryptography, and the Crypto interface. */
class CryptoTest {

    private ScriptRunner js;

    @BeforeEach
    void setUp() {
        js = new ScriptRunner();
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void cryptoIsTheOneCryptoObject() {
        js.assertEval("true,true,[object Crypto],true,undefined", """
                [crypto instanceof Crypto, crypto === globalThis.crypto, String(crypto),
                 Object.getOwnPropertyDescriptor(Crypto.prototype, 'getRandomValues').enumerable, String(crypto.subtle)].join()""");
        js.assertEval("TypeError: Illegal constructor", "try { new Crypto() } catch (e) { e.name + ': ' + e.message }");
        js.assertEval("TypeError: Illegal invocation", "try { crypto.getRandomValues.call({}, new Uint8Array(1)) } catch (e) { e.name + ': ' + e.message }");
        js.assertEval("TypeError: Illegal invocation", "try { crypto.randomUUID.call(null) } catch (e) { e.name + ': ' + e.message }");
    }

    @Test
    void fillsEveryIntegerArrayTypeAndReturnsIt() {
        js.assertEval("true,true,true,true,true,true,true,true,true", """
                ['Int8Array', 'Int16Array', 'Int32Array', 'BigInt64Array', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array',
                 'Uint32Array', 'BigUint64Array'].map((name) => {
                  const a = new globalThis[name](64);
                  // 64 elements of zero after filling: a chance of 2^-512 or less.
                  return crypto.getRandomValues(a) === a && a.some((x) => x != 0);
                }).join()""");
        js.assertEval("0,true", "class Buffer extends Uint8Array {} [crypto.getRandomValues(new Uint8Array(0)).length, crypto.getRandomValues(new Buffer(16)) instanceof Buffer].join()");
        // Only the view's own range is written.
        js.assertEval("0,0,true", """
                const backing = new Uint8Array(64);
                crypto.getRandomValues(new Uint8Array(backing.buffer, 8, 48));
                [backing[7], backing[56], backing.subarray(8, 56).some((x) => x !== 0)].join()""");
        // Successive calls give different bytes.
        js.assertEval("false", "String(crypto.getRandomValues(new Uint8Array(32)).join() === crypto.getRandomValues(new Uint8Array(32)).join())");
    }

    @Test
    void rejectsNonIntegerArraysAndMoreThan65536Bytes() {
        for (String v : new String[] {"new Float32Array(6)", "new Float64Array(6)", "new Float16Array(6)", "new DataView(new ArrayBuffer(6))",
                "new Float32Array(65536 / 4 + 1)"}) {
            assertEquals("TypeMismatchError 17", js.eval("try { crypto.getRandomValues(" + v + "); 'no' } catch (e) { e.name + ' ' + e.code }"), v);
        }
        for (String type : new String[] {"Uint8Array", "Int16Array", "Uint32Array", "BigInt64Array"}) {
            assertEquals("QuotaExceededError 22", js.eval("try { crypto.getRandomValues(new " + type + "(65536 / " + type
                    + ".BYTES_PER_ELEMENT + 1)); 'no' } catch (e) { e.name + ' ' + e.code }"), type);
        }
        js.assertEval("65536", "crypto.getRandomValues(new Uint8Array(65536)).length");
        js.assertEval("TypeError", "try { crypto.getRandomValues([1, 2]); 'no' } catch (e) { e.name }");
        js.assertEval("TypeError", "try { crypto.getRandomValues(); 'no' } catch (e) { e.name }");
        js.assertEval("TypeError", "try { crypto.getRandomValues(new Uint8Array(new SharedArrayBuffer(4))); 'no' } catch (e) { e.name }");
    }

    @Test
    void poolRefillsKeepHandingOutFreshBytes() {
        // More than one pool's worth of requests: each request still gets random bytes.
        js.assertEval("true", """
                let ok = true;
                for (let i = 0; i < 40; i++) {
                  const a = crypto.getRandomValues(new Uint32Array(4096));
                  ok = ok && a.some((x) => x !== 0) && a[0] !== a[1];
                }
                String(ok)""");
    }

    @Test
    void randomUuidIsVersion4() {
        js.assertEval("true,1000", """
                const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
                const seen = new Set();
                let ok = true;
                for (let i = 0; i < 1000; i++) { const u = crypto.randomUUID(); ok = ok && re.test(u); seen.add(u); }
                [ok, seen.size].join()""");
    }
}
