package dev.gophersite.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Presentation.Layout;
import dev.gophersite.common.content.Presentation.Role;
import dev.gophersite.common.content.Presentation.SectionLook;
import dev.gophersite.common.content.Section;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Presentation declared in content: front matter ({@code nav}, {@code badge}, {@code layout}), heading attributes,
 * fenced containers and pull quotes. Each is rendered to semantic HTML and none changes a section's words.
 */
class PresentationParsingTest {
    private final ContentParser parser = new ContentParser();

    private static final String FRONT = """
            ---
            slug: sample
            title: Sample page
            summary: A page for tests.
            order: 2
            """;

    private static final String DECORATED = FRONT + """
            nav: Sample
            badge: SampleBadge
            layout: cards
            ---
            Lead paragraph.

            ::: chips
            - **One** — see [a](/a).
            - **Two** <b>bold</b>
            :::

            ## First card

            Text of the first card.

            ## Second card {badge=Era}

            > "Less is more." — Rob Pike

            ::: stat Label <i>
            A stat with **70%** in it.
            :::

            ::: stat Other
            Another stat.
            :::

            ## Side by side {.plain}

            ::: compare
            ### Java

            ```java
            int x;
            ```

            ### Go

            ```go
            var x int
            ```
            :::
            """;

    /** The same page without any presentation: what the sections' words must stay. */
    private static final String PLAIN = FRONT + """
            ---
            Lead paragraph.

            - **One** — see [a](/a).
            - **Two** <b>bold</b>

            ## First card

            Text of the first card.

            ## Second card

            > "Less is more." — Rob Pike

            A stat with 70% in it.

            Another stat.

            ## Side by side

            ### Java

            ```java
            int x;
            ```

            ### Go

            ```go
            var x int
            ```
            """;

    @Test
    void front_matter_declares_the_navigation_label_badge_and_layout() {
        // when
        ParsedPage page = parser.parse(Path.of("sample.md"), DECORATED);

        // then
        assertThat(page.presentation().navLabel()).isEqualTo("Sample");
        assertThat(page.presentation().badge()).isEqualTo("SampleBadge");
        assertThat(page.presentation().layout()).isEqualTo(Layout.CARDS);
    }

    @Test
    void a_page_without_presentation_is_an_article_listed_under_its_title() {
        // when
        ParsedPage page = parser.parse(Path.of("sample.md"), PLAIN);

        // then
        assertThat(page.presentation()).isEqualTo(Presentation.article("Sample page"));
    }

    @Test
    void heading_attributes_make_cards_plain_sections_and_badges_without_changing_headings_or_ids() {
        // when
        ParsedPage page = parser.parse(Path.of("sample.md"), DECORATED);

        // then
        assertThat(page.sections())
                .extracting(Section::id)
                .containsExactly("intro", "first-card", "second-card", "side-by-side");
        assertThat(page.sections())
                .extracting(Section::heading)
                .containsExactly("Sample page", "First card", "Second card", "Side by side");
        Presentation look = page.presentation();
        assertThat(look.look("first-card")).isEqualTo(new SectionLook("first-card", Role.CARD, "", "", ""));
        assertThat(look.look("second-card")).isEqualTo(new SectionLook("second-card", Role.CARD, "Era", "", ""));
        assertThat(look.look("side-by-side").role()).isEqualTo(Role.PLAIN);
        assertThat(parser.parse(Path.of("s.md"), DECORATED.replace("## First card", "## First card {.wide}"))
                        .presentation()
                        .look("first-card")
                        .role())
                .isEqualTo(Role.WIDE_CARD);
        assertThat(look.look("intro").role()).isEqualTo(Role.PLAIN);
    }

    @Test
    void presentation_never_changes_the_words_of_a_section() {
        // when
        ParsedPage decorated = parser.parse(Path.of("sample.md"), DECORATED);
        ParsedPage plain = parser.parse(Path.of("sample.md"), PLAIN);

        // then
        assertThat(decorated.sections())
                .extracting(Section::id, Section::heading, Section::text)
                .isEqualTo(plain.sections().stream()
                        .map(s -> org.assertj.core.groups.Tuple.tuple(s.id(), s.heading(), s.text()))
                        .toList());
    }

