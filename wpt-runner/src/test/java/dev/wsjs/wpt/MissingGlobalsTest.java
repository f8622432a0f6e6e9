package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MissingGlobalsTest {

    @Test
    void aReferenceErrorForABrowserApiNamesWhatIsMissing() {
        String reason = MissingGlobals.reason("promise_test: Unhandled rejection with value: object \"ReferenceError: ReadableStream is not defined\"");
        assertTrue(reason.startsWith("needs the Streams API (ReadableStream)"), reason);
        assertTrue(MissingGlobals.reason("FormData is not defined").startsWith("needs FormData (FormData)"));
        assertTrue(MissingGlobals.reason("Uncaught ReferenceError: document is not defined").startsWith("needs a DOM document"));
    }

    @Test
    void otherErrorsAreNotExcused() {
        assertNull(MissingGlobals.reason("assert_equals: expected 1 but got 2"));
        assertNull(MissingGlobals.reason("myHelper is not defined"));
        assertNull(MissingGlobals.reason("blob.stream is not a function"));
        assertNull(MissingGlobals.reason(null));
    }
}
