package dev.wsjs.wpt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the test URLs of a WPT checkout: every {@code .any.js}, {@code .worker.js} and {@code .window.js}
 * file and every testharness {@code .html} page outside support directories, expanded into one
 * {@link WptTest} per global scope and variant.
 */
final class TestDiscovery {

    /** Directories that hold support files, never tests (as in WPT's manifest), plus server state. */
    private static final Set<String> SUPPORT_DIRS = Set.of("resources", "support", "tools", "_certs", "node_modules");

    /**
     * What discovery found.
     *
     * @param tests the selected test URLs, sorted by URL
     * @param htmlTests testharness XHTML ({@code .xhtml}, {@code .htm}) pages under the selected paths:
     *                  they need an XML document, so the runner lists them as not run instead of skipping
     *                  them silently
     */
    record Found(List<WptTest> tests, List<String> htmlTests) {}

    private TestDiscovery() {}

    /**
     * @param root the WPT checkout
     * @param selectors test paths from the command line: directories or files relative to the root,
     *                  or test URLs (with or without the variant); empty means the whole checkout
     * @param variants the variant names to keep ({@link WptTest#variantName()}); empty keeps all.
     *                 Tests without variants are always kept.
     */
    static Found discover(Path root, List<String> selectors, Set<String> variants) throws IOException {
        List<String> normalized = selectors.stream().map(TestDiscovery::normalize).toList();
        List<WptTest> tests = new ArrayList<>();
        List<String> html = new ArrayList<>();
        for (Path start : startDirectories(root, normalized)) {
            for (Path file : testFiles(start)) {
                String rel = "/" + root.relativize(file).toString().replace('\\', '/');
                String name = file.getFileName().toString();
                TestKind kind = TestKind.of(name);
                ScriptMetadata meta;
                if (kind != null) {
                    meta = ScriptMetadata.parse(Files.readString(file));
                } else if (isHtmlTest(file)) {
                    if (!name.endsWith(".html")) {
                        // An XHTML (or .htm) page: its scripts only run in an XML document.
                        if (matchesAny(normalized, rel, rel, rel)) html.add(rel);
                        continue;
                    }
                    kind = TestKind.HTML;
                    meta = ScriptMetadata.parseHtml(Files.readString(file));
                } else {
                    continue;
                }
                for (WptTest t : expand(rel, kind, meta)) {
                    if (!variants.isEmpty() && !t.variant().isEmpty() && !variants.contains(t.variantName())) continue;
                    if (matchesAny(normalized, t.file(), t.path(), t.url())) tests.add(t);
                }
            }
        }
        for (String s : normalized) {
            boolean used = tests.stream().anyMatch(t -> matches(s, t.file(), t.path(), t.url()))
                    || html.stream().anyMatch(h -> matches(s, h, h, h));
            if (!used) throw new IllegalArgumentException("no test matches " + s + " under " + root);
        }
        tests.sort(Comparator.comparing(WptTest::url));
        html.sort(null);
        return new Found(List.copyOf(tests), List.copyOf(html));
    }

    /** The URLs of one file: one per global scope (for {@code .any.js}) and variant. */
    static List<WptTest> expand(String file, TestKind kind, ScriptMetadata meta) {
        Set<GlobalScope> scopes = switch (kind) {
            case ANY -> GlobalScope.parse(meta.global().orElse(""));
            case WORKER -> Set.of(GlobalScope.DEDICATED_WORKER);
            case WINDOW, HTML -> Set.of(GlobalScope.WINDOW);
        };
        List<String> variants = meta.variants().isEmpty() ? List.of("") : meta.variants();
        List<WptTest> out = new ArrayList<>();
        for (GlobalScope scope : scopes) {
            for (String v : variants) {
                // WPT accepts "", "?query" and "#fragment" variants; anything else is a typo in the test.
                if (!v.isEmpty() && v.charAt(0) != '?' && v.charAt(0) != '#') {
                    throw new IllegalArgumentException(file + ": variant '" + v + "' must start with ? or #");
                }
                out.add(new WptTest(file, kind, scope, v, meta));
            }
        }
        out.sort(Comparator.comparing(WptTest::url));
        return out;
    }

    private static String normalize(String selector) {
        String s = selector.replace('\\', '/');
        if (!s.startsWith("/")) s = "/" + s;
        while (s.length() > 1 && s.endsWith("/")) s = s.substring(0, s.length() - 1);
        return s;
    }

    private static boolean matchesAny(List<String> selectors, String file, String path, String url) {
        if (selectors.isEmpty()) return true;
        return selectors.stream().anyMatch(s -> matches(s, file, path, url));
    }

    private static boolean matches(String s, String file, String path, String url) {
        return s.equals("/") || s.equals(file) || s.equals(path) || s.equals(url) || file.startsWith(s + "/");
    }

    /** Walks only the directories the selectors point into (a whole checkout can be large). */
    private static List<Path> startDirectories(Path root, List<String> selectors) {
        if (selectors.isEmpty()) return List.of(root);
        List<Path> dirs = new ArrayList<>();
        for (String s : selectors) {
            Path p = root.resolve(s.substring(1).replaceAll("[?#].*$", ""));
            Path parent = Files.isDirectory(p) ? p : p.getParent();
            Path dir = parent != null && Files.isDirectory(parent) ? parent : root;
            if (dirs.stream().noneMatch(dir::startsWith)) {
                dirs.removeIf(d -> d.startsWith(dir));
                dirs.add(dir);
            }
        }
        return dirs;
    }

    private static List<Path> testFiles(Path start) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(start) && (SUPPORT_DIRS.contains(name) || name.startsWith("."))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    /** A page that loads testharness.js; manual tests ({@code -manual.html}) need a person, so they are none. */
    private static boolean isHtmlTest(Path file) {
        String name = file.getFileName().toString();
        if (!(name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml"))) return false;
        if (name.contains("-manual.")) return false;
        try (Stream<String> lines = Files.lines(file)) {
            return lines.anyMatch(l -> l.contains("/resources/testharness.js"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
