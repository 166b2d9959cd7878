package dev.gophersite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.model.ChatModels;
import dev.gophersite.ask.model.ModelSettings;
import dev.gophersite.ask.question.AskRequest;
import dev.gophersite.ask.question.Turn;
import dev.gophersite.ask.record.Answer;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.IssuedAnswers;
import dev.gophersite.ask.wiring.AskSettings;
import dev.gophersite.ask.wiring.AskWiring;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoSettings;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one question costs in model tokens: every question of the evaluation sets through the shipped /ask
 * pipeline (BM25 and MiniLM, over the site in DynamoDB), with a model that records each request it gets. The
 * characters of every prompt (system, passages, question, quoted history) are counted; tokens are estimated at 4
 * characters each, since Nova's tokenizer is not published. Answers are bounded by the clients' output limit;
 * the extractive answers' length is reported beside it as what a short answer takes.
 */
final class PromptSizes {
    static final double CHARS_PER_TOKEN = 4.0;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    PromptSizes(Path root) {
        this.root = root;
    }

    Map<String, Object> run() throws IOException {
        List<AskRequest> questions = questions(root.resolve("functions/ask/src/test/resources/eval"));
        RecordingModel model = new RecordingModel();
        List<Integer> answerChars = new ArrayList<>();
        int refused = 0;
        try (Dynalite dynalite = Dynalite.start();
                DynamoDbClient dynamo = LocalDynamo.client(dynalite.endpoint())) {
            Tables.ensure(
                    dynamo,
                    SamTemplate.load(root.resolve("template.yaml")),
                    Map.of("ContentTable", "prompt-content"),
                    message -> {});
            new ContentLoader(dynamo, "prompt-content").loadDirectory(root.resolve("content"));
            AskSettings settings = new AskSettings(
                    new DynamoSettings(Optional.empty(), DynamoSettings.DEFAULT_CALL_BUDGET),
                    new ContentSettings("prompt-content", Duration.ofMinutes(10)),
                    new ModelSettings(
                            ModelSettings.Provider.BEDROCK,
                            ModelSettings.DEFAULT_BEDROCK_MODEL,
                            "",
                            Duration.ofSeconds(10)),
                    Optional.empty(),
                    Duration.ofHours(1),
                    Optional.empty(),
                    Duration.ofSeconds(30),
                    AskSettings.Retrieval.MEANING);
            AskWiring wiring = AskWiring.of(
                    new DynamoContentStore(
                            dynamo, settings.content(), new StoreBackoff(new JsonLog(StoreBackoff.class))),
                    Optional.of(model),
                    AnswerCache.none(),
                    IssuedAnswers.none(),
                    settings,
                    AskMetrics.none(),
                    RetrievalOptions.withMeaning(OnnxEmbedder.miniLm()));
            wiring.service().awaitMeaning(Duration.ofMinutes(2));
            for (AskRequest question : questions) {
                Answer answer = wiring.service().ask(question);
                if (answer.mode().wire().equals("refused")) {
                    refused++;
                } else {
                    answerChars.add(answer.answer().length());
                }
            }
        }
        Stats prompts =
                Stats.of(model.promptChars.stream().map(Integer::doubleValue).toList());
        Stats answers = Stats.of(answerChars.stream().map(Integer::doubleValue).toList());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("questions", questions.size());
        result.put("refused_without_a_model_call", refused);
        result.put("model_calls", model.promptChars.size());
        result.put("model_calls_per_question", Stats.round3((double) model.promptChars.size() / questions.size()));
        result.put("prompt_chars_median", Stats.round(prompts.median()));
        result.put("prompt_chars_p90", Stats.round(prompts.p90()));
        result.put(
                "prompt_chars_mean",
                Stats.round(model.promptChars.stream()
                        .mapToInt(Integer::intValue)
                        .average()
                        .orElse(0)));
        result.put(
                "prompt_tokens_mean_estimate",
                Stats.round(model.promptChars.stream()
                                .mapToInt(Integer::intValue)
                                .average()
                                .orElse(0)
                        / CHARS_PER_TOKEN));
        result.put("answer_tokens_max", ChatModels.MAX_OUTPUT_TOKENS);
        result.put("extractive_answer_chars_median", Stats.round(answers.median()));
        result.put(
                "note",
                "tokens estimated at " + CHARS_PER_TOKEN + " characters each; the evaluation sets' questions"
                        + " (history included); the model's answers bounded by the client's max output tokens");
        return result;
    }

    private static List<AskRequest> questions(Path dir) throws IOException {
        List<AskRequest> questions = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode item = JSON.readTree(line);
                    List<Turn> history = new ArrayList<>();
                    for (JsonNode turn : item.path("history")) {
                        history.add(new Turn(
                                turn.path("role").asText().equals("assistant") ? Turn.Role.ASSISTANT : Turn.Role.USER,
                                turn.path("content").asText()));
                    }
                    questions.add(new AskRequest(item.path("question").asText(), history));
                }
            }
        }
        return questions;
    }

    /** Records the characters of each request and answers with a cited sentence, as a model would. */
    private static final class RecordingModel implements ChatModel {
        private final List<Integer> promptChars = new CopyOnWriteArrayList<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            int chars = 0;
            for (ChatMessage message : request.messages()) {
                chars += switch (message) {
                    case SystemMessage system -> system.text().length();
                    case UserMessage user -> user.singleText().length();
                    case AiMessage ai -> ai.text() == null ? 0 : ai.text().length();
                    default -> 0;
                };
            }
            promptChars.add(chars);
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from("Each goroutine starts with a small stack [1]."))
                    .build();
        }
    }
}
