package dev.wsjs.globals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.blob.ScriptRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** performance: High Resolution Time (now, timeOrigin, toJSON) and User Timing (mark, measure). */
class PerformanceTest {

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
    void nowCountsFromTheTimeOriginInCoarsenedMilliseconds() throws InterruptedException {
        double first = Double.parseDouble(js.eval("String(performance.now())"));
        Thread.sleep(30);
        double second = Double.parseDouble(js.eval("String(performance.now())"));
        assertTrue(first >= 0 && second - first >= 29, first + " then " + second);
        // now() + timeOrigin tracks the wall clock (the monotonic clock behind now() may drift from it a little).
        double skew = Double.parseDouble(js.eval("String(Math.abs(performance.timeOrigin + performance.now() - Date.now()))"));
        assertTrue(skew < 1000, "skew " + skew);
        // Values are multiples of 5 microseconds.
        js.assertEval("true", "String([1, 2, 3, 4, 5].every(() => { const t = performance.now() * 200; return Math.abs(t - Math.round(t)) < 1e-6; }))");
        js.assertEval("true", "String(JSON.stringify(performance.toJSON()) === JSON.stringify({ timeOrigin: performance.timeOrigin }))");
    }

    @Test
    void interfaces() {
        js.assertEval("true,true,[object Performance],TypeError,TypeError", """
                const illegal = (f) => { try { f(); return 'no'; } catch (e) { return e.name; } };
                [performance instanceof Performance, Object.getPrototypeOf(PerformanceMark) === PerformanceEntry, String(performance),
                 illegal(() => new Performance()), illegal(() => performance.now.call({}))].join()""");
        // [Replaceable]: assigning shadows it with a data property.
        js.assertEval("42", "globalThis.performance = 42; String(globalThis.performance)");
    }

    @Test
    void marksAndMeasures() {
        js.assertEval("mark,a,0,true,null,7,false", """
                const m = performance.mark('a');
                const d = { x: 7 };
                const withDetail = performance.mark('b', { detail: d, startTime: 5 });
                [m.entryType, m.name, m.duration, m instanceof PerformanceMark, String(m.detail), withDetail.detail.x, withDetail.detail === d].join()""");
        js.assertEval("measure,m,5,10,true", """
                performance.mark('s', { startTime: 5 });
                performance.mark('e', { startTime: 15 });
                const me = performance.measure('m', 's', 'e');
                [me.entryType, me.name, me.startTime, me.duration, me instanceof PerformanceMeasure].join()""");
        js.assertEval("2,8,5,4,0", """
                const a = performance.measure('o1', { start: 2, end: 10 });
                const b = performance.measure('o2', { start: 's', duration: 1 });
                const c = performance.measure('o3', { end: 'e', duration: 11 });
                [a.startTime, a.duration, b.startTime, c.startTime, performance.measure('fromZero').startTime].join()""");
        js.assertEval("{\"name\":\"e\",\"entryType\":\"mark\",\"startTime\":15,\"duration\":0}", "JSON.stringify(performance.getEntriesByName('e')[0])");
        js.assertEval("SyntaxError,TypeError,TypeError,TypeError", """
                const err = (f) => { try { f(); return 'no'; } catch (e) { return e.name; } };
                [err(() => performance.measure('x', 'no-such-mark')), err(() => performance.mark('n', { startTime: -1 })),
                 err(() => performance.measure('x', { start: 1 }, 'e')), err(() => performance.measure('x', { detail: 1 }))].join()""");
    }

    @Test
    void theEntryBufferIsFilteredSortedAndCleared() {
        js.eval("""
                performance.mark('late', { startTime: 50 });
                performance.mark('early', { startTime: 10 });
                performance.measure('span', 'early', 'late');""");
        js.assertEval("early,span,late", "performance.getEntries().map((e) => e.name).join()");
        js.assertEval("early,late|span|late", """
                [performance.getEntriesByType('mark').map((e) => e.name).join(), performance.getEntriesByType('measure').map((e) => e.name).join(),
                 performance.getEntriesByName('late', 'mark').map((e) => e.name).join()].join('|')""");
        js.eval("performance.clearMarks('late');");
        js.assertEval("early,span", "performance.getEntries().map((e) => e.name).join()");
        js.eval("performance.clearMeasures(); performance.clearMarks();");
        js.assertEval("0", "String(performance.getEntries().length)");
    }
}