    @Test
    void containers_render_chips_stat_cards_and_side_by_side_columns() {
        // when
        Map<String, String> html = htmlById(parser.parse(Path.of("sample.md"), DECORATED));

        // then
        assertThat(html.get("intro"))
                .contains("<div class=\"chips\">\n<ul>\n<li><strong>One</strong>")
                .contains("&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<b>")
                .doesNotContain(":::");
        assertThat(html.get("second-card"))
                .contains("<div class=\"stats\">\n<div class=\"stat\">\n<p class=\"stat-label\">Label &lt;i&gt;</p>")
                .contains("<strong>70%</strong>")
                .containsOnlyOnce("<div class=\"stats\">");
        assertThat(html.get("side-by-side"))
                .contains("<div class=\"compare\">\n<div class=\"compare-col\">\n<h3 id=\"java\">Java</h3>")
                .contains("</div>\n<div class=\"compare-col\">\n<h3 id=\"go\">Go</h3>");
    }

    @Test
    void a_block_quote_is_a_pull_quote_with_its_attribution_as_caption() {
        // when
        String html = htmlById(parser.parse(Path.of("sample.md"), DECORATED)).get("second-card");

        // then
        assertThat(html)
                .contains(
                        "<figure class=\"pullquote\">\n<blockquote>\n<p>&quot;Less is more.&quot;</p>\n</blockquote>\n"
                                + "<figcaption>— Rob Pike</figcaption>\n</figure>");
    }

    @Test
    void a_quote_without_attribution_has_no_caption() {
        // when
        String html = htmlById(parser.parse(
                        Path.of("s.md"), PLAIN.replace("\"Less is more.\" — Rob Pike", "Fewer features — not more.")))
                .get("second-card");

        // then
        assertThat(html)
                .contains("<figure class=\"pullquote\">\n<blockquote>\n<p>Fewer features — not more.</p>")
                .doesNotContain("figcaption");
    }

    @Test
    void timeline_entries_carry_their_date_and_title() {
        // given
        String source = FRONT.replace("order: 2\n", "order: 2\nlayout: timeline\n") + """
                ---
                Intro.

                ## 2007-09: Whiteboard conversation

                Text.

                ## 2026: Cloud-native + AI

                Text.
                """;

        // when
        ParsedPage page = parser.parse(Path.of("s.md"), source);

        // then
        assertThat(page.sections())
                .extracting(Section::heading)
                .containsExactly("Sample page", "2007-09: Whiteboard conversation", "2026: Cloud-native + AI");
        assertThat(page.presentation().sections())
                .containsExactly(
                        new SectionLook(
                                "2007-09-whiteboard-conversation",
                                Role.ENTRY,
                                "",
                                "2007-09",
                                "Whiteboard conversation"),
                        new SectionLook("2026-cloud-native--ai", Role.ENTRY, "", "2026", "Cloud-native + AI"));
    }

