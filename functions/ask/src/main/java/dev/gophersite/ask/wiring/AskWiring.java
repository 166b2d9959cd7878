package dev.gophersite.ask.wiring;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.ask.answering.ExtractiveAnswerer;
import dev.gophersite.ask.answering.PromptBuilder;
import dev.gophersite.ask.grounding.Gate;
import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.index.SiteSearch;
import dev.gophersite.ask.metrics.AskMetrics;
import dev.gophersite.ask.metrics.PowertoolsAskMetrics;
import dev.gophersite.ask.model.CauseLog;
import dev.gophersite.ask.model.ChatModels;
import dev.gophersite.ask.model.CircuitBreaker;
import dev.gophersite.ask.model.DeadlineChatModel;
import dev.gophersite.ask.model.ModelClient;
import dev.gophersite.ask.model.RequestDeadline;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.DynamoAnswerCache;
import dev.gophersite.ask.record.DynamoIssuedAnswers;
import dev.gophersite.ask.record.IssuedAnswers;
import dev.gophersite.ask.service.AskService;
import dev.gophersite.common.lifecycle.NativeWork;
import dev.gophersite.common.lifecycle.ShutdownSignals;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.snapstart.Priming;
import dev.gophersite.common.snapstart.PrimingRequest;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreBackoff;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The composition root of AskFunction: what the handler's no-arg constructor builds once per execution
 * environment, and what it primes before a SnapStart snapshot. Tests wire the same graph around fakes with
 * {@link #of}.
 */
public record AskWiring(AskService service, ContentStore store, AskMetrics metrics, RequestDeadline deadline) {
    private static final JsonLog LOG = new JsonLog(AskWiring.class);
    /** Loading the model and embedding every statement takes seconds; the snapshot is worth the wait. */
    static final Duration MEANING_WAIT = Duration.ofSeconds(60);
    /**
     * The empty ask page (the index and the HTML), but neither a model call nor a metric, which would count a
     * question nobody asked; the retrieval path is primed by a search in {@link #prime}, which writes nothing.
     */
    static final List<PrimingRequest> PRIMING = List.of(PrimingRequest.get("/ask"));

    static final String PRIMING_QUERY = "goroutine stack size";

    /**
     * After SIGTERM, Lambda's shutdown phase gives the runtime 300 ms before SIGKILL (with an external extension;
     * without one the process is killed outright). The wait is not cut to fit: a model load can take longer, and
     * exiting while it runs is the crash this avoids, where SIGKILL ends the process cleanly.
     */
    static final Duration SHUTDOWN_WAIT = NativeWork.DEFAULT_WAIT;

    /** The retrieval a {@code RETRIEVAL} setting names. */
    static RetrievalOptions retrieval(AskSettings.Retrieval setting) {
        return switch (setting) {
            case LEXICAL -> RetrievalOptions.bm25();
            case FUSED -> RetrievalOptions.hybrid(OnnxEmbedder.miniLm());
            case MEANING -> RetrievalOptions.withMeaning(OnnxEmbedder.miniLm());
        };
    }

    public static AskWiring fromEnvironment() {
        AskSettings settings = AskSettings.fromEnv();
        return fromEnvironment(settings, retrieval(settings.retrieval()));
    }

    /**
     * The function as deployed, but with retrieval options no setting names (another embedding model, measured) and
     * the grounding check to judge with.
     */
    public static AskWiring fromEnvironment(RetrievalOptions retrieval, GroundingCheck grounding) {
        return fromEnvironment(AskSettings.fromEnv(), retrieval, grounding);
    }

    private static AskWiring fromEnvironment(AskSettings settings, RetrievalOptions retrieval) {
        return fromEnvironment(settings, retrieval, GroundingCheck.forModel(retrieval.embedder()));
    }

    private static AskWiring fromEnvironment(
            AskSettings settings, RetrievalOptions retrieval, GroundingCheck grounding) {
        DynamoDbClient dynamo = DynamoDbClients.create(settings.dynamo());
        // one view of DynamoDB's health for the three tables: they share the endpoint, and an outage hits them all
        StoreBackoff backoff = new StoreBackoff(new JsonLog(StoreBackoff.class));
        AnswerCache cache = settings.cacheTable()
                .<AnswerCache>map(table -> new DynamoAnswerCache(
                        dynamo,
                        table,
                        settings.cacheTtl(),
                        Clock.systemUTC(),
                        backoff,
                        new JsonLog(DynamoAnswerCache.class)))
                .orElseGet(AnswerCache::none);
        IssuedAnswers issued = settings.feedbackTable()
                .<IssuedAnswers>map(table -> new DynamoIssuedAnswers(
                        dynamo, table, Clock.systemUTC(), backoff, new JsonLog(DynamoIssuedAnswers.class)))
                .orElseGet(IssuedAnswers::none);
        return of(
                new DynamoContentStore(dynamo, settings.content(), backoff),
                ChatModels.from(settings.model()),
                cache,
                issued,
                settings,
                new PowertoolsAskMetrics(),
                retrieval,
                grounding);
    }

    /**
     * The production graph around the given collaborators; builds the search index of the current site version
     * right away, so the first question does not pay for it.
     */
    public static AskWiring of(
            ContentStore store,
            Optional<ChatModel> chatModel,
            AnswerCache cache,
            IssuedAnswers issued,
            AskSettings settings,
            AskMetrics metrics,
            RetrievalOptions retrieval) {
        return of(
                store,
                chatModel,
                cache,
                issued,
                settings,
                metrics,
                retrieval,
                GroundingCheck.forModel(retrieval.embedder()));
    }

    /** As {@link #of}, judging with the given grounding check: another threshold, calibrated or measured. */
    public static AskWiring of(
            ContentStore store,
            Optional<ChatModel> chatModel,
            AnswerCache cache,
            IssuedAnswers issued,
            AskSettings settings,
            AskMetrics metrics,
            RetrievalOptions retrieval,
            GroundingCheck grounding) {
        ModelClient model = new ModelClient(
                chatModel.map(DeadlineChatModel::new),
                settings.model().timeout(),
                new CircuitBreaker(settings.circuitOpen()),
                new CauseLog(new JsonLog(ModelClient.class)));
        AskService service = new AskService(
                new SiteSearch(store, retrieval, new JsonLog(SiteSearch.class)),
                new Gate(grounding),
                new PromptBuilder(),
                model,
                settings.model().answeringModel(),
                new ExtractiveAnswerer(),
                cache,
                issued,
                () -> UUID.randomUUID().toString(),
                new JsonLog(AskService.class));
        try {
            service.warmUp();
        } catch (RuntimeException e) {
            LOG.error("search index not built at start-up; the first request will try again", e);
        }
        return new AskWiring(
                service,
                store,
                metrics,
                RequestDeadline.reservingWritesOf(settings.dynamo().callBudget()));
    }

    /**
     * On Lambda, SIGTERM first stops the embedding model's native work ({@link NativeWork}), then exits. Not in the
     * dev server, whose process handles the signals for every function it runs; the check reads the process
     * environment, where Lambda sets the function's name, as the SDK client settings do.
     */
    public static void stopNativeWorkOnShutdown() {
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
            ShutdownSignals.installForNativeWork(SHUTDOWN_WAIT);
        }
    }

    public Priming prime(RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> handler) {
        return Priming.register(
                "AskFunction",
                handler,
                PRIMING,
                () -> {
                    service.awaitMeaning(MEANING_WAIT);
                    service.search(PRIMING_QUERY);
                },
                store::forgetCurrentVersion);
    }
}
