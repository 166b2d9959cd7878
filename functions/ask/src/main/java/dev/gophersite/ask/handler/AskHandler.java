package dev.gophersite.ask.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.ask.answer.Answer;
import dev.gophersite.ask.answer.AnswerCache;
import dev.gophersite.ask.answer.AskRequest;
import dev.gophersite.ask.answer.AskService;
import dev.gophersite.ask.answer.AskSettings;
import dev.gophersite.ask.answer.DynamoAnswerCache;
import dev.gophersite.ask.generation.CauseLog;
import dev.gophersite.ask.generation.CircuitBreaker;
import dev.gophersite.ask.generation.ExtractiveAnswerer;
import dev.gophersite.ask.generation.ModelClient;
import dev.gophersite.ask.generation.OllamaModels;
import dev.gophersite.ask.generation.PromptBuilder;
import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.metrics.PowertoolsAskMetrics;
import dev.gophersite.ask.retrieval.RetrievalOptions;
import dev.gophersite.ask.retrieval.SiteSearch;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.http.UserText;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreException;
import dev.langchain4j.model.chat.ChatModel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /ask}, {@code GET /ask} and {@code GET /api/search}. Translates API Gateway events to
 * {@link AskService} calls and results to responses; the work happens in the service.
 */
public final class AskHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    public static final int MAX_SEARCH_QUERY_CHARS = 200;
    /** DynamoDB gets this long per call before the request gives up on it (or the index falls back to the last one). */
    private static final Duration DYNAMO_CALL_BUDGET = Duration.ofSeconds(3);

    private final AskService service;
    private final ContentStore store;
    private final AskMetrics metrics;
    private Priming priming;
    private final AskRequestReader reader = new AskRequestReader();
    private final JsonLog log = new JsonLog("ask");

    /** The production composition root, run once per execution environment (and captured by SnapStart). */
    public AskHandler() {
        this(Production.fromEnvironment());
    }

    private AskHandler(Production production) {
        this(production.store(), production.chatModel(), production.cache(), production.settings(),
                new PowertoolsAskMetrics());
        // SnapStart priming takes the search and the empty ask page (retrieval, the index and the HTML), but neither
        // a model call nor a metric, which would count a question nobody asked.
        priming = Priming.register("AskFunction", () -> {
            handleRequest(Priming.get("/api/search", null, Map.of("q", "goroutine stack size")), null);
            handleRequest(Priming.get("/ask", null, null), null);
        }, production.store()::forgetCurrentVersion);
    }


    public AskHandler(ContentStore store, ChatModel chatModel, AnswerCache cache, AskSettings settings) {
        this(store, chatModel, cache, settings, AskMetrics.none());
    }

    /**
     * Wires the function around the given collaborators exactly as production does, and builds the search index
     * of the current site version right away.
     */
    public AskHandler(ContentStore store, ChatModel chatModel, AnswerCache cache, AskSettings settings,
                      AskMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        ModelClient model = new ModelClient(chatModel, settings.modelTimeout(),
                new CircuitBreaker(settings.circuitOpen()), new CauseLog(log));
        this.service = new AskService(new SiteSearch(store, RetrievalOptions.bm25(), log), new GroundingCheck(),
                new PromptBuilder(), model, settings.modelName(), new ExtractiveAnswerer(), cache,
                () -> UUID.randomUUID().toString(), log);
        try {
            service.warmUp();
        } catch (RuntimeException e) {
            log.error(null, "search index not built at start-up; the first request will try again", e);
        }
    }

    private record Production(ContentStore store, ChatModel chatModel, AnswerCache cache, AskSettings settings) {
        static Production fromEnvironment() {
            AskSettings settings = AskSettings.fromEnv();
            DynamoDbClient dynamo = DynamoDbClients.create(DYNAMO_CALL_BUDGET);
            ContentStore store = new DynamoContentStore(dynamo, settings.contentTable(), settings.pointerTtl());
            AnswerCache cache = settings.cacheTable().isEmpty() ? AnswerCache.none()
                    : new DynamoAnswerCache(dynamo, settings.cacheTable(), settings.cacheTtl(), Clock.systemUTC(),
                    new JsonLog("ask-cache"));
            ChatModel chatModel = OllamaModels.chatModel(settings.ollamaBaseUrl(), settings.modelName(),
                    settings.modelTimeout());
            return new Production(store, chatModel, cache, settings);
        }
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String requestId = Requests.requestId(event);
        String resource = event.getResource() != null ? event.getResource() : event.getPath();
        String method = event.getHttpMethod() == null ? "" : event.getHttpMethod().toUpperCase(Locale.ROOT);
        try {
            return switch (resource == null ? "" : resource) {
                case "/ask" -> switch (method) {
                    case "POST" -> ask(requestId, event);
                    case "GET" -> askPage(requestId, event);
                    default -> methodNotAllowed("GET, POST");
                };
                case "/api/search" -> "GET".equals(method) ? search(event) : methodNotAllowed("GET");
                default -> Responses.error(404, "not_found", "No such resource.");
            };
        } catch (StoreException e) {
            log.error(requestId, "content store failed", e);
            metrics.storeFailed();
            return Responses.storeFailure(e);
        } catch (RuntimeException e) {
            log.error(requestId, "unexpected failure", e);
            return Responses.error(500, "internal", "Something went wrong; the error was logged.");
        }
    }

    private APIGatewayProxyResponseEvent ask(String requestId, APIGatewayProxyRequestEvent event) {
        AskRequestReader.Result result = reader.read(event);
        if (result instanceof AskRequestReader.Invalid invalid) {
            return Responses.error(invalid.status(), invalid.code(), invalid.message());
        }
        AskRequest request = ((AskRequestReader.Valid) result).request();
        Answer answer = service.ask(requestId, request);
        metrics.answered(answer);
        log.info(requestId, "answered", Map.of("mode", answer.mode().wire(), "sources", answer.sources().size(),
                "ms", answer.timingsMs().getOrDefault("total", 0L)));
        return noStore(Responses.json(200, AskJson.answer(answer)));
    }

    private APIGatewayProxyResponseEvent askPage(String requestId, APIGatewayProxyRequestEvent event) {
        String base = Requests.basePath(event);
        List<PageSummary> nav = store.index().pages();
        String q = Requests.queryParameter(event, "q");
        if (q == null || q.isBlank()) {
            return noStore(Responses.html(200, AskPage.render(base, nav, "", null, null)));
        }
        String question = q.strip();
        if (question.codePointCount(0, question.length()) > AskRequestReader.MAX_QUESTION_CHARS
                || UserText.hasControlCharacters(question)) {
            return noStore(Responses.html(400, AskPage.render(base, nav, "", null,
                    "Questions are text of at most " + AskRequestReader.MAX_QUESTION_CHARS + " characters.")));
        }
        Answer answer = service.ask(requestId, new AskRequest(question, List.of()));
        metrics.answered(answer);
        return noStore(Responses.html(200, AskPage.render(base, nav, question, answer, null)));
    }

    private APIGatewayProxyResponseEvent search(APIGatewayProxyRequestEvent event) {
        String q = Requests.queryParameter(event, "q");
        if (q == null || q.isBlank()) {
            return Responses.error(400, "bad_request", "Add a search query as ?q=.");
        }
        String query = q.strip();
        if (UserText.hasControlCharacters(query)) {
            return Responses.error(400, "bad_request", "The query must not contain control characters.");
        }
        if (query.codePointCount(0, query.length()) > MAX_SEARCH_QUERY_CHARS) {
            return Responses.error(400, "bad_request", "The query is longer than " + MAX_SEARCH_QUERY_CHARS + " characters.");
        }
        return noStore(Responses.json(200, AskJson.search(service.search(query))));
    }

    private static APIGatewayProxyResponseEvent methodNotAllowed(String allowed) {
        APIGatewayProxyResponseEvent response = Responses.error(405, "method_not_allowed", "Use " + allowed + ".");
        response.getHeaders().put("Allow", allowed);
        return response;
    }

    private static APIGatewayProxyResponseEvent noStore(APIGatewayProxyResponseEvent response) {
        response.getHeaders().put("Cache-Control", "no-store");
        return response;
    }
}
