package dev.gophersite.ask.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The content check on the site's own pages, and on pages with a planted fault, each named in the report. */
class AuthoredQuestionsCheckTest {
    private static final OnnxEmbedder MODEL = OnnxEmbedder.miniLm();

    @Test
    void every_authored_question_of_the_site_finds_its_own_section_and_none_collides() {
        // given
        List<Page> pages = TestContent.pages();

        // then
        assertThat(pages)
                .flatMap(Page::sections)
                .filteredOn(s -> !s.questions().isEmpty())
                .hasSizeGreaterThan(50);
        assertThat(AuthoredQuestionsCheck.problems(pages, MODEL)).isEmpty();
    }

    @Test
    void a_question_written_for_two_sections_in_two_wordings_fails_with_both_named() {
        // given the history page's whiteboard entry also claims the question its compiler entry answers
        List<Page> pages =
                withQuestion("history", "2007-09-whiteboard-conversation", "who wrote the very first go compiler?");

        // when
        List<String> problems = AuthoredQuestionsCheck.problems(pages, MODEL);

        // then
        assertThat(problems)
                .anySatisfy(
                        problem -> assertThat(problem)
                                .contains(
                                        "'who wrote the very first go compiler?' (history#2007-09-whiteboard-conversation) collides")
                                .contains(
                                        "'who wrote the first go compiler' (history#2008-ken-thompson-writes-the-first-compiler)"));
    }

    @Test
    void a_question_written_under_a_section_that_does_not_answer_it_fails_with_both_named() {
        // given a question about Docker's demo written under the generics entry
        List<Page> pages =
                withQuestion("history", "2022-03-118--generics-finally", "where did solomon hykes demo docker");

        // when
        List<String> problems = AuthoredQuestionsCheck.problems(pages, MODEL);

        // then
        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem)
                        .contains(
                                "'where did solomon hykes demo docker' (history#2022-03-118--generics-finally) belongs to "
                                        + "history#2013-03-docker--gos-first-big-break"));
    }

    private static List<Page> withQuestion(String slug, String sectionId, String question) {
        List<Page> pages = new ArrayList<>();
        for (Page page : TestContent.pages()) {
            List<Section> sections = page.sections().stream()
                    .map(section -> {
                        if (!page.slug().equals(slug) || !section.id().equals(sectionId)) {
                            return section;
                        }
                        List<String> questions = new ArrayList<>(section.questions());
                        questions.add(question);
                        return new Section(section.id(), section.heading(), section.html(), section.text(), questions);
                    })
                    .toList();
            pages.add(new Page(
                    page.slug(),
                    page.title(),
                    page.summary(),
                    page.order(),
                    sections,
                    page.updatedAt(),
                    page.hash(),
                    page.json(),
                    page.presentation()));
        }
        assertThat(pages).flatMap(Page::sections).flatMap(Section::questions).contains(question);
        return pages;
    }
}
