package dev.gophersite.local;

import dev.gophersite.common.Env;
import dev.gophersite.local.testfn.TestHandler;
import dev.gophersite.project.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Workspaces for tests: a test template next to {@code testfn.jar} (the test handlers plus gopher-common's
 * Env, like a shaded function jar) and a copy of the site's content.
 */
public final class TestSites {
    public static final String JAR = "testfn.jar";

    private TestSites() {}

    /** Copies {@code templates/<name>} to {@code dir/template.yaml}, builds the jar and copies content/ beside it. */
    public static Path workspace(Path dir, String templateResource) {
        try {
            try (InputStream template = TestSites.class.getResourceAsStream("/templates/" + templateResource)) {
                if (template == null) {
                    throw new IllegalArgumentException("no test template " + templateResource);
                }
                Files.copy(template, dir.resolve("template.yaml"));
            }
            buildJar(dir.resolve(JAR));
            Path content = dir.resolve("content");
            Files.createDirectories(content);
            try (Stream<Path> pages = Files.list(Repo.root().resolve("content"))) {
                for (Path page : pages.toList()) {
                    Files.copy(page, content.resolve(page.getFileName()));
                }
            }
            return dir.resolve("template.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LocalSettings settings(Path template, Map<String, String> env, int poolSize) {
        return new LocalSettings(
                template, template.resolveSibling("content"), 0, Optional.empty(), env, poolSize, true, false);
    }

    public static void buildJar(Path jar) throws IOException {
        Path classes;
        try {
            classes = Path.of(TestHandler.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path handlers = classes.resolve("dev/gophersite/local/testfn");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.list(handlers)) {
            for (Path classFile :
                    files.filter(p -> p.toString().endsWith(".class")).toList()) {
                out.putNextEntry(
                        new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
                Files.copy(classFile, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("dev/gophersite/common/Env.class"));
            try (InputStream env = Env.class.getResourceAsStream("Env.class")) {
                env.transferTo(out);
            }
            out.closeEntry();
        }
    }

    /** Reads the echo handler's {@code key=value} lines. */
    public static Map<String, String> echo(String body) {
        return body.lines()
                .filter(line -> line.contains("="))
                .collect(java.util.stream.Collectors.toMap(
                        line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1),
                        (a, b) -> b,
                        java.util.LinkedHashMap::new));
    }
}