    @Test
    void invalid_presentation_fails_with_file_and_line() {
        String timeline = FRONT.replace("order: 2\n", "order: 2\nlayout: timeline\n")
                + "---\nIntro.\n\n## No date here\n\nText.\n";
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), timeline))
                .hasMessageContaining("s.md:10")
                .hasMessageContaining("starts with its date");
        assertThatThrownBy(
                        () -> parser.parse(Path.of("s.md"), PLAIN.replace("## First card", "## First card {.shiny}")))
                .hasMessageContaining("s.md:12")
                .hasMessageContaining("unknown heading attribute '.shiny'");
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), PLAIN.replace("## First card", "## First card {.hero}")))
                .hasMessageContaining("s.md:12")
                .hasMessageContaining("layout: hero");
        assertThatThrownBy(() -> parser.parse(
                        Path.of("s.md"), PLAIN.replace("Another stat.", "::: carousel\nAnother stat.\n:::")))
                .hasMessageContaining("s.md:22")
                .hasMessageContaining("unknown container '::: carousel'");
        assertThatThrownBy(() ->
                        parser.parse(Path.of("s.md"), PLAIN.replace("Another stat.", "::: chips\nAnother stat.\n:::")))
                .hasMessageContaining("s.md:22")
                .hasMessageContaining("one bullet list");
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), DECORATED.replace("### Go\n", "")))
                .hasMessageContaining("at least two columns");
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), DECORATED.replace("layout: cards", "layout: carousel")))
                .hasMessageContaining("s.md:8")
                .hasMessageContaining("layout must be one of article, hero, cards, timeline");
        assertThatThrownBy(() -> parser.parse(
                        Path.of("s.md"), DECORATED.replace("nav: Sample", "nav: A label far too long for a nav bar")))
                .hasMessageContaining("s.md:6")
                .hasMessageContaining("short label");
    }

    @Test
    void the_real_content_declares_the_design_of_the_source() {
        // when
        Map<String, ParsedPage> pages = parser.parseDirectory(TestPaths.content()).stream()
                .collect(Collectors.toMap(ParsedPage::slug, Function.identity()));

        // then
        assertThat(pages.values().stream()
                        .sorted(java.util.Comparator.comparingInt(ParsedPage::order))
                        .map(p -> p.presentation().navLabel()))
                .containsExactly(
                        "Home",
                        "What is Go",
                        "History",
                        "Essentials",
                        "Why use it",
                        "Who uses it",
                        "Compare",
                        "Future");
        assertThat(pages.get("home").presentation().layout()).isEqualTo(Layout.HERO);
        assertThat(htmlById(pages.get("home")).get("highlights")).contains("<div class=\"chips\">");
        assertThat(pages.get("history").presentation().sections())
                .hasSize(13)
                .allSatisfy(look -> assertThat(look.role()).isEqualTo(Role.ENTRY))
                .extracting(SectionLook::date)
                .isSorted();
        assertThat(cards(pages.get("essentials"))).isEqualTo(8);
        assertThat(cards(pages.get("why-go"))).isEqualTo(9);
        assertThat(cards(pages.get("future"))).isEqualTo(6);
        assertThat(pages.get("future")
                        .presentation()
                        .look("project-corsa--typescript-7")
                        .role())
                .isEqualTo(Role.WIDE_CARD);
        assertThat(pages.get("who-uses-go")
                        .presentation()
                        .look("cloud-native--ai-infra")
                        .badge())
                .isEqualTo("GoEra");
        assertThat(List.of("why-go", "who-uses-go", "future", "history"))
                .extracting(s -> pages.get(s).presentation().badge())
                .containsExactly("WhyGo", "ProductionUsers", "TheRoadAhead", "Timeline");
        assertThat(htmlById(pages.get("what-is-go")).get("thread-per-connection-vs-goroutine-per-connection"))
                .contains("<div class=\"compare\">");
        assertThat(htmlById(pages.get("essentials")).get("less-is-more"))
                .contains("<figcaption>— Rob Pike</figcaption>");
        assertThat(htmlById(pages.get("who-uses-go")).get("cloud-native-and-infra--almost-universally-go"))
                .contains(
                        "<p class=\"stat-label\">CNCF</p>",
                        "<p class=\"stat-label\">Project Corsa</p>",
                        "<p class=\"stat-label\">Stack Overflow / TIOBE</p>");
    }

    @Test
    void the_api_lists_each_page_with_its_navigation_label() {
        // when
        ContentLoader.Site site = ContentLoader.renderDirectory(TestPaths.content(), "2026-11-01T00:00:00Z");

        // then
        assertThat(site.index().json())
                .contains("\"slug\":\"why-go\",\"title\":\"Why use Go\"", "\"nav\":\"Why use it\"");
        assertThat(site.index().pages()).extracting(p -> p.navLabel()).contains("History", "Who uses it");
        assertThat(site.pages())
                .allSatisfy(page -> assertThat(page.json())
                        .contains("\"nav\":\"" + page.presentation().navLabel() + "\""));
    }

    private static long cards(ParsedPage page) {
        return page.presentation().sections().stream()
                .filter(look -> look.role() == Role.CARD || look.role() == Role.WIDE_CARD)
                .count();
    }

    private static Map<String, String> htmlById(ParsedPage page) {
        return page.sections().stream().collect(Collectors.toMap(Section::id, Section::html));
    }
}
