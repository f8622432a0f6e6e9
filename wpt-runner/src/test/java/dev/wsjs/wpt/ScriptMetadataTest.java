package dev.wsjs.wpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptMetadataTest {

    @Test
    void readsEveryDirectiveOfTheLeadingBlockInOrder() {
        ScriptMetadata m = ScriptMetadata.parse("""
                // META: global=window,worker
                // META: script=constants.sub.js
                //META:script=/common/utils.js
                // META: variant=?default
                // META: variant=?wpt_flags=h2
                // META: timeout=long
                // META: title=A title = with equals
                test(() => {});
                """);
        assertEquals(Optional.of("window,worker"), m.global());
        assertEquals(List.of("constants.sub.js", "/common/utils.js"), m.scripts());
        assertEquals(List.of("?default", "?wpt_flags=h2"), m.variants());
        assertTrue(m.longTimeout());
        assertEquals(Optional.of("A title = with equals"), m.title());
    }

    @Test
    void theFirstOtherLineEndsTheBlock() {
        ScriptMetadata m = ScriptMetadata.parse("""
                // META: script=a.js

                // META: script=b.js
                """);
        assertEquals(List.of("a.js"), m.scripts());
        assertEquals(List.of(), ScriptMetadata.parse("'use strict';\n// META: script=a.js\n").scripts());
        assertEquals(List.of(), ScriptMetadata.parse("  // META: script=indented.js\n").scripts(), "META must start the line");
    }

    @Test
    void crlfLineEndsAreNotPartOfValues() {
        ScriptMetadata m = ScriptMetadata.parse("// META: variant=?wss\r\n// META: timeout=long\r\ncode();\r\n");
        assertEquals(List.of("?wss"), m.variants());
        assertTrue(m.longTimeout());
    }

    @Test
    void onlyTimeoutLongIsLong() {
        assertFalse(ScriptMetadata.parse("// META: timeout=short\n").longTimeout());
        assertFalse(ScriptMetadata.parse("").longTimeout());
        assertEquals(Optional.empty(), ScriptMetadata.parse("").global());
    }

    @Test
    void htmlPagesGiveVariantsTimeoutTitleAndScriptsInDocumentOrder() {
        String html = """
                <!doctype html><TITLE> A
                  title </TITLE>
                <meta name=variant content="?a"><meta content='?b' name="variant"><meta name=timeout content=long>
                <meta name="viewport" content="width=device-width">
                <script src=/resources/testharness.js></script>
                <!-- <script src=commented.js></script> -->
                <script type="module">import "x";</script>
                <script type=text/javascript>var a = "</scrip" + "t>";</script>
                <script src='one.js' src=two.js></script>
                """;
        ScriptMetadata meta = ScriptMetadata.parseHtml(html);
        assertEquals(List.of("?a", "?b"), meta.variants());
        assertTrue(meta.longTimeout());
        assertEquals(Optional.of("A title"), meta.title());
        HtmlPage page = HtmlPage.parse(html);
        assertEquals(List.of("/resources/testharness.js", "var a = \"</scrip\" + \"t>\";", "one.js"),
                page.scripts().stream().map(s -> s.external() ? s.src() : s.text()).toList());
    }
}
