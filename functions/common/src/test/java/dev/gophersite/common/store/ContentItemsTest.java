package dev.gophersite.common.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Presentation.Layout;
import dev.gophersite.common.content.Presentation.Role;
import dev.gophersite.common.content.Presentation.SectionLook;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.content.SiteIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ContentItemsTest {
    private static final List<Section> SECTIONS = List.of(
            new Section("intro", "History of Go", "<p>Intro.</p>", "Intro.", List.of("what is the history of go")),
            new Section("2007-09-whiteboard", "2007-09: Whiteboard", "<p>Text.</p>", "Text."));
    private static final Presentation TIMELINE = new Presentation(
            "History",
            "Timeline",
            Layout.TIMELINE,
            List.of(new SectionLook("2007-09-whiteboard", Role.ENTRY, "", "2007-09", "Whiteboard")));
    private static final Page PAGE = new Page(
            "history",
            "History of Go",
            "A timeline.",
            3,
            SECTIONS,
            "2026-11-01T00:00:00Z",
            "abc123",
            "{\"slug\":\"history\"}",
            TIMELINE);

    @Test
    void a_page_reads_back_as_written_with_its_presentation() {
        // when
        Page read = ContentItems.page(ContentItems.pageItem("v1", PAGE));

        // then
        assertThat(read).isEqualTo(PAGE);
        assertThat(read.summaryView())
                .isEqualTo(new PageSummary("history", "History of Go", "A timeline.", 3, "History"));
    }

    @Test
    void empty_texts_are_left_out_of_the_item_and_read_back_empty() {
        // given
        Presentation bare = new Presentation(
                "Essentials", "", Layout.CARDS, List.of(new SectionLook("goroutines", Role.CARD, "", "", "")));
        Page page = new Page("essentials", "Essentials", "s", 4, SECTIONS, "t", "h", "{}", bare);

        // when
        Map<String, AttributeValue> item = ContentItems.pageItem("v1", page);

        // then
        Map<String, AttributeValue> stored = item.get("presentation").m();
        assertThat(stored).doesNotContainKey("badge");
        assertThat(stored.get("sections").l().getFirst().m()).containsOnlyKeys("id", "role");
        assertThat(item.get("sections").l().get(1).m()).doesNotContainKey("questions");
        assertThat(item.get("sections").l().getFirst().m().get("questions").l()).hasSize(1);
        assertThat(ContentItems.page(item)).isEqualTo(page);
    }

    @Test
    void a_page_item_stored_before_presentation_existed_reads_as_an_article_under_its_title() {
        // given: the item shape written by earlier loaders, without the presentation attribute
        Map<String, AttributeValue> item = new HashMap<>(ContentItems.pageItem("v1", PAGE));
        item.remove("presentation");

        // when
        Page read = ContentItems.page(item);

        // then
        assertThat(read.presentation()).isEqualTo(Presentation.article("History of Go"));
        assertThat(read.sections()).isEqualTo(SECTIONS);
        assertThat(read.summaryView().navLabel()).isEqualTo("History of Go");
    }

    @Test
    void a_presentation_with_unknown_values_reads_with_the_defaults() {
        // given: values a later loader might write
        Map<String, AttributeValue> item = new HashMap<>(ContentItems.pageItem("v1", PAGE));
        item.put(
                "presentation",
                AttributeValue.fromM(Map.of(
                        "layout",
                        AttributeValue.fromS("carousel"),
                        "sections",
                        AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                "id", AttributeValue.fromS("x"), "role", AttributeValue.fromS("spotlight"))))))));

        // when
        Presentation read = ContentItems.page(item).presentation();

        // then
        assertThat(read)
                .isEqualTo(new Presentation(
                        "History of Go", "", Layout.ARTICLE, List.of(new SectionLook("x", Role.PLAIN, "", "", ""))));
    }

    @Test
    void the_index_keeps_navigation_labels_and_an_index_written_before_them_reads_titles() {
        // given
        SiteIndex index = new SiteIndex(
                "v1",
                List.of(PAGE.summaryView(), new PageSummary("compare", "Go vs Java vs Node", "s", 7, "Compare")),
                "{\"pages\":[]}");
        Map<String, AttributeValue> item = ContentItems.indexItem(index);

        // when
        SiteIndex read = ContentItems.index("v1", item);

        // then
        assertThat(read).isEqualTo(index);

        // and given the entries as earlier loaders wrote them, without "nav"
        Map<String, AttributeValue> old = new HashMap<>(item);
        old.put(
                "pages",
                AttributeValue.fromL(item.get("pages").l().stream()
                        .map(entry -> {
                            Map<String, AttributeValue> m = new HashMap<>(entry.m());
                            m.remove("nav");
                            return AttributeValue.fromM(m);
                        })
                        .toList()));

        // then
        assertThat(ContentItems.index("v1", old).pages())
                .extracting(PageSummary::navLabel)
                .containsExactly("History of Go", "Go vs Java vs Node");
    }
}
