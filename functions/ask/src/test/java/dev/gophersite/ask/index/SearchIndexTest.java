package dev.gophersite.ask.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retrieval;
import dev.gophersite.ask.retrieval.Retriever;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
    private static SearchIndex index;

    @BeforeAll
    static void build() {
        index = SearchIndex.build("v1", TestContent.pages(), RetrievalOptions.bm25());
    }

    @Test
    void ranks_the_section_about_the_asked_feature_first() {
        // when
        Retrieval retrieval = Retriever.retrieve(index, "What does the defer statement do?", List.of());

        // then
        assertThat(retrieval.ranked().getFirst().passage().id()).isEqualTo("essentials#defer");
        assertThat(retrieval.ranked()).extracting(RankedPassage::rank).startsWith(1, 2, 3);
        assertThat(retrieval.version()).isEqualTo("v1");
    }

    @Test
    void matches_inflected_forms_through_stemming() {
        // when
        Retrieval retrieval = Retriever.retrieve(index, "goroutine stacks", List.of());

        // then
        assertThat(retrieval.queryTerms()).containsExactly("goroutin", "stack");
        assertThat(retrieval.top(3))
                .anySatisfy(p -> assertThat(p.passage().text()).contains("2KB"));
    }

    @Test
    void drops_question_words_and_auxiliaries_from_the_query() {
        // when
        Retrieval retrieval = Retriever.retrieve(index, "Who did what, and how does it work?", List.of());

        // then
        assertThat(retrieval.queryTerms()).containsExactly("work");
    }

    @Test
    void uses_the_previous_user_turn_to_find_passages_for_a_follow_up() {
        // given
        String followUp = "When was it released?";

        // when
        Retrieval alone = Retriever.retrieve(index, followUp, List.of());
        Retrieval withContext = Retriever.retrieve(index, followUp, List.of("Tell me about the generics in Go"));

        // then
        assertThat(withContext.top(3))
                .anySatisfy(p -> assertThat(p.passage().text()).containsIgnoringCase("generics"));
        assertThat(alone.top(3)).noneSatisfy(p -> assertThat(p.passage().text()).containsIgnoringCase("generics"));
    }

    @Test
    void finds_nothing_for_words_the_site_never_uses() {
        // when
        Retrieval retrieval = Retriever.retrieve(index, "sourdough bread", List.of());

        // then
        assertThat(retrieval.ranked()).isEmpty();
    }
}
