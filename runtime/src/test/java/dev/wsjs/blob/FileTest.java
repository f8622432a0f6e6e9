package dev.wsjs.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File per the File API: a Blob with a name and a last-modified time. */
class FileTest {

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
    void constructorTakesBitsNameAndOptions() {
        js.assertEval("2,true,true,[object File],a.txt,text/plain,3,1234", """
                const f = new File(['a', new Uint8Array([98]), new Blob(['c'])], 'a.txt', { type: 'TEXT/PLAIN', lastModified: 1234 });
                [File.length, f instanceof File, f instanceof Blob, String(f), f.name, f.type, f.size, f.lastModified].join()""");
        assertEquals("abc", js.await("return new File(['a', new Uint8Array([98]), new Blob(['c'])], 'x').text()"));
        js.assertEval("TypeError: Failed to construct 'File': 2 arguments required, but only 1 present.",
                "try { new File(['x']) } catch (e) { e.name + ': ' + e.message }");
        js.assertEval("TypeError", "try { new File('x', 'y'); 'no' } catch (e) { e.name }");
    }

    @Test
    void nameIsAUsvStringAndLastModifiedDefaultsToNow() {
        js.assertEval("\ufffd.txt,null", "[new File([], '\\uD800.txt').name, new File([], null).name].join()");
        long before = System.currentTimeMillis();
        long lastModified = Long.parseLong(js.eval("String(new File([], 'n').lastModified)"));
        long after = System.currentTimeMillis();
        assertTrue(lastModified >= before && lastModified <= after, lastModified + " not in [" + before + ", " + after + "]");
        // A Date converts to long long through its valueOf; fractions truncate.
        js.assertEval("86400000,5,-7", "[new File([], 'n', { lastModified: new Date(86400000) }).lastModified, "
                + "new File([], 'n', { lastModified: 5.9 }).lastModified, new File([], 'n', { lastModified: -7 }).lastModified].join()");
        js.assertEval("", "new File([], 'n', { type: '\\u00e9' }).type");
    }

    @Test
    void fileAttributesCheckTheirReceiver() {
        js.assertEval("TypeError: Illegal invocation", "try { Object.getOwnPropertyDescriptor(File.prototype, 'name').get.call(new Blob()) } catch (e) { e.name + ': ' + e.message }");
        js.assertEval("true,true,File", """
                const d = Object.getOwnPropertyDescriptor(File.prototype, 'lastModified');
                [d.enumerable, Object.getPrototypeOf(File) === Blob, File.prototype[Symbol.toStringTag]].join()""");
        // A slice of a File is a Blob.
        js.assertEval("false,true", "const s = new File(['abc'], 'n').slice(1); [s instanceof File, s instanceof Blob].join()");
    }
}
