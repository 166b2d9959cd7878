package dev.gophersite.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gophersite.common.content.Section;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The questions a section answers, written by its authors in a {@code ::: questions} block. */
class AuthoredQuestionsParsingTest {
    private final ContentParser parser = new ContentParser();

    private static final String PAGE = """
            ---
            slug: sample
            title: Sample page
            summary: A page for tests.
            order: 2
            ---
            Lead paragraph.

            ::: questions
            - what is this page about
            :::

            ## Goroutines

            Each goroutine starts with a 2KB stack.

            ::: questions
            - goroutine stack size
            - how much memory does a `go func()` take at first?
            :::

            ## Channels

            Goroutines pass values via chan.
            """;

    @Test
    void each_sections_questions_are_stored_with_it_and_are_neither_html_nor_text() {
        // when
        ParsedPage page = parser.parse(Path.of("sample.md"), PAGE);

        // then
        assertThat(page.sections())
                .extracting(Section::id, Section::questions)
                .containsExactly(
                        tuple("intro", List.of("what is this page about")),
                        tuple(
                                "goroutines",
                                List.of("goroutine stack size", "how much memory does a go func() take at first?")),
                        tuple("channels", List.of()));
        assertThat(page.sections()).allSatisfy(section -> {
            assertThat(section.html()).doesNotContain("questions", "stack size", "page about");
            assertThat(section.text()).doesNotContain("stack size", "page about");
        });
        assertThat(page.sections().get(1).text()).isEqualTo("Each goroutine starts with a 2KB stack.");
    }

    @Test
    void a_page_renders_the_same_with_or_without_its_questions() {
        // given
        String without = PAGE.replaceAll("(?s)\n::: questions\n.*?\n:::\n", "\n");

        // when
        ParsedPage with = parser.parse(Path.of("sample.md"), PAGE);
        ParsedPage plain = parser.parse(Path.of("sample.md"), without);

        // then
        assertThat(without).doesNotContain("questions");
        assertThat(with.sections())
                .extracting(Section::html)
                .isEqualTo(plain.sections().stream().map(Section::html).toList());
        assertThat(with.sections())
                .extracting(Section::text)
                .isEqualTo(plain.sections().stream().map(Section::text).toList());
    }

    @Test
    void a_questions_block_that_is_not_a_plain_list_of_short_distinct_questions_fails_with_its_line() {
        assertThatThrownBy(() ->
                        parser.parse(Path.of("s.md"), PAGE.replace("- goroutine stack size", "goroutine stack size")))
                .hasMessageContaining("s.md:17")
                .hasMessageContaining("one bullet list");
        assertThatThrownBy(() -> parser.parse(
                        Path.of("s.md"),
                        PAGE.replace("- goroutine stack size", "- goroutine stack size\n- Goroutine stack size")))
                .hasMessageContaining("s.md:19")
                .hasMessageContaining("asked twice");
        assertThatThrownBy(() -> parser.parse(
                        Path.of("s.md"),
                        PAGE.replace("- goroutine stack size", "- " + "very long question ".repeat(12))))
                .hasMessageContaining("s.md:18")
                .hasMessageContaining("at most 200 characters");
        assertThatThrownBy(
                        () -> parser.parse(
                                Path.of("s.md"),
                                PAGE.replace(
                                        "Goroutines pass values via chan.",
                                        "Goroutines pass values via chan.\n\n::: questions\n- a\n:::\n\n::: questions\n- b\n:::")))
                .hasMessageContaining("one '::: questions' block");
    }

    @Test
    void questions_need_a_section_of_their_own_and_stand_outside_other_blocks() {
        assertThatThrownBy(() ->
                        parser.parse(Path.of("s.md"), PAGE.replace("Each goroutine starts with a 2KB stack.\n", "")))
                .hasMessageContaining("belongs to a section with text of its own");
        assertThatThrownBy(() -> parser.parse(
                        Path.of("s.md"),
                        PAGE.replace(
                                "Goroutines pass values via chan.",
                                "::: stat Label\nText.\n\n::: questions\n- a question\n:::\n:::")))
                .hasMessageContaining("not inside another block");
    }
}
