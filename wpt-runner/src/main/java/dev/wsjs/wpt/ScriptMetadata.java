package dev.wsjs.wpt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code // META: key=value} directives at the top of a WPT JavaScript test, in file order.
 *
 * <p>WPT reads them the way its manifest tool does: line by line from the first line, each line
 * starting with {@code //}, optional space, {@code META:}, optional space, a word, {@code =} and the
 * rest of the line as the value; the first line that does not match ends the block. A directive
 * further down the file is therefore ignored, by WPT and here alike.
 *
 * @param directives every directive in file order (a key may repeat: script, variant)
 */
record ScriptMetadata(List<Directive> directives) {

    /** One {@code key=value} directive. */
    record Directive(String key, String value) {}

    private static final Pattern META = Pattern.compile("//\\s*META:\\s*(\\w*)=(.*)");

    ScriptMetadata {
        directives = List.copyOf(directives);
    }

    /** Reads the leading directive block of a test file's text. */
    static ScriptMetadata parse(String source) {
        List<Directive> found = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            // A CRLF file leaves '\r' at the end of the line; it is not part of the value.
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            Matcher m = META.matcher(text);
            if (!m.matches()) break;
            found.add(new Directive(m.group(1), m.group(2)));
        }
        return new ScriptMetadata(found);
    }

    /**
     * The same directives from a testharness {@code .html} page, where WPT's manifest reads them:
     * {@code <meta name="variant" content="?x">}, {@code <meta name="timeout" content="long">} and the
     * {@code <title>}.
     */
    static ScriptMetadata parseHtml(String html) {
        HtmlPage page = HtmlPage.parse(html);
        List<Directive> found = new ArrayList<>(page.metas());
        page.title().ifPresent(title -> found.add(new Directive("title", title)));
        return new ScriptMetadata(found);
    }

    /** Every value of {@code key}, in file order. */
    List<String> all(String key) {
        return directives.stream().filter(d -> d.key().equals(key)).map(Directive::value).toList();
    }

    /** The first value of {@code key} (WPT uses the first {@code global} and {@code title}). */
    Optional<String> first(String key) {
        return directives.stream().filter(d -> d.key().equals(key)).map(Directive::value).findFirst();
    }

    /** {@code // META: script=…} dependencies, in the order the page loads them. */
    List<String> scripts() {
        return all("script");
    }

    /** The {@code // META: variant=…} queries/fragments; empty when the test has none. */
    List<String> variants() {
        return all("variant");
    }

    /** {@code // META: timeout=long} gives the test the long harness timeout. */
    boolean longTimeout() {
        return directives.stream().anyMatch(d -> d.key().equals("timeout") && d.value().equals("long"));
    }

    Optional<String> title() {
        return first("title");
    }

    /** The {@code global} value, or empty when the test keeps the default globals. */
    Optional<String> global() {
        return first("global");
    }
}
