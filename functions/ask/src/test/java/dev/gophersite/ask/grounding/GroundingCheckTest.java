package dev.gophersite.ask.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.retrieval.Retriever;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroundingCheckTest {
    private static SearchIndex index;
    private final GroundingCheck check = GroundingCheck.forModel(Optional.empty());

    @BeforeAll
    static void build() {
        index = SearchIndex.build("v1", TestContent.pages(), RetrievalOptions.bm25());
    }

    private GroundingVerdict assess(String question) {
        return check.assess(Retriever.retrieve(index, question, List.of()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "How do I write a decorator in Python?",
                "What is the capital of Australia?",
                "Where should I go for dinner tonight?",
                "What is the weather in Paris?",
                "Hello?"
            })
    void refuses_questions_the_pages_do_not_cover(String question) {
        // when
        GroundingVerdict verdict = assess(question);

        // then
        assertThat(verdict.grounded()).as(verdict.toString()).isFalse();
        assertThat(verdict.margin()).as("margin below the threshold").isNegative();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "How does Go's startup time compare with Java's?",
                "What is Go?",
                "What does the defer statement do?",
                "How big is the stack a goroutine starts with?",
                "Who drew the gopher mascot?"
            })
    void accepts_questions_the_pages_cover(String question) {
        // when
        GroundingVerdict verdict = assess(question);

        // then
        assertThat(verdict.grounded()).as(verdict.toString()).isTrue();
        assertThat(verdict.margin()).as("margin at or above the threshold").isNotNegative();
    }

    @ParameterizedTest
    @ValueSource(strings = {"How does Go's startup time compare with Java's?", "How do I write a decorator in Python?"})
    void treats_the_site_subject_apart_from_the_distinctive_terms(String question) {
        // when
        Evidence evidence = assess(question).evidence();

        // then
        assertThat(evidence.distinctiveTerms()).doesNotContain("go");
        assertThat(evidence.mentionsTopic()).isEqualTo(question.contains("Go"));
    }
}
