package dev.gophersite.common.store;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.content.SiteIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The content table's item layout, in one place for the writer (loader) and the readers (functions).
 *
 * <pre>
 * pk="SITE"    sk="CURRENT"       the pointer: version, previous, updatedAt   (the only item ever updated)
 * pk="V#{ver}" sk="INDEX"         page list of that version
 * pk="V#{ver}" sk="PAGE#{slug}"   one page of that version
 * </pre>
 * Items under {@code V#} are immutable; a load writes a new version and then flips the pointer with one
 * conditional update, so readers see either the old site or the new one, never a mix.
 *
 * <p>Attributes added after the first release ({@code presentation} of a page, {@code nav} of an index entry,
 * {@code questions} of a section) are optional when read, with the defaults of a page that declares nothing, so
 * items written before them still read. Empty strings and lists are left out rather than stored.
 */
public final class ContentItems {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String POINTER_PK = "SITE";
    public static final String POINTER_SK = "CURRENT";
    public static final String INDEX_SK = "INDEX";
    public static final String PAGE_PREFIX = "PAGE#";

    private ContentItems() {}

    public static String versionPk(String version) {
        return "V#" + version;
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    public static Map<String, AttributeValue> pointerKey() {
        return key(POINTER_PK, POINTER_SK);
    }

    public static Map<String, AttributeValue> pageKey(String version, String slug) {
        return key(versionPk(version), PAGE_PREFIX + slug);
    }

    public static Map<String, AttributeValue> indexKey(String version) {
        return key(versionPk(version), INDEX_SK);
    }

    public static Map<String, AttributeValue> pageItem(String version, Page page) {
        Map<String, AttributeValue> item = new HashMap<>(pageKey(version, page.slug()));
        item.put("slug", s(page.slug()));
        item.put("title", s(page.title()));
        item.put("summary", s(page.summary()));
        item.put("order", n(page.order()));
        item.put("updatedAt", s(page.updatedAt()));
        item.put("hash", s(page.hash()));
        item.put("json", s(page.json()));
        List<AttributeValue> sections = new ArrayList<>();
        for (Section section : page.sections()) {
            Map<String, AttributeValue> m = new HashMap<>(Map.of(
                    "id",
                    s(section.id()),
                    "heading",
                    s(section.heading()),
                    "html",
                    s(section.html()),
                    "text",
                    s(section.text())));
            if (!section.questions().isEmpty()) {
                m.put(
                        "questions",
                        AttributeValue.fromL(section.questions().stream()
                                .map(ContentItems::s)
                                .toList()));
            }
            sections.add(AttributeValue.fromM(m));
        }
        item.put("sections", AttributeValue.fromL(sections));
        item.put("presentation", presentation(page.presentation()));
        return item;
    }

    public static Page page(Map<String, AttributeValue> item) {
        List<Section> sections = new ArrayList<>();
        for (AttributeValue value : item.get("sections").l()) {
            Map<String, AttributeValue> m = value.m();
            AttributeValue questions = m.get("questions");
            sections.add(new Section(
                    m.get("id").s(),
                    m.get("heading").s(),
                    m.get("html").s(),
                    m.get("text").s(),
                    questions == null || !questions.hasL()
                            ? List.of()
                            : questions.l().stream().map(AttributeValue::s).toList()));
        }
        String title = item.get("title").s();
        return new Page(
                item.get("slug").s(),
                title,
                item.get("summary").s(),
                Integer.parseInt(item.get("order").n()),
                List.copyOf(sections),
                item.get("updatedAt").s(),
                item.get("hash").s(),
                item.get("json").s(),
                presentation(item.get("presentation"), title));
    }

    private static AttributeValue presentation(Presentation presentation) {
        Map<String, AttributeValue> m = new HashMap<>();
        putText(m, "nav", presentation.navLabel());
        putText(m, "badge", presentation.badge());
        m.put("layout", s(presentation.layout().wire()));
        List<AttributeValue> looks = new ArrayList<>();
        for (Presentation.SectionLook look : presentation.sections()) {
            Map<String, AttributeValue> l = new HashMap<>();
            l.put("id", s(look.id()));
            l.put("role", s(look.role().wire()));
            putText(l, "badge", look.badge());
            putText(l, "date", look.date());
            putText(l, "label", look.label());
            looks.add(AttributeValue.fromM(l));
        }
        m.put("sections", AttributeValue.fromL(looks));
        return AttributeValue.fromM(m);
    }

    /** The stored presentation, or that of a page declaring none when the item predates it. */
    private static Presentation presentation(AttributeValue value, String title) {
        if (value == null || !value.hasM()) {
            return Presentation.article(title);
        }
        Map<String, AttributeValue> m = value.m();
        List<Presentation.SectionLook> looks = new ArrayList<>();
        AttributeValue sections = m.get("sections");
        if (sections != null && sections.hasL()) {
            for (AttributeValue entry : sections.l()) {
                Map<String, AttributeValue> l = entry.m();
                looks.add(new Presentation.SectionLook(
                        text(l, "id", ""),
                        Presentation.Role.fromWire(text(l, "role", "")),
                        text(l, "badge", ""),
                        text(l, "date", ""),
                        text(l, "label", "")));
            }
        }
        return new Presentation(
                text(m, "nav", title),
                text(m, "badge", ""),
                Presentation.Layout.fromWire(text(m, "layout", "")),
                looks);
    }

    private static void putText(Map<String, AttributeValue> into, String name, String value) {
        if (!value.isEmpty()) {
            into.put(name, s(value));
        }
    }

    /** An optional string attribute, or {@code fallback} when it is absent. */
    private static String text(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? fallback : value.s();
    }

    public static Map<String, AttributeValue> indexItem(SiteIndex index) {
        Map<String, AttributeValue> item = new HashMap<>(indexKey(index.version()));
        List<AttributeValue> pages = new ArrayList<>();
        for (PageSummary p : index.pages()) {
            pages.add(AttributeValue.fromM(Map.of(
                    "slug",
                    s(p.slug()),
                    "title",
                    s(p.title()),
                    "summary",
                    s(p.summary()),
                    "order",
                    n(p.order()),
                    "nav",
                    s(p.navLabel()))));
        }
        item.put("pages", AttributeValue.fromL(pages));
        item.put("json", s(index.json()));
        return item;
    }

    public static SiteIndex index(String version, Map<String, AttributeValue> item) {
        List<PageSummary> pages = new ArrayList<>();
        for (AttributeValue value : item.get("pages").l()) {
            Map<String, AttributeValue> m = value.m();
            String title = m.get("title").s();
            pages.add(new PageSummary(
                    m.get("slug").s(),
                    title,
                    m.get("summary").s(),
                    Integer.parseInt(m.get("order").n()),
                    text(m, "nav", title)));
        }
        return new SiteIndex(version, List.copyOf(pages), item.get("json").s());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
