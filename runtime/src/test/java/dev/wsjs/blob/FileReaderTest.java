package dev.wsjs.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FileReader per the File API: read operations, their queued progress events, abort and errors. */
class FileReaderTest {

    private ScriptRunner js;

    @BeforeEach
    void setUp() {
        js = new ScriptRunner();
        // Records every event of a reader as "type(readyState,loaded/total)".
        js.eval("""
                globalThis.log = [];
                globalThis.record = (reader) => {
                  for (const type of ['loadstart', 'progress', 'load', 'abort', 'error', 'loadend']) {
                    reader.addEventListener(type, (e) => log.push(`${e.type}(${reader.readyState},${e.loaded}/${e.total})`));
                  }
                  return reader;
                };
                globalThis.read = (method, blob, ...args) => new Promise((resolve) => {
                  const r = new FileReader();
                  r.onloadend = () => resolve(r.result);
                  r[method](blob, ...args);
                });""");
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void interfaceShape() {
        js.assertEval("0,0,1,2,0,2,true,true", """
                [FileReader.length, FileReader.EMPTY, FileReader.LOADING, FileReader.DONE, new FileReader().readyState,
                 FileReader.prototype.DONE, new FileReader() instanceof EventTarget, 'onloadend' in FileReader.prototype].join()""");
        js.assertEval("null,null", "const r = new FileReader(); [String(r.result), String(r.error)].join()");
        js.assertEval("TypeError", "try { new FileReader().readAsText('not a blob'); 'no' } catch (e) { e.name }");
        js.assertEval("TypeError: Failed to execute 'readAsArrayBuffer' on 'FileReader': 1 argument required, but only 0 present.",
                "try { new FileReader().readAsArrayBuffer() } catch (e) { e.name + ': ' + e.message }");
        js.assertEval("TypeError: Illegal invocation", "try { FileReader.prototype.abort.call({}) } catch (e) { e.name + ': ' + e.message }");
    }

    @Test
    void eachReadMethodPackagesTheBytesItsWay() {
        js.eval("globalThis.blob = new Blob(['h\u00e9', new Uint8Array([0, 255])], { type: 'text/plain' });");
        assertEquals("104,195,169,0,255", js.await("return read('readAsArrayBuffer', blob).then((ab) => new Uint8Array(ab).join())"));
        assertEquals("h\u00c3\u00a9\u0000\u00ff", js.await("return read('readAsBinaryString', blob)"));
        assertEquals("data:text/plain;base64,aMOpAP8=", js.await("return read('readAsDataURL', blob)"));
        assertEquals("h\u00e9\u0000\ufffd", js.await("return read('readAsText', blob)"));
        // Without a type the data URL names application/octet-stream; an empty blob has an empty payload.
        assertEquals("data:application/octet-stream;base64,", js.await("return read('readAsDataURL', new Blob())"));
        assertEquals("data:application/octet-stream;base64,YWJj", js.await("return read('readAsDataURL', new Blob(['abc']))"));
    }

    @Test
    void readAsTextPicksTheEncodingFromTheArgumentTheTypeOrABom() {
        // windows-1252 from the encoding argument, the blob type's charset, or UTF-8; a BOM overrides them.
        js.eval("globalThis.latin = new Blob([new Uint8Array([0x63, 0x61, 0x66, 0xE9])]);");
        assertEquals("caf\u00e9", js.await("return read('readAsText', latin, 'windows-1252')"));
        assertEquals("caf\u00e9", js.await("return read('readAsText', new Blob([latin], { type: 'text/plain; charset=\"ISO-8859-1\"' }))"));
        assertEquals("caf\ufffd", js.await("return read('readAsText', latin, 'no-such-encoding')"));
        assertEquals("caf\ufffd", js.await("return read('readAsText', latin)"));
        assertEquals("hi", js.await("return read('readAsText', new Blob([new Uint8Array([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00])]), 'utf-8')"));
        assertEquals("hi", js.await("return read('readAsText', new Blob([new Uint8Array([0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69])]))"));
        assertEquals("\u00e9", js.await("return read('readAsText', new Blob([new Uint8Array([0xEF, 0xBB, 0xBF, 0xC3, 0xA9])]), 'windows-1252')"));
        // The replacement encoding turns any input into one U+FFFD.
        assertEquals("\ufffd", js.await("return read('readAsText', latin, 'ISO-2022-KR')"));
    }

    @Test
    void eventsAreQueuedTasksInOrder() {
        js.eval("""
                globalThis.reader = record(new FileReader());
                reader.readAsText(new Blob(['abc']));
                log.push('sync ' + reader.readyState);""");
        js.runUntil("log.at(-1).startsWith('loadend')", 5);
        js.assertEval("sync 1,loadstart(1,0/3),progress(1,3/3),load(2,3/3),loadend(2,3/3)", "log.join()");
        js.assertEval("abc,null", "[reader.result, String(reader.error)].join()");
        // An empty blob has no chunk, so no progress event.
        js.eval("log.length = 0; record(new FileReader()).readAsArrayBuffer(new Blob());");
        js.runUntil("log.length > 0 && log.at(-1).startsWith('loadend')", 5);
        js.assertEval("loadstart(1,0/0),load(2,0/0),loadend(2,0/0)", "log.join()");
        // The events are trusted ProgressEvents that neither bubble nor can be cancelled.
        js.eval("""
                globalThis.seen = undefined;
                const r = new FileReader();
                r.onload = (e) => { seen = e; };
                r.readAsText(new Blob(['x']));""");
        js.runUntil("seen !== undefined", 5);
        js.assertEval("true,true,false,false,load", "[seen instanceof ProgressEvent, seen.isTrusted, seen.bubbles, seen.cancelable, seen.type].join()");
    }

    @Test
    void readingWhileLoadingThrowsInvalidStateError() {
        js.assertEval("InvalidStateError,11,1", """
                const r = new FileReader();
                r.readAsText(new Blob(['a']));
                let out;
                try { r.readAsArrayBuffer(new Blob(['b'])); } catch (e) { out = [e.name, e.code, r.readyState].join(); }
                out""");
    }

    @Test
    void abortFiresAbortAndLoadendSynchronouslyAndCancelsQueuedEvents() {
        js.eval("""
                globalThis.reader = record(new FileReader());
                reader.readAsText(new Blob(['abc']));
                reader.abort();
                log.push('after abort ' + reader.readyState + ' ' + reader.result);
                setTimeout(() => log.push('later'), 20);""");
        js.runUntil("log.includes('later')", 5);
        js.assertEval("abort(2,0/0),loadend(2,0/0),after abort 2 null,later", "log.join()");
        // Aborting an idle reader fires nothing.
        js.assertEval("0", "log.length = 0; const idle = record(new FileReader()); idle.abort(); log.length");
    }

    @Test
    void aReadStartedFromAnAbortOrLoadHandlerSuppressesTheEarlierLoadend() {
        js.eval("""
                globalThis.reader = record(new FileReader());
                let first = true;
                reader.addEventListener('load', () => { if (first) { first = false; reader.readAsText(new Blob(['second'])); } });
                reader.readAsText(new Blob(['first']));""");
        js.runUntil("log.filter((x) => x.startsWith('loadend')).length === 1 && reader.readyState === 2", 5);
        js.assertEval("loadstart(1,0/5),progress(1,5/5),load(2,5/5),loadstart(1,0/6),progress(1,6/6),load(2,6/6),loadend(2,6/6)", "log.join()");
        js.assertEval("second", "reader.result");
    }

    @Test
    void progressEventIsAnEventWithLoadedAndTotal() {
        js.assertEval("true,true,5,10,false,false", """
                const e = new ProgressEvent('progress', { lengthComputable: true, loaded: 5, total: 10 });
                [e instanceof Event, e.lengthComputable, e.loaded, e.total, e.bubbles, new ProgressEvent('x').lengthComputable].join()""");
        js.assertEval("TypeError", "try { new ProgressEvent(); 'no' } catch (e) { e.name }");
    }
}
