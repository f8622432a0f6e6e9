package dev.wsjs.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wsjs.WsjsRuntime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ordering rules of the HTML event loop as scripts observe them. */
class EventLoopOrderTest {

    private WsjsRuntime rt;

    @BeforeEach
    void setUp() {
        rt = WsjsRuntime.builder().build();
        rt.eval("globalThis.log = [];");
    }

    @AfterEach
    void tearDown() {
        rt.close();
    }

    private List<String> log() {
        return List.of(rt.eval("log.join(',')").asString().split(",", -1));
    }

    @Test
    void microtasksRunAfterTheScriptAndBeforeAnyTimer() {
        rt.eval("""
                setTimeout(() => log.push('timeout'), 0);
                Promise.resolve().then(() => log.push('promise'));
                queueMicrotask(() => log.push('microtask'));
                log.push('sync');
                """);
        rt.runUntilIdle();
        assertEquals(List.of("sync", "promise", "microtask", "timeout"), log());
    }

    @Test
    void aMicrotaskCheckpointFollowsEveryTimerTask() {
        rt.eval("""
                setTimeout(() => { log.push('t1'); Promise.resolve().then(() => log.push('m1')); }, 0);
                setTimeout(() => { log.push('t2'); queueMicrotask(() => log.push('m2')); }, 0);
                """);
        rt.runUntilIdle();
        assertEquals(List.of("t1", "m1", "t2", "m2"), log());
    }

    @Test
    void timersRunByDueTimeThenByInsertion() {
        // Delays far apart compared to the time the script takes, so due times cannot cross.
        rt.eval("""
                setTimeout(() => log.push('b300'), 300);
                setTimeout(() => log.push('a0'), 0);
                setTimeout(() => log.push('c300'), 300);
                setTimeout(() => log.push('e0'), 0);
                setTimeout(() => log.push('d100'), 100);
                """);
        rt.runUntilIdle();
        assertEquals(List.of("a0", "e0", "d100", "b300", "c300"), log());
    }

    @Test
    void aPostedJavaTaskGetsItsOwnMicrotaskCheckpoint() throws Exception {
        var first = rt.submit(ctx -> ctx.eval("js", "log.push('posted1'); Promise.resolve().then(() => log.push('micro1'))"));
        var second = rt.submit(ctx -> ctx.eval("js", "log.push('posted2')"));
        rt.runUntilIdle();
        first.get();
        second.get();
        assertEquals(List.of("posted1", "micro1", "posted2"), log());
    }

    @Test
    void timerIdsArePositiveUniqueAndArgumentsArePassed() {
        rt.eval("""
                const ids = [setTimeout((a, b) => log.push(a + b), 0, 'x', 'y'), setInterval(() => {}, 1000), setTimeout('1')];
                clearInterval(ids[1]);
                log.push(ids.every(id => Number.isInteger(id) && id > 0) && new Set(ids).size === 3);
                """);
        rt.runUntilIdle();
        assertEquals(List.of("true", "xy"), log());
    }

    @Test
    void aStringHandlerIsCompiledAsAClassicScript() {
        rt.eval("setTimeout(\"log.push('from string', typeof this)\", 0);");
        rt.runUntilIdle();
        assertEquals(List.of("from string", "object"), log());
    }

    @Test
    void clearingInsideACallbackCancelsATimerAlreadyDue() {
        rt.eval("""
                let second;
                setTimeout(() => { log.push('first'); clearTimeout(second); }, 0);
                second = setTimeout(() => log.push('second'), 0);
                const iv = setInterval(() => { log.push('tick'); if (log.length >= 4) clearInterval(iv); }, 1);
                """);
        rt.runUntilIdle();
        assertEquals(List.of("first", "tick", "tick", "tick"), log());
    }

    @Test
    void nestingDeeperThanFiveClampsToFourMilliseconds() {
        rt.eval("""
                function step(n) { if (n < 12) setTimeout(step, 0, n + 1); }
                setTimeout(step, 0, 1);
                """);
        long start = System.nanoTime();
        rt.runUntilIdle();
        double elapsedMs = (System.nanoTime() - start) / 1e6;
        // step(n) runs at nesting level n and sets the next timer at that level: the timers set by
        // step(6) … step(11) (level > 5) are clamped to 4 ms, so the chain takes at least 6 × 4 ms.
        assertTrue(elapsedMs >= 6 * 4, "12 nested zero-delay timers took only " + elapsedMs + " ms");
    }

    @Test
    void loopEndsWhenNothingIsPendingAndIntervalsKeepItAlive() {
        rt.eval("let n = 0; const iv = setInterval(() => { if (++n === 3) clearInterval(iv); }, 1);");
        rt.runUntilIdle();
        assertEquals(3, rt.eval("n").asInt());
        assertTrue(rt.runUntil(() -> false, Duration.ofMillis(50)) == false);
    }
}
