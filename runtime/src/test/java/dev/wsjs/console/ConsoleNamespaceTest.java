package dev.wsjs.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.ConsoleSink.Level;
import dev.wsjs.testing.TestRuntime.Line;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console namespace: its shape, the Formatter, log levels, counting, grouping, timing, tables. */
class ConsoleNamespaceTest {

    private ConsoleRuntime js;

    @BeforeEach
    void setUp() {
        js = new ConsoleRuntime();
    }

    @AfterEach
    void tearDown() {
        js.close();
    }

    @Test
    void isANamespaceObject() {
        assertEquals("[object console]|true|false|true|object|true", js.eval("""
                const p = Object.getPrototypeOf(console);
                const d = Object.getOwnPropertyDescriptor(console, Symbol.toStringTag);
                [Object.prototype.toString.call(console), Object.getPrototypeOf(p) === Object.prototype,
                 d.writable || d.enumerable, d.configurable, typeof console, Reflect.ownKeys(p).length === 0].join('|')"""));
        assertEquals("true|false|true", js.eval("""
                const g = Object.getOwnPropertyDescriptor(globalThis, 'console'); [g.writable, g.enumerable, g.configurable].join('|')"""));
    }

    @Test
    void operationsAreEnumerableFunctionsWithIdlLengths() {
        String names = "assert,clear,debug,error,info,log,table,trace,warn,dir,dirxml,count,countReset,group,groupCollapsed,groupEnd,time,timeLog,timeEnd";
        assertEquals(names, js.eval("Object.keys(console).join()"));
        assertEquals("ok", js.eval("""
                Object.keys(console).every(k => {
                  const d = Object.getOwnPropertyDescriptor(console, k);
                  return d.writable && d.enumerable && d.configurable && d.value.length === 0 && d.value.name === k;
                }) ? 'ok' : 'bad'"""));
        assertEquals("TypeError", js.eval("try { new console.log(); 'constructed' } catch (e) { e.name }"));
        assertEquals("detached", js.printed("const log = console.log; log('detached')"));
    }

    @Test
    void formatterSpecifiers() {
        assertEquals("a|NaN|7|1500|{ a: [ 1 ] }|{ b: 1 }||%|%x",
                js.log("'%s|%d|%i|%f|%o|%O|%c|%%|%x', 'a', 'px', 7.9, '1.5e3', { a: [1] }, { b: 1 }, 'color: red'"));
        assertEquals("42 NaN NaN", js.log("'%d %i %f', '42.9', Symbol(), Symbol()"));
        assertEquals("[object Object] Symbol(s)", js.log("'%s %s', {}, Symbol('s')"));
        assertEquals("a % extra { x: 1 }", js.log("'%s %%', 'a', 'extra', { x: 1 }"));
        assertEquals("%% alone", js.log("'%% alone'"));
        assertEquals("a% 1", js.log("'a%', 1"));
        assertEquals("%s x", js.log("'%s', '%s', 'x'"), "text inserted by a specifier is not formatted again");
        assertEquals("missing %s", js.log("'missing %s %s', 'missing'").replace("missing missing", "missing"));
        assertEquals("{ a: 1 } %s", js.log("{ a: 1 }, '%s'"));
    }

    @Test
    void levelsFollowTheSeverityTable() {
        List<Line> lines = js.run("""
                console.debug('d'); console.log('l'); console.info('i'); console.warn('w'); console.error('e');
                console.assert(false); console.count(); console.countReset('nope'); console.dir(1); console.dirxml(2);
                console.trace('t'); console.group('g'); console.groupEnd(); console.table([1]);""");
        List<Level> levels = lines.stream().map(Line::level).toList();
        assertEquals(List.of(Level.DEBUG, Level.LOG, Level.INFO, Level.WARN, Level.ERROR, Level.ERROR, Level.INFO, Level.WARN,
                Level.LOG, Level.LOG, Level.LOG, Level.LOG, Level.LOG), levels);
    }

    @Test
    void emptyLogPrintsNothing() {
        assertEquals(List.of(), js.run("console.log(); console.error(); console.assert(true, 'never')"));
    }

    @Test
    void assertMessages() {
        assertEquals("Assertion failed", js.printed("console.assert(0)"));
        assertEquals("Assertion failed: x is 1", js.printed("console.assert(false, 'x is %d', 1)"));
        assertEquals("Assertion failed { a: 1 }", js.printed("console.assert(null, { a: 1 })"));
    }

