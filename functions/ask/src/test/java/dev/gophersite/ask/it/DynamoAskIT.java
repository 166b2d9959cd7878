package dev.gophersite.ask.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.handler.AskHandler;
import dev.gophersite.ask.handler.SearchHandler;
import dev.gophersite.ask.model.ChatModels;
import dev.gophersite.ask.record.DynamoAnswerCache;
import dev.gophersite.ask.wiring.AskSettings;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.loader.ParsedPage;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The handler on a real DynamoDB API (dynalite): content table loaded by the loader, answer cache table, Ollama stub. */
@ExtendWith(DynaliteExtension.class)
class DynamoAskIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POINTER_TTL = Duration.ofMillis(100);
    private final String contentTable = "ask-it-content-" + UUID.randomUUID();
    private final String cacheTable = "ask-it-cache-" + UUID.randomUUID();
    private DynamoDbClient dynamo;
    private OllamaStub ollama;
    private AskHandler handler;
    private SearchHandler searchHandler;

    @BeforeEach
    void setUp(Dynalite dynalite) {
        dynamo = LocalDynamo.client(dynalite.endpoint());
        Tables.ensure(
                dynamo,
                SamTemplate.load(Repo.root().resolve("template.yaml")),
                Map.of("ContentTable", contentTable, "AnswerCacheTable", cacheTable),
                System.out::println);
        new ContentLoader(dynamo, contentTable).load(TestContent.parsed());
        ollama = new OllamaStub();
        AskSettings settings = TestSettings.withModelAt(ollama.baseUrl(), Duration.ofSeconds(2));
        StoreBackoff backoff = new StoreBackoff(new JsonLog(StoreBackoff.class));
        DynamoContentStore store =
                new DynamoContentStore(dynamo, new ContentSettings(contentTable, POINTER_TTL), backoff);
        searchHandler = TestSettings.searchHandler(store);
        handler = TestSettings.handler(
                store,
                ChatModels.ollama(
                        ollama.baseUrl(), TestSettings.MODEL, settings.model().timeout()),
                new DynamoAnswerCache(
                        dynamo,
                        cacheTable,
                        Duration.ofHours(1),
                        Clock.systemUTC(),
                        backoff,
                        new JsonLog(DynamoAnswerCache.class)),
                settings);
    }

    @AfterEach
    void tearDown() {
        ollama.close();
        dynamo.close();
    }

    private JsonNode ask(String question) throws IOException {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/post-ask.json")
                .withBody(JSON.writeValueAsString(Map.of("question", question)));
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    private JsonNode search(String query) throws IOException {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/get-search.json")
                .withQueryStringParameters(Map.of("q", query));
        APIGatewayProxyResponseEvent response = searchHandler.handleRequest(event, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    @Test
    void answers_from_the_content_table_with_sources() throws IOException {
        // given
        ollama.replies(TestSettings.MODEL, "Runs at function return [1].");

        // when
        JsonNode body = ask("What does the defer statement do?");

        // then
        assertThat(body.get("mode").asText()).isEqualTo("llm");
        assertThat(body.get("sources").get(0).get("url").asText()).isEqualTo("/essentials#defer");
        assertThat(body.get("sources").get(0).get("text").asText()).contains("Runs at function return");
    }

    @Test
    void sees_a_content_change_once_the_pointer_ttl_has_passed() throws IOException, InterruptedException {
        // given
        assertThat(search("WebAssembly").get("results")).isEmpty();
        List<ParsedPage> changed = new ArrayList<>(TestContent.parsed());
        changed.add(new ParsedPage(
                "wasm",
                "Go and WebAssembly",
                "Compiling Go to WebAssembly.",
                99,
                List.of(new Section(
                        "intro",
                        "Go and WebAssembly",
                        "<p>x</p>",
                        "GOOS=js GOARCH=wasm go build produces a WebAssembly module for the browser."))));

        // when
        new ContentLoader(dynamo, contentTable).load(changed);
        Thread.sleep(POINTER_TTL.toMillis() * 2);
        JsonNode results = search("WebAssembly").get("results");

        // then
        assertThat(results).isNotEmpty();
        assertThat(results.get(0).get("slug").asText()).isEqualTo("wasm");
        assertThat(results.get(0).get("url").asText()).isEqualTo("/wasm#intro");
    }

    @Test
    void serves_the_second_identical_question_from_the_answer_cache() throws IOException {
        // given
        ollama.replies(TestSettings.MODEL, "Each goroutine starts with a 2KB stack [1].");
        JsonNode first = ask("How big is the stack a goroutine starts with?");

        // when
        JsonNode second = ask("How big is the stack a goroutine starts with?");

        // then
        assertThat(ollama.chatRequests()).isEqualTo(1);
        assertThat(first.get("cached").asBoolean()).isFalse();
        assertThat(second.get("cached").asBoolean()).isTrue();
        assertThat(second.get("mode").asText()).isEqualTo("llm");
        assertThat(second.get("answer").asText()).isEqualTo(first.get("answer").asText());
        // each response is one person's to vote on, a cached one too
        assertThat(second.get("id").asText()).isNotEqualTo(first.get("id").asText());
        assertThat(second.get("sources")).isEqualTo(first.get("sources"));
        assertThat(second.get("timingsMs").has("cacheHit")).isTrue();
        List<Map<String, AttributeValue>> items =
                dynamo.scan(b -> b.tableName(cacheTable)).items();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(Long.parseLong(item.get("expiresAt").n()))
                    .isGreaterThan(Instant.now().getEpochSecond());
            assertThat(item).doesNotContainKey("id");
        });
    }

    @Test
    void does_not_cache_extractive_answers() throws IOException {
        // given
        ollama.replies(500, "{\"error\":\"boom\"}");

        // when
        JsonNode body = ask("How big is the stack a goroutine starts with?");

        // then
        assertThat(body.get("mode").asText()).isEqualTo("extractive");
        assertThat(dynamo.scan(b -> b.tableName(cacheTable)).items()).isEmpty();
    }
}
