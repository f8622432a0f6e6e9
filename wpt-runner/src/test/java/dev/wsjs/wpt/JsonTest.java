package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void roundTripsWhatTheRunnerWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n tab \t control \u0001 é 😀");
        m.put("n", null);
        m.put("i", 42L);
        m.put("d", 1.5);
        m.put("b", true);
        m.put("l", Arrays.asList(1L, "two", null, List.of(), Map.of()));
        assertEquals(m, Json.parse(Json.pretty(m)));
        assertEquals(m, Json.parse(Json.compact(m)));
    }

    @Test
    void loneSurrogatesInSubtestNamesStayValid() {
        String name = "unpaired \uD800 surrogate";
        String json = Json.compact(name);
        assertEquals("\"unpaired \\ud800 surrogate\"", json);
        assertEquals(name, Json.parse(json));
    }

    @Test
    void wholeDoublesAreWrittenAsIntegers() {
        assertEquals("[1,0.1]", Json.compact(List.of(1.0, 0.1)));
    }

    @Test
    void syntaxErrorsNameTheOffset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
        assertEquals("JSON: unexpected character at offset 6", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1] x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }
}
