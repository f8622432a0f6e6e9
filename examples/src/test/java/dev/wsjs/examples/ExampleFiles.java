package dev.wsjs.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the example scripts are: the module directory Maven passes in, else the working directory's examples/. */
public final class ExampleFiles {

    private ExampleFiles() {}

    public static Path dir(String sub) {
        String base = System.getProperty("wsjs.examples.dir");
        Path root = base != null ? Path.of(base) : Path.of("examples");
        Path dir = root.resolve(sub).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) throw new IllegalStateException("no example directory " + dir);
        return dir;
    }
}
