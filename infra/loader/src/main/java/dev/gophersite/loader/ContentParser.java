package dev.gophersite.loader;

import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Slugs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code content/*.md}: YAML front matter ({@code slug}, {@code title}, {@code summary}, {@code order}, and
 * for presentation the optional {@code nav} label, {@code badge} and {@code layout}) then Markdown, into
 * {@link ParsedPage}s with their sections rendered. Dates and API bodies are the loader's, which knows what is
 * already stored.
 */
public final class ContentParser {
    private static final List<String> KEY_ORDER =
            List.of("slug", "title", "summary", "order", "nav", "badge", "layout");
    private static final Set<String> KEYS = Set.copyOf(KEY_ORDER);
    private static final int MAX_NAV_CHARS = 24;
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    public List<ParsedPage> parseDirectory(Path dir) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ContentException(dir, 0, "cannot list content directory: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new ContentException(dir, 0, "no .md pages found");
        }
        List<ParsedPage> pages = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            ParsedPage page = parseFile(file);
            Path other = seen.putIfAbsent(page.slug(), file);
            if (other != null) {
                throw new ContentException(file, 2, "duplicate slug '" + page.slug() + "', also used by " + other);
            }
            pages.add(page);
        }
        pages.sort(Comparator.comparingInt(ParsedPage::order).thenComparing(ParsedPage::slug));
        return pages;
    }

    public ParsedPage parseFile(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ContentException(file, 0, "cannot read: " + e.getMessage());
        }
        return parse(file, source);
    }

    public ParsedPage parse(Path file, String source) {
        String text = source.replace("\r\n", "\n");
        if (!text.startsWith("---\n")) {
            throw new ContentException(file, 1, "front matter missing: the file must start with a '---' line");
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0 && text.endsWith("\n---")) {
            end = text.length() - 4;
        }
        if (end < 0) {
            throw new ContentException(file, 1, "front matter not closed: no second '---' line");
        }
        String yaml = text.substring(4, end + 1);
        String body = end + 5 <= text.length() ? text.substring(end + 5) : "";
        Map<String, Object> meta = frontMatter(file, yaml);

        for (String key : meta.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ContentException(
                        file,
                        lineOf(yaml, key),
                        "unknown front matter key '" + key + "' (allowed: " + String.join(", ", KEY_ORDER) + ")");
            }
        }
        String slug = requiredString(file, yaml, meta, "slug");
        if (!Slugs.isValid(slug)) {
            throw new ContentException(
                    file,
                    lineOf(yaml, "slug"),
                    "slug '" + slug + "' must be lower-case letters, digits and single hyphens, at most "
                            + Slugs.MAX_LENGTH + " chars");
        }
        String title = requiredString(file, yaml, meta, "title");
        String summary = requiredString(file, yaml, meta, "summary");
        Object order = meta.get("order");
        if (!(order instanceof Integer orderValue)) {
            throw new ContentException(file, lineOf(yaml, "order"), "order must be a whole number");
        }
        String nav = optionalString(file, yaml, meta, "nav", title);
        if (meta.containsKey("nav") && nav.length() > MAX_NAV_CHARS) {
            throw new ContentException(
                    file, lineOf(yaml, "nav"), "nav is a short label, at most " + MAX_NAV_CHARS + " chars");
        }
        String badge = optionalString(file, yaml, meta, "badge", "");
        Presentation.Layout layout = layout(file, yaml, meta);
        int bodyLine = lineCount(text.substring(0, end + 5)) + 1;
        if (body.isBlank()) {
            throw new ContentException(file, bodyLine, "page has no content");
        }
        MarkdownRenderer.Rendered rendered;
        try {
            rendered = renderer.render(title, body, layout);
        } catch (MarkdownRenderer.Problem e) {
            throw new ContentException(file, bodyLine + e.line() - 1, e.getMessage());
        }
        return new ParsedPage(
                slug,
                title,
                summary,
                orderValue,
                rendered.sections(),
                new Presentation(nav, badge, layout, rendered.looks()));
    }

    private static Presentation.Layout layout(Path file, String yaml, Map<String, Object> meta) {
        String value = optionalString(file, yaml, meta, "layout", Presentation.Layout.ARTICLE.wire());
        for (Presentation.Layout layout : Presentation.Layout.values()) {
            if (layout.wire().equals(value)) {
                return layout;
            }
        }
        throw new ContentException(
                file,
                lineOf(yaml, "layout"),
                "layout must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(Presentation.Layout.values())
                                        .map(Presentation.Layout::wire)
                                        .toList()));
    }

    private static Map<String, Object> frontMatter(Path file, String yaml) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new ContentException(file, 2, "front matter must be 'key: value' lines");
            }
            Map<String, Object> result = new HashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
            throw new ContentException(file, line, "bad front matter: " + e.getProblem());
        } catch (YAMLException e) {
            throw new ContentException(file, 2, "bad front matter: " + e.getMessage());
        }
    }

    private static String requiredString(Path file, String yaml, Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) {
            throw new ContentException(file, 1, "front matter lacks '" + key + "'");
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new ContentException(file, lineOf(yaml, key), "'" + key + "' must be non-empty text");
        }
        return s.strip();
    }

    private static String optionalString(
            Path file, String yaml, Map<String, Object> meta, String key, String fallback) {
        return meta.containsKey(key) ? requiredString(file, yaml, meta, key) : fallback;
    }

    /** 1-based line in the file (front matter starts on line 2) where {@code key:} is written. */
    private static int lineOf(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 2;
            }
        }
        return 2;
    }

    private static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
