package dev.gophersite.loader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.content.Section;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders the API bodies once, at load time, so the pages function serves stored JSON without a JSON library. */
final class PageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PageJson() {}

    static String page(ParsedPage page, String updatedAt, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", page.slug());
        body.put("title", page.title());
        body.put("summary", page.summary());
        body.put("order", page.order());
        body.put("nav", page.presentation().navLabel());
        body.put("sections", page.sections().stream().map(PageJson::section).toList());
        body.put("updatedAt", updatedAt);
        body.put("version", version);
        return write(body);
    }

    static String index(List<PageSummary> pages) {
        return write(Map.of(
                "pages",
                pages.stream()
                        .map(p -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("slug", p.slug());
                            m.put("title", p.title());
                            m.put("summary", p.summary());
                            m.put("order", p.order());
                            m.put("nav", p.navLabel());
                            return m;
                        })
                        .toList()));
    }

    private static Map<String, Object> section(Section s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("heading", s.heading());
        m.put("html", s.html());
        return m;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
