package dev.gophersite.ask.answer;

import dev.gophersite.ask.fakes.CapturedLog;
import dev.gophersite.ask.fakes.FakeChatModel;
import dev.gophersite.ask.fakes.InMemoryAnswerCache;
import dev.gophersite.ask.fakes.InMemoryContentStore;
import dev.gophersite.ask.generation.CauseLog;
import dev.gophersite.ask.generation.CircuitBreaker;
import dev.gophersite.ask.generation.ExtractiveAnswerer;
import dev.gophersite.ask.generation.ModelClient;
import dev.gophersite.ask.generation.PromptBuilder;
import dev.gophersite.ask.generation.Turn;
import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.retrieval.RetrievalOptions;
import dev.gophersite.ask.retrieval.SiteSearch;
import dev.langchain4j.exception.InternalServerException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AskServiceTest {
    private static final String MODEL = "test-model";
    private final InMemoryContentStore store = InMemoryContentStore.ofRepositoryContent();
    private final InMemoryAnswerCache cache = new InMemoryAnswerCache();
    private final CapturedLog log = new CapturedLog();
    private final AtomicInteger ids = new AtomicInteger();

    private AskService service(FakeChatModel model) {
        return new AskService(new SiteSearch(store, RetrievalOptions.bm25(), log.log()), new GroundingCheck(),
                new PromptBuilder(),
                new ModelClient(model, Duration.ofSeconds(1), new CircuitBreaker(Duration.ofSeconds(30)), new CauseLog(log.log())),
                MODEL, new ExtractiveAnswerer(), cache, () -> "answer-" + ids.incrementAndGet(), log.log());
    }

    private static AskRequest question(String text) {
        return new AskRequest(text, List.of());
    }

    @Test
    void refuses_off_topic_question_without_calling_model() {
        // given
        FakeChatModel model = FakeChatModel.answering("anything [1]");

        // when
        Answer answer = service(model).ask("req", question("How do I write a decorator in Python?"));

        // then
        assertThat(model.calls()).isZero();
        assertThat(answer.mode()).isEqualTo(Mode.REFUSED);
        assertThat(answer.grounded()).isFalse();
        assertThat(answer.answer()).isEqualTo(AskService.REFUSAL);
        assertThat(answer.model()).isEqualTo(Answer.NO_MODEL);
        assertThat(answer.sources()).isNotEmpty().extracting(Source::slug).doesNotHaveDuplicates();
    }

    @Test
    void answers_with_the_model_and_returns_the_prompt_passages_as_sources_in_rank_order() {
        // given
        FakeChatModel model = FakeChatModel.answering("Each goroutine starts with a 2KB stack [1].");

        // when
        Answer answer = service(model).ask("req", question("How big is the stack a goroutine starts with?"));

        // then
        assertThat(answer.mode()).isEqualTo(Mode.LLM);
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.model()).isEqualTo(MODEL);
        assertThat(answer.answer()).isEqualTo("Each goroutine starts with a 2KB stack [1].");
        assertThat(answer.sources()).isNotEmpty();
        assertThat(answer.sources().getFirst().text()).contains("2KB");
        assertThat(answer.sources()).allSatisfy(s -> assertThat(s.url()).isEqualTo("/" + s.slug() + "#" + s.url().split("#")[1]));
        assertThat(model.lastUserText()).contains("[1] ", answer.sources().getFirst().text(),
                "Question: How big is the stack a goroutine starts with?");
        assertThat(answer.timingsMs()).containsKeys("retrieval", "generation", "total");
        assertThat(answer.id()).isEqualTo("answer-1");
    }

    @Test
    void removes_citations_of_passages_that_were_not_given() {
        // given
        FakeChatModel model = FakeChatModel.answering("Deferred calls run at return [1] [42].");

        // when
        Answer answer = service(model).ask("req", question("What does the defer statement do?"));

        // then
        assertThat(answer.mode()).isEqualTo(Mode.LLM);
        assertThat(answer.answer()).isEqualTo("Deferred calls run at return [1].");
    }

    @Test
    void answers_extractively_when_the_model_cites_nothing() {
        // given
        FakeChatModel model = FakeChatModel.answering("Deferred calls run at return [9].");

        // when
        Answer answer = service(model).ask("req", question("What does the defer statement do?"));

        // then
        assertThat(answer.mode()).isEqualTo(Mode.EXTRACTIVE);
        assertThat(answer.grounded()).isTrue();
        assertThat(answer.answer()).contains("return").containsPattern("\\[\\d]");
        assertThat(cache.entries()).isEmpty();
    }

    @Test
    void answers_extractively_when_the_model_fails() {
        // given
        FakeChatModel model = FakeChatModel.failingWith(new InternalServerException("boom"));

        // when
        Answer answer = service(model).ask("req", question("What does the defer statement do?"));

        // then
        assertThat(answer.mode()).isEqualTo(Mode.EXTRACTIVE);
        assertThat(answer.model()).isEqualTo(Answer.NO_MODEL);
        assertThat(answer.answer()).contains("[1]");
        assertThat(answer.sources()).isNotEmpty();
    }

    @Test
    void serves_a_repeated_question_from_the_cache_without_calling_the_model_again() {
        // given
        FakeChatModel model = FakeChatModel.answering("It runs at function return [1].");
        AskService service = service(model);
        Answer first = service.ask("req-1", question("What does the defer statement do?"));

        // when
        Answer second = service.ask("req-2", question("  what does the DEFER statement do  "));

        // then
        assertThat(model.calls()).isEqualTo(1);
        assertThat(second.cached()).isTrue();
        assertThat(second.mode()).isEqualTo(Mode.LLM);
        assertThat(second.answer()).isEqualTo(first.answer());
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.sources()).isEqualTo(first.sources());
        assertThat(second.timingsMs()).containsKey("cacheHit").doesNotContainKey("generation");
    }

    @Test
    void does_not_cache_answers_to_questions_with_history() {
        // given
        FakeChatModel model = FakeChatModel.answering("It runs at function return [1].");
        AskRequest request = new AskRequest("What does the defer statement do?",
                List.of(new Turn(Turn.Role.USER, "Tell me about Go"), new Turn(Turn.Role.ASSISTANT, "Go is a language.")));

        // when
        service(model).ask("req", request);

        // then
        assertThat(cache.entries()).isEmpty();
    }

    @Test
    void does_not_cache_extractive_answers() {
        // given
        FakeChatModel model = FakeChatModel.failingWith(new InternalServerException("boom"));

        // when
        service(model).ask("req", question("What does the defer statement do?"));

        // then
        assertThat(cache.entries()).isEmpty();
    }

    @Test
    void sends_the_history_to_the_model_and_uses_it_to_ground_a_follow_up() {
        // given
        FakeChatModel model = FakeChatModel.answering("In Go 1.18 [1].");
        AskRequest request = new AskRequest("When did they land?", List.of(
                new Turn(Turn.Role.USER, "Does Go have generics?"), new Turn(Turn.Role.ASSISTANT, "Yes [1].")));

        // when
        Answer answer = service(model).ask("req", request);

        // then
        assertThat(answer.mode()).isEqualTo(Mode.LLM);
        assertThat(model.lastMessages()).hasSize(4);
    }
}
