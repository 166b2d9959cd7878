package dev.gophersite.loader;

import dev.gophersite.common.Hashes;
import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Section;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code content/*.md} file as the parser reads it: front matter and rendered sections, before the loader dates
 * it and renders its API body. {@link #hash()} is the page's version.
 */
public record ParsedPage(
        String slug, String title, String summary, int order, List<Section> sections, Presentation presentation) {

    public ParsedPage {
        sections = List.copyOf(sections);
    }

    /** A page that declares no presentation: an article listed under its title. */
    public ParsedPage(String slug, String title, String summary, int order, List<Section> sections) {
        this(slug, title, summary, order, sections, Presentation.article(title));
    }

    /**
     * A hash over every component of this record and of its sections, found by reflection rather than listed, so
     * a field added later can never be left out and a changed page never pass as unchanged.
     */
    public String hash() {
        List<String> parts = new ArrayList<>();
        collect(this, parts);
        return Hashes.sha256Hex(parts.toArray(String[]::new)).substring(0, 16);
    }

    private static void collect(Object value, List<String> parts) {
        if (value instanceof Record record) {
            parts.add(record.getClass().getSimpleName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                parts.add(component.getName());
                try {
                    collect(component.getAccessor().invoke(record), parts);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName(), e);
                }
            }
        } else if (value instanceof List<?> list) {
            parts.add("[" + list.size());
            list.forEach(item -> collect(item, parts));
        } else {
            parts.add(String.valueOf(value));
        }
    }
}
