package dev.wsjs.dom;

import dev.wsjs.testing.TestRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The global DOMException: constructor, legacy codes, constants, Error-likeness. */
class DomExceptionTest {

    private TestRuntime js;

    @BeforeEach
    void setUp() {
        js = new TestRuntime();
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void constructorDefaultsAndConversions() {
        js.assertEval("Error||0", "var e = new DOMException(); [e.name, e.message, e.code].join('|')");
        js.assertEval("Error|null", "var e = new DOMException(null); [e.name, e.message].join('|')");
        js.assertEval("Error|bar", "var e = new DOMException('bar', undefined); [e.name, e.message].join('|')");
        js.assertEval("false,false", "var e = new DOMException('m', 'AbortError'); [e.hasOwnProperty('name'), e.hasOwnProperty('message')].join()");
        assertEquals("TypeError", js.error("DOMException('x')").split(":")[0]);
        assertTrue(js.error("new DOMException(Symbol())").startsWith("TypeError: Failed to construct 'DOMException': Argument 1"));
    }

    @Test
    void legacyCodesFollowTheErrorNamesTable() {
        js.assertEval("1,3,4,5,7,8,9,10,11,12,13,14,15,17,18,19,20,21,22,23,24,25,0,0,0,0,0", """
                ['IndexSizeError', 'HierarchyRequestError', 'WrongDocumentError', 'InvalidCharacterError', 'NoModificationAllowedError',
                 'NotFoundError', 'NotSupportedError', 'InUseAttributeError', 'InvalidStateError', 'SyntaxError', 'InvalidModificationError',
                 'NamespaceError', 'InvalidAccessError', 'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError',
                 'URLMismatchError', 'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError', 'DataCloneError',
                 'DOMStringSizeError', 'NoDataAllowedError', 'ValidationError', 'EncodingError', 'foo']
                  .map(n => new DOMException('m', n).code).join()
                """);
    }

    @Test
    void constantsOnInterfaceAndPrototype() {
        js.assertEval("1,2,20,25,20,false,true", """
                var d = Object.getOwnPropertyDescriptor(DOMException, 'ABORT_ERR');
                [DOMException.INDEX_SIZE_ERR, DOMException.DOMSTRING_SIZE_ERR, DOMException.ABORT_ERR, DOMException.DATA_CLONE_ERR,
                 DOMException.prototype.ABORT_ERR, d.writable, d.enumerable].join()
                """);
        js.assertEval("25", "Object.keys(DOMException).filter(k => k.endsWith('_ERR')).length");
    }

    @Test
    void isAnErrorWithAStack() {
        js.assertEval("true,true,[object DOMException],AbortError: gone",
                "var e = new DOMException('gone', 'AbortError'); [e instanceof Error, Object.getPrototypeOf(DOMException.prototype) === Error.prototype, "
                        + "Object.prototype.toString.call(e), String(e)].join()");
        js.assertEval("true", "function where() { return new DOMException('gone', 'AbortError'); } "
                + "var s = where().stack; typeof s === 'string' && s.includes('AbortError: gone') && s.includes('where')");
    }

    @Test
    void gettersAreBrandChecked() {
        assertEquals("TypeError: Illegal invocation", js.error("DOMException.prototype.name"));
        assertEquals("TypeError: Illegal invocation", js.error("Object.getOwnPropertyDescriptor(DOMException.prototype, 'code').get.call(new Error())"));
        js.assertEval("true,true,true", "['name', 'message', 'code'].map(k => Object.getOwnPropertyDescriptor(DOMException.prototype, k).enumerable).join()");
        js.assertEval("false,true,true", "var d = Object.getOwnPropertyDescriptor(globalThis, 'DOMException'); [d.enumerable, d.writable, d.configurable].join()");
        js.assertEval("0,DOMException", "[DOMException.length, DOMException.name].join()");
    }

    @Test
    void subclassesWork() {
        js.assertEval("MyErr,x,true,11", "class MyErr extends DOMException { constructor() { super('x', 'InvalidStateError'); } } "
                + "var m = new MyErr(); [m.constructor.name, m.message, m instanceof DOMException, m.code].join()");
    }
}
