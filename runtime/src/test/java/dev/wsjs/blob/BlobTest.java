package dev.wsjs.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blob per the File API: construction, type, slicing, reading, and how bytes are (not) copied. */
class BlobTest {

    private ScriptRunner js;

    @BeforeEach
    void setUp() {
        js = new ScriptRunner();
        // Reads a blob's bytes as a comma-separated list, through arrayBuffer().
        js.eval("globalThis.bytesOf = (b) => b.arrayBuffer().then((ab) => new Uint8Array(ab).join());");
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void interfaceLooksLikeAWebIdlInterface() {
        js.assertEval("0,true,[object Blob],0,", "const b = new Blob(); [Blob.length, b instanceof Blob, String(b), b.size, b.type].join()");
        js.assertEval("TypeError", "try { Blob(); 'no' } catch (e) { e.name }");
        js.assertEval("true,true,true,true", """
                const d = (k) => Object.getOwnPropertyDescriptor(Blob.prototype, k);
                [d('size').enumerable && typeof d('size').get === 'function', d('slice').enumerable,
                 Blob.prototype[Symbol.toStringTag] === 'Blob', Blob.prototype.slice.length === 0].join()""");
        js.assertEval("TypeError: Illegal invocation", "try { Object.getOwnPropertyDescriptor(Blob.prototype, 'size').get.call({}) } catch (e) { e.name + ': ' + e.message }");
        js.assertEval("TypeError: Illegal invocation", "try { Blob.prototype.slice.call(Object.create(Blob.prototype)) } catch (e) { e.name + ': ' + e.message }");
        // A subclass is a real subclass.
        js.assertEval("true,3,x", "class MyBlob extends Blob { get extra() { return 'x'; } } const m = new MyBlob(['abc']); [m instanceof Blob, m.size, m.extra].join()");
    }

    @Test
    void promiseMethodsRejectInsteadOfThrowingForAWrongThis() {
        assertEquals("rejected TypeError: Illegal invocation", js.await("return Blob.prototype.text.call({})"));
        assertEquals("rejected TypeError: Illegal invocation", js.await("return Blob.prototype.arrayBuffer.call(null)"));
        assertEquals("rejected TypeError: Illegal invocation", js.await("return Blob.prototype.bytes.call(1)"));
    }

    @Test
    void stringPartsAreUtf8AndLoneSurrogatesBecomeReplacementCharacters() {
        js.assertEval("2,3,4", "[new Blob(['\u00e9']).size, new Blob(['\u20ac']).size, new Blob(['\\uD83D\\uDE00']).size].join()");
        assertEquals("239,191,189,97", js.await("return bytesOf(new Blob(['\\uD800', 'a']))"));
        assertEquals("239,191,189,239,191,189", js.await("return bytesOf(new Blob(['\\uDC00\\uD800']))"));
    }

    @Test
    void bufferSourcePartsHonourViewOffsetsAndLengths() {
        assertEquals("1,2,3,4,3,4,0,4,0,255", js.await("""
                const ab = new Uint8Array([1, 2, 3, 4]).buffer;
                const sub = new Uint8Array(ab, 2, 2);
                const dv = new DataView(new Uint8Array([9, 0, 4, 9]).buffer, 1, 2);
                const u16 = new Uint16Array([0xFF00]);
                return bytesOf(new Blob([ab, sub, dv, u16]));"""));
        assertEquals("PASSPASS", js.await("return new Blob([new Uint32Array([0x53534150]), new BigUint64Array([0x53534150n])]).text().then(t => t.slice(0, 8))"));
        js.assertEval("8", "new Blob([new Float64Array([1])]).size");
    }

    @Test
    void blobPartsAreASequenceConvertedWithWebIdlRules() {
        assertEquals("xyz", js.await("return new Blob(new String('xyz')).text()"));
        assertEquals("123", js.await("return new Blob(new Uint8Array([1, 2, 3])).text()"));
        assertEquals("ab", js.await("return new Blob({ *[Symbol.iterator]() { yield 'a'; yield 'b'; } }).text()"));
        assertEquals("nullundefinedtrue1x,y[object Object]stringA", js.await(
                "return new Blob([null, undefined, true, 1, ['x', 'y'], {}, { toString() { return 'stringA'; } }]).text()"));
        for (String bad : new String[] {"null", "true", "1", "'FAIL'", "new Date()", "/re/", "{}", "{ 0: 'x', length: 1 }"}) {
            assertEquals("TypeError", js.eval("try { new Blob(" + bad + "); 'no' } catch (e) { e.name }"), bad);
        }
        // A SharedArrayBuffer is no BufferSource, so the union falls through to its string.
        assertEquals("[object SharedArrayBuffer]", js.await("return new Blob([new SharedArrayBuffer(2)]).text()"));
        js.assertEval("TypeError", "try { new Blob([new Uint8Array(new SharedArrayBuffer(2))]); 'no' } catch (e) { e.name }");
        // Arguments are converted left to right, dictionary members in lexicographic order.
        js.assertEval("parts,endings,type", """
                const log = [];
                new Blob([{ toString() { log.push('parts'); return ''; } }],
                         { get type() { log.push('type'); return ''; }, get endings() { log.push('endings'); return 'native'; } });
                log.join()""");
        js.assertEval("TypeError", "try { new Blob([], { endings: 'bogus' }); 'no' } catch (e) { e.name }");
        js.assertEval("TypeError", "try { new Blob([], 'abc'); 'no' } catch (e) { e.name }");
    }

    @Test
    void blobPartsIncludingBlobsAndMixedTypesConcatenateInOrder() {
        assertEquals("foofoo", js.await("const b = new Blob(['foo']); return new Blob([b, b]).text()"));
        assertEquals("0,102,111,102,111,111", js.await("return bytesOf(new Blob([new Uint8Array([0]).buffer, new Blob(['fo']), 'foo']))"));
        assertEquals("ab\u00e9cd", js.await("return new Blob(['a', new Blob(['b', new Blob(['\u00e9'])]), 'c', new Blob([]), 'd']).text()"));
    }

    @Test
    void typeIsLowercasedAndEmptiedWhenNotPrintableAscii() {
        js.assertEval("text/html|text/plain;charset=utf-8| image/gif |||||", """
                ['TEXT/HTML', 'text/plain;charset=UTF-8', ' image/gif ', '\\timage/gif\\t', '\\u00E5', 'image/gif\\u0000',
                 '\\u0130mage/gif', 'image/gif;\\u007f'].map(t => new Blob([], { type: t }).type).join('|')""");
    }

    @Test
    void nativeEndingsConvertLineBreaksOfStringPartsOnly() {
        String nl = System.lineSeparator().equals("\r\n") ? "13,10" : "10";
        assertEquals(String.join(",", nl, "97", nl, "98", nl, nl, "99", nl, "13"), js.await(
                "return bytesOf(new Blob(['\\na\\r\\nb\\n\\rc\\r', new Uint8Array([13])], { endings: 'native' }))"));
        assertEquals("10,97,13,10,98,10,13,99,13", js.await("return bytesOf(new Blob(['\\na\\r\\nb\\n\\rc\\r']))"));
    }

    @Test
    void theConstructorCopiesItsBufferSourcesOnce() {
        // A 1 MiB source mutated after construction leaves the blob as it was.
        assertEquals("1048576,7,7,true", js.await("""
                const src = new Uint8Array(1 << 20).fill(7);
                const blob = new Blob([src.buffer]);
                src.fill(9);
                return blob.arrayBuffer().then((ab) => {
                  const u = new Uint8Array(ab);
                  return [u.length, u[0], u[u.length - 1], u.indexOf(9) === -1].join();
                });"""));
        // What arrayBuffer()/bytes() return is the script's own: mutating it leaves the blob as it was.
        assertEquals("1,1,2,3", js.await("""
                const blob = new Blob([new Uint8Array([1, 2, 3])]);
                return blob.bytes().then((u) => { u[0] = 99; return blob.bytes(); })
                  .then((again) => [again.constructor === Uint8Array ? 1 : 0, ...again].join());"""));
    }

    @Test
    void slicingNormalizesIndicesAndContentType() {
        js.eval("globalThis.b = new Blob(['0123456789'], { type: 'text/plain' });");
        assertEquals("0123456789|3456789|789|345|3456|||0123456789|", js.await("""
                const s = [b.slice(), b.slice(3), b.slice(-3), b.slice(3, 6), b.slice(3, -3), b.slice(6, 3),
                           b.slice(20), b.slice(-20, 20), b.slice(5, 5)];
                return Promise.all(s.map((x) => x.text())).then((t) => t.join('|'));"""));
        js.assertEval("10,7,3,3,0", "[b.slice().size, b.slice(3).size, b.slice(-3).size, b.slice(3, 6).size, b.slice(6, 3).size].join()");
        js.assertEval(",text/html,,", "[b.slice().type, b.slice(0, 1, 'TEXT/HTML').type, b.slice(0, 1, '\\u00e9').type, b.slice(0, 1, undefined).type].join()");
        // [Clamp] long long: fractions round half to even, huge values saturate.
        assertEquals("23|0123456789", js.await("return Promise.all([b.slice(2.5, 3.5).text(), b.slice(-1e300, 1e300).text()]).then((t) => t.join('|'))"));
        assertEquals("45", js.await("return b.slice(2, 8).slice(2, 4).text()"));
        // Slices across the parts of a multi-part blob.
        assertEquals("cdef", js.await("return new Blob(['ab', 'cd', new Uint8Array([101]), new Blob(['fg'])]).slice(2, 6).text()"));
    }

    @Test
    void slicingDoesNotCopyBytes() {
        // 256 slices of a 4 MiB blob kept alive would hold 1 GiB if slicing copied; they hold almost nothing.
        js.eval("globalThis.big = new Blob([new Uint8Array(4 << 20)]); globalThis.kept = [];");
        long before = usedHeapAfterGc();
        js.eval("for (let i = 0; i < 256; i++) kept.push(big.slice(i, (4 << 20) - i));");
        long grown = usedHeapAfterGc() - before;
        assertTrue(grown < 64L << 20, "256 slices grew the heap by " + (grown >> 20) + " MiB");
        js.assertEval("256,4194304", "[kept.length, kept[0].size].join()");
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void textDecodesUtf8WithTheStandardsReplacementAndBomRules() {
        assertEquals("A", js.await("return new Blob([new Uint8Array([0xEF, 0xBB, 0xBF, 0x41])]).text()"));
        assertEquals("\ufeffA", js.await("return new Blob([new Uint8Array([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x41])]).text()"));
        assertEquals("\ufffd\ufffd\ufffd|\ufffdA", js.await("""
                return Promise.all([new Blob([new Uint8Array([0xED, 0xA0, 0x80])]).text(),
                                    new Blob([new Uint8Array([0xE2, 0x82, 0x41])]).text()]).then((t) => t.join('|'));"""));
        // A character split across two parts.
        assertEquals("\u00e9", js.await("return new Blob([new Uint8Array([0xC3]), new Uint8Array([0xA9])]).text()"));
        assertEquals("", js.await("return new Blob().text()"));
    }

    @Test
    void readsResolveInALaterTaskNotSynchronously() {
        js.eval("""
                globalThis.log = [];
                new Blob(['x']).text().then((t) => log.push('text ' + t));
                setTimeout(() => log.push('timeout'), 0);
                Promise.resolve().then(() => log.push('microtask'));
                log.push('sync');""");
        js.runUntil("log.length === 4", 5);
        js.assertEval("sync,microtask", "log.slice(0, 2).join()");
        js.assertEval("true", "log.includes('text x')");
    }

    @Test
    void arrayBufferResultsAreOrdinaryTransferableBuffers() {
        assertEquals("true,3,true,0", js.await("""
                return new Blob(['abc']).arrayBuffer().then((ab) => {
                  const moved = structuredClone(ab, { transfer: [ab] });
                  return [moved instanceof ArrayBuffer, moved.byteLength, ab.detached, ab.byteLength].join();
                });"""));
    }
}
