package dev.gophersite.ask.answering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.retrieval.Retrieval;
import dev.gophersite.ask.retrieval.Retriever;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {
    private static SearchIndex index;
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer();

    @BeforeAll
    static void build() {
        index = SearchIndex.build("v1", TestContent.pages(), RetrievalOptions.bm25());
    }

    private String answer(String question) {
        Retrieval retrieval = Retriever.retrieve(index, question, List.of());
        return answerer.answer(
                retrieval.question(), retrieval.meaning(), retrieval.bestMatch(), retrieval.top(5), index);
    }

    @Test
    void quotes_the_sentences_that_share_the_question_terms_each_with_its_citation() {
        // when
        String answer = answer("How big is the stack a goroutine starts with?");

        // then
        assertThat(answer).contains("2KB");
        assertThat(answer.lines())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(ExtractiveAnswerer.MAX_STATEMENTS)
                .allSatisfy(line -> assertThat(line).matches("- .+ \\[[1-5]]"));
    }

    @Test
    void does_not_quote_a_sentence_that_only_points_at_the_rest_of_its_page() {
        // when: the page introduces its list with "You touch each of the projects below indirectly every day."
        String answer = answer("which projects use go");

        // then
        assertThat(answer).contains("Kubernetes").doesNotContain("projects below");
    }

    @Test
    void reads_a_table_row_with_its_column_names() {
        // when
        String answer = answer("How does Go's startup time compare with Java's?");

        // then
        assertThat(answer).contains("Startup time: Go milliseconds; Java seconds");
    }

    @Test
    void skips_code_lines() {
        // when
        String answer = answer("What does the defer statement do?");

        // then
        assertThat(answer).contains("Runs at function return").doesNotContain("func readFile");
    }

    @Test
    void dates_a_timeline_sentence_by_its_heading_when_asked_when() {
        // when: the sentence is in the 2018-08 entry of the history, whose date is only in the heading
        String answer = answer("when did the gopath pain end?");

        // then
        assertThat(answer.lines().findFirst())
                .hasValueSatisfying(
                        lead -> assertThat(lead).startsWith("- 2018-08: 1.11").contains("GOPATH"));
    }

    @Test
    void a_timeline_sentence_carries_its_dated_heading_whatever_was_asked() {
        // when: quoted alone, "goodbye to seven years of gopath pain" would not say when, or in which release
        String answer = answer("what was the gopath pain?");

        // then
        assertThat(answer).contains("2018-08: 1.11 — Go Modules: ").contains("GOPATH");
    }
}
