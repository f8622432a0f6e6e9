package dev.wsjs.wpt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the runner needs from a testharness {@code .html} page: its scripts in document order, its
 * {@code <meta name=variant|timeout>} directives and its title. Not an HTML parser: WPT test pages are
 * plain enough that the start tags and raw text of {@code <script>}, {@code <meta>} and {@code <title>}
 * can be found with the tokenizer's basic rules (comments skipped, script text raw until
 * {@code </script}), which is all a page without a document can use anyway.
 *
 * @param scripts the classic scripts, in document order
 * @param metas {@code variant} and {@code timeout} directives, in document order
 * @param title the title's text with whitespace collapsed, as {@code document.title} gives it
 */
record HtmlPage(List<Script> scripts, List<ScriptMetadata.Directive> metas, Optional<String> title) {

    /** A {@code <script>}: {@code src} (as written) for an external script, else the inline text. */
    record Script(String src, String text) {
        boolean external() {
            return src != null;
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "(?is)<!--.*?-->|<script\\b([^>]*)>(.*?)</script\\s*>|<meta\\b([^>]*)>|<title\\b[^>]*>(.*?)</title\\s*>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");

    HtmlPage {
        scripts = List.copyOf(scripts);
        metas = List.copyOf(metas);
    }

    static HtmlPage parse(String html) {
        List<Script> scripts = new ArrayList<>();
        List<ScriptMetadata.Directive> metas = new ArrayList<>();
        String title = null;
        Matcher m = TOKEN.matcher(html);
        while (m.find()) {
            if (m.group(1) != null) {
                Map<String, String> attributes = attributes(m.group(1));
                if (!isClassicScript(attributes.get("type"))) continue; // data blocks, modules
                String src = attributes.get("src");
                scripts.add(src != null ? new Script(src.strip(), null) : new Script(null, m.group(2)));
            } else if (m.group(3) != null) {
                Map<String, String> attributes = attributes(m.group(3));
                String name = attributes.getOrDefault("name", "");
                String content = attributes.get("content");
                if (content != null && (name.equals("variant") || name.equals("timeout"))) {
                    metas.add(new ScriptMetadata.Directive(name, content));
                }
            } else if (m.group(4) != null && title == null) {
                title = m.group(4).replaceAll("[\\t\\n\\f\\r ]+", " ").strip();
            }
        }
        return new HtmlPage(scripts, metas, Optional.ofNullable(title).filter(t -> !t.isEmpty()));
    }

    /** A start tag's attributes, names lower-cased; the first of a repeated name wins, as in HTML. */
    static Map<String, String> attributes(String tag) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : "";
            out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), value);
        }
        return out;
    }

    /** HTML's "classic script" types: no type, an empty one, or a JavaScript MIME type essence. */
    private static boolean isClassicScript(String type) {
        if (type == null || type.strip().isEmpty()) return true;
        String t = type.strip().toLowerCase(Locale.ROOT);
        return t.equals("text/javascript") || t.equals("application/javascript") || t.equals("application/ecmascript")
                || t.equals("text/ecmascript") || t.equals("text/jscript") || t.equals("application/x-javascript");
    }
}