    @Test
    void countAndCountReset() {
        List<Line> lines = js.run("console.count(); console.count(); console.count('x'); console.countReset(); console.count(); console.count(undefined)");
        assertEquals(List.of("default: 1", "default: 2", "x: 1", "default: 1", "default: 2"), lines.stream().map(Line::text).toList());
        assertEquals("Count for 'y' does not exist", js.printed("console.countReset('y')"));
        assertEquals("TypeError", js.eval("try { console.count(Symbol()); 'no' } catch (e) { e.name }"));
    }

    @Test
    void groupsIndentEveryLine() {
        List<Line> lines = js.run("""
                console.group('outer %d', 1); console.log('a\\nb'); console.groupCollapsed(); console.warn({ x: 1 });
                console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log('c')""");
        assertEquals(List.of("outer 1", "  a\n  b", "  console.groupCollapsed", "    { x: 1 }", "c"),
                lines.stream().map(Line::text).toList());
    }

    @Test
    void timersMeasureWithTheRuntimeClock() {
        List<Line> lines = js.run("""
                console.time(); console.time('t'); console.time('t');
                const end = Date.now() + 20; while (Date.now() < end) {}
                console.timeLog('t', 'step', { n: 1 }); console.timeEnd('t'); console.timeEnd('t'); console.timeEnd()""");
        assertEquals("Warning: Timer 't' already exists", lines.get(0).text());
        assertEquals(Level.WARN, lines.get(0).level());
        assertTrue(lines.get(1).text().matches("t: \\d+\\.\\d{3}ms step \\{ n: 1 }"), lines.get(1).text());
        String ms = lines.get(2).text();
        assertTrue(ms.matches("t: \\d+\\.\\d{3}ms"), ms);
        assertTrue(Double.parseDouble(ms.substring(3, ms.length() - 2)) >= 19, ms);
        assertEquals("Warning: Timer 't' does not exist", lines.get(3).text());
        assertTrue(lines.get(4).text().startsWith("default: "), lines.get(4).text());
    }

    @Test
    void traceShowsTheCallerStack() {
        String trace = js.printed("function outerFn() { console.trace('here %s', 'now') } outerFn()");
        assertTrue(trace.startsWith("Trace: here now\n    at "), trace);
        assertTrue(trace.contains("outerFn"), trace);
        assertTrue(!trace.contains("04_console"), trace);
    }

    @Test
    void tableRendersRowsAndColumns() {
        assertEquals("""
                ┌─────────┬─────┬─────┬────────┐
                │ (index) │ a   │ b   │ Values │
                ├─────────┼─────┼─────┼────────┤
                │ 0       │ 1   │ 'Y' │        │
                │ 1       │ 'Z' │ 2   │        │
                │ 2       │     │     │ 3      │
                └─────────┴─────┴─────┴────────┘""", js.printed("console.table([{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }, 3])"));
        assertEquals("""
                ┌─────────┬───┐
                │ (index) │ b │
                ├─────────┼───┤
                │ x       │ 2 │
                └─────────┴───┘""", js.printed("console.table({ x: { a: 1, b: 2 } }, ['b'])"));
        assertEquals("""
                ┌───────────────────┬─────┬────────┐
                │ (iteration index) │ Key │ Values │
                ├───────────────────┼─────┼────────┤
                │ 0                 │ 'k' │ 1      │
                └───────────────────┴─────┴────────┘""", js.printed("console.table(new Map([['k', 1]]))"));
        assertEquals("just text", js.printed("console.table('just text')"));
        assertEquals("TypeError", js.eval("try { console.table([], 5); 'no' } catch (e) { e.name }"));
    }

    @Test
    void dirUsesOptionsAndQuotesStrings() {
        assertEquals("'s'", js.printed("console.dir('s')"));
        assertEquals("{ a: [Object] }", js.printed("console.dir({ a: { b: 1 } }, { depth: 0 })"));
        assertEquals("TypeError", js.eval("try { console.dir(1, 5); 'no' } catch (e) { e.name }"));
        assertEquals("text {\n  a: { b: { c: { d: {} } } }\n}", js.printed("console.dirxml('text', { a: { b: { c: { d: {} } } } })"));
    }
}
