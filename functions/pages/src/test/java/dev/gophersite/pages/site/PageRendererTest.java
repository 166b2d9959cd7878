package dev.gophersite.pages.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Presentation.Layout;
import dev.gophersite.common.content.Presentation.Role;
import dev.gophersite.common.content.Presentation.SectionLook;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.content.SiteIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageRendererTest {
    private static final List<Section> SECTIONS = List.of(
            new Section("intro", "T", "<p>Intro with <a href=\"/history\">a link</a>.</p>", "Intro with a link."),
            new Section("one", "One", "<p>First <a href=\"/essentials#defer\">defer</a>.</p>", "First defer."),
            new Section("two", "Two", "<p>Second.</p>", "Second."),
            new Section("three", "Three", "<p>Third.</p>", "Third."));

    private static Page page(Presentation presentation) {
        return new Page(
                "sample", "Sample <title>", "A summary.", 1, SECTIONS, "2026-11-01T00:00:00Z", "h", "{}", presentation);
    }

    private static String render(String base, Presentation presentation) {
        Page page = page(presentation);
        return PageRenderer.page(base, new SiteIndex("v", List.of(page.summaryView()), "{}"), page);
    }

    @Test
    void an_article_is_its_sections_in_order_with_a_table_of_contents_after_the_introduction() {
        // when
        String html = render("", Presentation.article("Sample <title>"));

        // then
        assertThat(html)
                .contains(
                        "<article class=\"page page-article\">\n<h1>Sample &lt;title&gt;</h1>\n<p class=\"lead\">A summary.</p>\n"
                                + "<section id=\"intro\">\n<p>Intro");
        assertThat(html.indexOf("<nav class=\"toc\""))
                .isGreaterThan(html.indexOf("id=\"intro\""))
                .isLessThan(html.indexOf("id=\"one\""));
        assertThat(html).contains("<section id=\"one\">\n<h2><a class=\"anchor\" href=\"#one\">One</a></h2>\n<p>First");
        assertThat(html).doesNotContain("class=\"cards\"", "class=\"timeline\"", "class=\"eyebrow\"");
        assertThat(html).contains("<li><a href=\"/sample\" aria-current=\"page\">Sample &lt;title&gt;</a></li>");
    }

    @Test
    void cards_and_wide_cards_share_a_grid_until_a_plain_section_and_section_badges_follow_their_heading() {
        // given
        Presentation cards = new Presentation(
                "Sample",
                "Bad<ge>",
                Layout.CARDS,
                List.of(
                        new SectionLook("one", Role.CARD, "Era", "", ""),
                        new SectionLook("two", Role.WIDE_CARD, "", "", "")));

        // when
        String html = render("/prod", cards);

        // then
        assertThat(html).contains("<p class=\"eyebrow\">Sample : <code class=\"badge\">Bad&lt;ge&gt;</code></p>\n<h1>");
        assertThat(html)
                .contains("<div class=\"cards\">\n<section id=\"one\" class=\"card\">\n"
                        + "<h2><a class=\"anchor\" href=\"#one\">One</a></h2>\n<p class=\"section-badge\"><code class=\"badge\">Era</code></p>\n"
                        + "<p>First <a href=\"/prod/essentials#defer\">defer</a>.</p>\n</section>\n"
                        + "<section id=\"two\" class=\"card card-wide\">");
        assertThat(html).contains("<p>Second.</p>\n</section>\n</div>\n<section id=\"three\">\n<h2>");
        assertThat(html).containsOnlyOnce("<div class=\"cards\">").contains("href=\"/prod/history\"");
    }

    @Test
    void a_timeline_is_an_ordered_list_of_dated_entries_without_a_table_of_contents() {
        // given
        Presentation timeline = new Presentation(
                "History",
                "Timeline",
                Layout.TIMELINE,
                List.of(
                        new SectionLook("one", Role.ENTRY, "", "2007-09", "Whiteboard"),
                        new SectionLook("two", Role.ENTRY, "", "2008", "Compiler"),
                        new SectionLook("three", Role.ENTRY, "", "2026", "Now")));

        // when
        String html = render("", timeline);

        // then
        assertThat(html).contains("<p class=\"eyebrow\">History : <code class=\"badge\">Timeline</code></p>");
        assertThat(html)
                .contains("<ol class=\"timeline\">\n<li class=\"entry\"><section id=\"one\">\n"
                        + "<h2><a class=\"anchor\" href=\"#one\"><time datetime=\"2007-09\">2007·09</time> "
                        + "<span class=\"entry-title\">Whiteboard</span></a></h2>\n<p>First");
        assertThat(html)
                .contains("<time datetime=\"2008\">2008</time>", "</section></li>\n</ol>\n<p class=\"updated\">");
        assertThat(html).doesNotContain("<nav class=\"toc\"");
    }

    @Test
    void a_hero_holds_the_title_the_introduction_and_its_parts_then_the_other_sections() {
        // given
        Presentation hero =
                new Presentation("Home", "", Layout.HERO, List.of(new SectionLook("one", Role.HERO, "", "", "")));

        // when
        String html = render("", hero);

        // then
        assertThat(html)
                .contains(
                        "<div class=\"hero\">\n<h1>Sample &lt;title&gt;</h1>\n<section id=\"intro\" class=\"hero-intro\">\n<p>Intro",
                        "<section id=\"one\" class=\"hero-part\">\n<h2><a class=\"anchor\" href=\"#one\">One</a></h2>",
                        "</section>\n</div>\n<section id=\"two\">\n<h2>");
        assertThat(html)
                .containsOnlyOnce("id=\"intro\"")
                .containsOnlyOnce("id=\"one\"")
                .doesNotContain("<p class=\"lead\">", "<nav class=\"toc\"");
    }

    @Test
    void the_navigation_shows_short_labels_and_pages_carry_no_inline_script_or_style() {
        // given
        Page page = page(new Presentation("Short", "", Layout.ARTICLE, List.of()));
        SiteIndex index = new SiteIndex(
                "v", List.of(new PageSummary("home", "A long home title", "s", 0, "Home"), page.summaryView()), "{}");

        // when
        String html = PageRenderer.page("", index, page);

        // then
        assertThat(html)
                .contains(
                        "<li><a href=\"/\">Home</a></li>",
                        "<li><a href=\"/sample\" aria-current=\"page\">Short</a></li>");
        assertThat(html)
                .doesNotContain("A long home title")
                .doesNotContain("style=")
                .doesNotContain("<script>");
    }

    @Test
    void the_search_script_is_served_as_javascript() {
        // when
        var asset = new Assets().find("search.js");

        // then
        assertThat(asset).hasValueSatisfying(a -> {
            assertThat(a.contentType()).startsWith("text/javascript");
            assertThat(a.body()).contains("/api/search?q=", "role', 'combobox'", "aria-activedescendant");
        });
    }
}
