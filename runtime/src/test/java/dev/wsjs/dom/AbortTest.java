package dev.wsjs.dom;

import dev.wsjs.testing.TestRuntime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AbortController, AbortSignal (abort, timeout, any) and the internals.abort algorithms. */
class AbortTest {

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
    void controllerAbortsItsSignalOnceWithAnAbortErrorByDefault() {
        js.assertEval("true,false,true,AbortError,20,true,1,true,abort,true", """
                var c = new AbortController(), s = c.signal, events = [];
                var before = s.aborted;
                s.addEventListener('abort', (e) => events.push(e));
                c.abort();
                var reason = s.reason;
                c.abort('again');
                [c.signal === s, before, s.aborted, reason.name, reason.code, reason instanceof DOMException, events.length,
                 events[0].isTrusted, events[0].type, s.reason === reason].join()
                """);
        js.assertEval("custom", "var c = new AbortController(); c.abort('custom'); c.signal.reason");
    }

    @Test
    void abortAlgorithmsRunBeforeTheAbortEventAndOnabortKeepsItsPlace() {
        js.withInternals();
        js.assertEval("algo,listener,onabort,late", """
                var c = new AbortController(), s = c.signal, out = [];
                internals.abort.addAlgorithm(s, () => out.push('algo'));
                var removed = () => out.push('removed');
                internals.abort.addAlgorithm(s, removed);
                internals.abort.removeAlgorithm(s, removed);
                s.addEventListener('abort', () => out.push('listener'));
                s.onabort = (e) => out.push('onabort');
                s.addEventListener('abort', () => out.push('late'));
                c.abort();
                internals.abort.addAlgorithm(s, () => out.push('after-abort'));
                out.join()
                """);
    }

    @Test
    void signalsHaveNoConstructorAndAreBrandChecked() {
        assertEquals("TypeError: Illegal constructor", js.error("new AbortSignal()"));
        assertEquals("TypeError: Illegal invocation", js.error("Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call(new EventTarget())"));
        assertEquals("TypeError: Illegal invocation", js.error("AbortController.prototype.abort.call({})"));
        js.assertEval("true,[object AbortSignal],[object AbortController],0,true,true", """
                var s = new AbortController().signal;
                [s instanceof EventTarget, Object.prototype.toString.call(s), Object.prototype.toString.call(new AbortController()),
                 AbortSignal.length, Object.keys(AbortSignal.prototype).includes('throwIfAborted'), Object.keys(AbortSignal).includes('any')].join()
                """);
    }

    @Test
    void staticAbortAndThrowIfAborted() {
        js.assertEval("true,AbortError,r,no", """
                var a = AbortSignal.abort(), b = AbortSignal.abort('r');
                var c = new AbortController().signal; c.throwIfAborted();
                [a.aborted, a.reason.name, b.reason, 'no'].join()
                """);
        assertEquals("thrown r", js.error("AbortSignal.abort('r').throwIfAborted()"));
        assertEquals("AbortError: This operation was aborted", js.error("AbortSignal.abort().throwIfAborted()"));
    }

    @Test
    void timeoutAbortsWithATimeoutError() {
        // The signal's timer does not keep the loop running; a plain timer does, while we wait.
        js.eval("var s = AbortSignal.timeout(20), fired = 0; s.onabort = () => fired++; var keep = setTimeout(() => {}, 10000);");
        js.assertEval("false", "s.aborted");
        js.runUntil("s.aborted", 10);
        js.assertEval("true,TimeoutError,23,1", "[s.aborted, s.reason.name, s.reason.code, fired].join()");
        assertTrue(js.error("AbortSignal.timeout(-1)").startsWith("TypeError: Failed to execute 'timeout' on 'AbortSignal': Argument 1"));
        assertTrue(js.error("AbortSignal.timeout(2**53)").startsWith("TypeError"));
        assertEquals("TypeError: Failed to execute 'timeout' on 'AbortSignal': 1 argument required, but only 0 present.", js.error("AbortSignal.timeout()"));
    }

    @Test
    void aPendingTimeoutDoesNotKeepTheProgramAlive() {
        js.eval("var s = AbortSignal.timeout(600000);");
        long start = System.nanoTime();
        js.runtime.runUntilIdle();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
        js.assertEval("false", "s.aborted");
    }

    @Test
    void anyFollowsItsSourcesAndFlattensDependents() {
        js.assertEval("false,true,b-reason,a:b-reason,any:b-reason|x", """
                var a = new AbortController(), b = new AbortController(), out = [];
                var any = AbortSignal.any([a.signal, b.signal]);
                var before = any.aborted;
                b.signal.addEventListener('abort', () => out.push('a:' + b.signal.reason));
                any.addEventListener('abort', () => out.push('any:' + any.reason));
                b.abort('b-reason');
                a.abort('late');
                var already = AbortSignal.any([new AbortController().signal, AbortSignal.abort('x')]);
                [before, any.aborted, any.reason, out.join()].join() + '|' + already.reason
                """);
        // A dependent of a dependent depends on the original sources directly.
        js.assertEval("true,true,true,r", """
                var root = new AbortController(), other = new AbortController();
                var mid = AbortSignal.any([root.signal]);
                var leaf = AbortSignal.any([mid, other.signal]);
                var order = [];
                mid.onabort = () => order.push('mid'); leaf.onabort = () => order.push('leaf');
                root.abort('r');
                [mid.aborted, leaf.aborted, order.join() === 'mid,leaf', leaf.reason].join()
                """);
        js.assertEval("false", "AbortSignal.any([]).aborted");
        assertTrue(js.error("AbortSignal.any([{}])").startsWith("TypeError: Failed to execute 'any' on 'AbortSignal': Argument 1, index 0 is not of type 'AbortSignal'."));
        assertTrue(js.error("AbortSignal.any(5)").startsWith("TypeError"));
    }

    @Test
    void anyWithATimeoutSource() {
        js.eval("var s = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(10)]); var keep = setTimeout(() => {}, 10000);");
        js.runUntil("s.aborted", 10);
        js.assertEval("TimeoutError", "s.reason.name");
    }

    @Test
    void internalsCanSignalAbortAndCreateDependents() {
        js.withInternals();
        js.assertEval("true,why,true,true", """
                var s = internals.abort.createAbortSignal();
                var d = internals.abort.createDependentAbortSignal([s]);
                internals.abort.signalAbort(s, 'why');
                [s.aborted, d.reason, internals.abort.isAborted(d), internals.abort.reason(s) === 'why'].join()
                """);
    }

    @Test
    void aThrowingAbortListenerIsReportedAndOthersStillRun() {
        js.assertEval("1", """
                var c = new AbortController(), n = 0;
                c.signal.addEventListener('abort', () => { throw new Error('in abort'); });
                c.signal.addEventListener('abort', () => n++);
                c.abort();
                n
                """);
        assertEquals(1, js.console().size(), js.console().toString());
        assertTrue(js.console().get(0).startsWith("ERROR Uncaught Error: in abort"), js.console().get(0));
    }
}
