package dev.gophersite.ask.answer;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.gophersite.ask.record.Source;
import dev.gophersite.ask.service.AskService;
import dev.gophersite.ask.wiring.AskWiring;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An answer does not depend on how long the process has been up: the questions asked the moment the function is
 * wired, while the embedding model is still loading in the background, get the answers they get once it is in.
 */
class SameQuestionSameAnswerTest {
    private static final List<String> QUESTIONS = List.of(
            "who created go",
            "how big is a goroutine stack",
            "what companies use go",
            "does go have a ternary operator?",
            "why did typescript choose go over rust",
            "how do i write a decorator in python",
            "when did generics land",
            "is go object oriented");

    private record Seen(Mode mode, String answer, List<String> sources) {
        static Seen of(Answer answer) {
            return new Seen(
                    answer.mode(),
                    answer.answer(),
                    answer.sources().stream().map(Source::url).toList());
        }
    }

    @Test
    void the_same_question_gets_the_same_answer_right_after_start_and_once_the_meaning_is_in() {
        // given a function wired just now: its index's meaning is still being computed
        AskService service = AskWiring.of(
                        TestContent.store(),
                        Optional.empty(),
                        AnswerCache.none(),
                        IssuedAnswers.none(),
                        TestSettings.defaults(),
                        AskMetrics.none(),
                        RetrievalOptions.withMeaning(OnnxEmbedder.miniLm()))
                .service();

        // when
        List<Seen> atStart = QUESTIONS.stream()
                .map(q -> Seen.of(service.ask(new AskRequest(q, List.of()))))
                .toList();
        assertThat(service.awaitMeaning(Duration.ofMinutes(2))).isTrue();
        List<Seen> later = QUESTIONS.stream()
                .map(q -> Seen.of(service.ask(new AskRequest(q, List.of()))))
                .toList();

        // then
        assertThat(atStart).isEqualTo(later);
    }
}
