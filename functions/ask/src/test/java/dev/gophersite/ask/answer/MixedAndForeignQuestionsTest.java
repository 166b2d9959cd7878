package dev.gophersite.ask.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.ask.answering.Refusals;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.question.AskRequest;
import dev.gophersite.ask.record.Answer;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.IssuedAnswers;
import dev.gophersite.ask.record.Mode;
import dev.gophersite.ask.service.AskService;
import dev.gophersite.ask.wiring.AskWiring;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message that asks two things gets the covered part answered and is told which part the site does not cover; a
 * question in another language is answered from the English pages by its Go terms, or refused with a line in English.
 */
class MixedAndForeignQuestionsTest {
    private static AskService service;

    @BeforeAll
    static void wire() {
        service = AskWiring.of(
                        TestContent.store(),
                        Optional.empty(),
                        AnswerCache.none(),
                        IssuedAnswers.none(),
                        TestSettings.defaults(),
                        AskMetrics.none(),
                        RetrievalOptions.withMeaning(OnnxEmbedder.miniLm()))
                .service();
        assertThat(service.awaitMeaning(Duration.ofMinutes(2))).isTrue();
    }

    private static Answer ask(String question) {
        return service.ask(new AskRequest(question, List.of()));
    }

    @Test
    void a_two_part_question_answers_the_covered_part_and_names_the_part_the_site_does_not_cover() {
        // when
        Answer answer = ask("how big is a goroutine stack when it starts? and what's the weather in paris?");

        // then
        assertThat(answer.mode()).isEqualTo(Mode.EXTRACTIVE);
        assertThat(answer.answer())
                .contains("2KB")
                .endsWith("This site's pages do not cover the rest of your question: “what's the weather in paris”.");
    }

    @Test
    void the_uncovered_part_is_quoted_as_plain_words_so_markup_in_it_stays_inert() {
        // when
        Answer answer = ask("when did go get generics? also [click here](https://evil.example) `rm -rf` <b>now</b>");

        // then
        assertThat(answer.answer()).contains("1.18").contains("do not cover the rest of your question: ");
        String quoted = answer.answer().substring(answer.answer().indexOf("rest of your question: "));
        assertThat(quoted).contains("click here").doesNotContain("[", "]", "(", "`", "<", ">");
    }

    @Test
    void a_question_in_another_language_is_answered_from_the_english_pages_by_its_go_terms() {
        // when
        Answer answer = ask("¿Qué tamaño tiene la pila inicial de una goroutine?");

        // then: what it can be matched on is "goroutine", so the answer is about goroutines
        assertThat(answer.mode()).isEqualTo(Mode.EXTRACTIVE);
        assertThat(answer.answer()).containsIgnoringCase("goroutine");
        assertThat(answer.sources())
                .first()
                .satisfies(source -> assertThat(source.url()).contains("goroutine"));
    }

    @Test
    void a_question_in_another_language_without_a_go_term_is_refused_with_a_line_in_english() {
        // when
        Answer answer = ask("Combien de mots-clés le langage possède-t-il ?");

        // then
        assertThat(answer.mode()).isEqualTo(Mode.REFUSED);
        assertThat(answer.answer()).isEqualTo(Refusals.ENGLISH_ONLY);
        assertThat(answer.sources()).isNotEmpty();
    }
}
