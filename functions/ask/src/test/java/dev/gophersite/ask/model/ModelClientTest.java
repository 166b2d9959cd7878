package dev.gophersite.ask.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.ask.fakes.CapturedLog;
import dev.gophersite.ask.fakes.FakeChatModel;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.ModelNotFoundException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelClientTest {
    private final CapturedLog log = new CapturedLog();

    private ModelClient client(FakeChatModel model, Duration timeout) {
        return new ModelClient(
                Optional.of(model), timeout, new CircuitBreaker(Duration.ofSeconds(30)), new CauseLog(log.log()));
    }

    private static ModelClient.Outcome ask(ModelClient client) {
        return client.generate(List.of(UserMessage.from("question")));
    }

    @Test
    void returns_the_model_text() {
        // given
        ModelClient client = client(FakeChatModel.answering("  Go is simple [1].  "), Duration.ofSeconds(1));

        // when
        ModelClient.Outcome outcome = ask(client);

        // then
        assertThat(outcome).isEqualTo(new ModelClient.Answered("Go is simple [1]."));
    }

    @Test
    void classifies_a_refused_connection_and_skips_the_model_while_the_circuit_is_open() {
        // given
        FakeChatModel model =
                FakeChatModel.failingWith(new RuntimeException(new ConnectException("Connection refused")));
        ModelClient client = client(model, Duration.ofSeconds(1));

        // when
        ModelClient.Outcome first = ask(client);
        ModelClient.Outcome second = ask(client);

        // then
        assertThat(first).isEqualTo(new ModelClient.Failed(FailureKind.UNREACHABLE));
        assertThat(second).isEqualTo(new ModelClient.Failed(FailureKind.CIRCUIT_OPEN));
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void classifies_a_missing_model() {
        // given
        ModelClient client = client(
                FakeChatModel.failingWith(new ModelNotFoundException(
                        new HttpException(404, "{\"error\":\"model 'x' not found, try pulling it first\"}"))),
                Duration.ofSeconds(1));

        // when / then
        assertThat(ask(client)).isEqualTo(new ModelClient.Failed(FailureKind.MODEL_NOT_FOUND));
    }

    @Test
    void gives_up_on_a_slow_model_within_its_budget() {
        // given
        ModelClient client = client(FakeChatModel.slow(Duration.ofSeconds(10), "late [1]"), Duration.ofMillis(200));

        // when
        long start = System.nanoTime();
        ModelClient.Outcome outcome = ask(client);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(outcome).isEqualTo(new ModelClient.Failed(FailureKind.TIMEOUT));
        assertThat(elapsedMillis).isLessThan(2_000);
    }

    @Test
    void treats_an_empty_reply_as_a_failure() {
        // given
        ModelClient client = client(FakeChatModel.answering("   "), Duration.ofSeconds(1));

        // when / then
        assertThat(ask(client)).isEqualTo(new ModelClient.Failed(FailureKind.EMPTY_REPLY));
    }

    @Test
    void logs_each_cause_once_until_a_call_succeeds() {
        // given
        FakeChatModel model = FakeChatModel.failingWith(new InternalServerException("500"));
        ModelClient client = client(model, Duration.ofSeconds(1));

        // when
        ask(client);
        ask(client);
        ask(client);

        // then
        assertThat(model.calls()).isEqualTo(3);
        assertThat(log.linesContaining("SERVER_ERROR")).isEqualTo(1);
    }

    @Test
    void logs_a_cause_again_after_the_model_recovered_in_between() {
        // given
        FakeChatModel model =
                new FakeChatModel().thenReply("").thenReply("fine [1]").thenReply("");
        ModelClient client = client(model, Duration.ofSeconds(1));

        // when
        ask(client);
        ask(client);
        ask(client);

        // then
        assertThat(log.linesContaining("EMPTY_REPLY")).isEqualTo(2);
        assertThat(log.linesContaining("model answers again")).isEqualTo(1);
    }
}
