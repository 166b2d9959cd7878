package dev.gophersite.ask.service;

import dev.gophersite.ask.answering.ExtractiveAnswerer;
import dev.gophersite.ask.answering.ModelAnswerer;
import dev.gophersite.ask.answering.Prompt;
import dev.gophersite.ask.answering.PromptBuilder;
import dev.gophersite.ask.answering.Refusals;
import dev.gophersite.ask.answering.Uncovered;
import dev.gophersite.ask.grounding.Assessment;
import dev.gophersite.ask.grounding.Gate;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.index.SiteSearch;
import dev.gophersite.ask.model.FailureKind;
import dev.gophersite.ask.model.ModelClient;
import dev.gophersite.ask.question.AskRequest;
import dev.gophersite.ask.question.Question;
import dev.gophersite.ask.question.QuestionReader;
import dev.gophersite.ask.record.Answer;
import dev.gophersite.ask.record.AnswerCache;
import dev.gophersite.ask.record.AnswerCacheKey;
import dev.gophersite.ask.record.CachedAnswer;
import dev.gophersite.ask.record.IssuedAnswers;
import dev.gophersite.ask.record.Mode;
import dev.gophersite.ask.record.SearchResults;
import dev.gophersite.ask.record.Source;
import dev.gophersite.ask.record.Timings;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retriever;
import dev.gophersite.ask.support.AnswerSupport;
import dev.gophersite.common.log.JsonLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Answers one question, stage by stage: read it (a follow-up resolved, and rewritten by the model when there is
 * one), retrieve and judge what the site answers, then the cached answer, the model's answer checked against the
 * passages, or the site's own sentences; and record the answer's id for feedback. Never fails because of the model
 * or the cache; only a content store without any index to fall back on makes it throw.
 */
public final class AskService {
    public static final int SEARCH_RESULTS = 5;
    /** A follow-up's rewrite is a few words; past this the deterministic reading is used and the answer still fits. */
    static final Duration REWRITE_BUDGET = Duration.ofSeconds(4);
    /**
     * How long a question waits for the index's meaning right after start (the model loads in about two seconds);
     * answering from words alone meanwhile would give the same question another answer a minute later.
     */
    static final Duration MEANING_WAIT = Duration.ofSeconds(10);

    private final SiteSearch search;
    private final Gate gate;
    private final PromptBuilder prompts;
    private final ModelClient model;
    private final ModelAnswerer answerer;
    private final String modelName;
    private final ExtractiveAnswerer extractive;
    private final AnswerSupport support = new AnswerSupport();
    private final AnswerCache cache;
    private final IssuedAnswers issued;
    private final Supplier<String> ids;
    private final JsonLog log;

    public AskService(
            SiteSearch search,
            Gate gate,
            PromptBuilder prompts,
            ModelClient model,
            String modelName,
            ExtractiveAnswerer extractive,
            AnswerCache cache,
            IssuedAnswers issued,
            Supplier<String> ids,
            JsonLog log) {
        this.search = search;
        this.gate = gate;
        this.prompts = prompts;
        this.model = model;
        this.answerer = new ModelAnswerer(model);
        this.modelName = modelName;
        this.extractive = extractive;
        this.cache = cache;
        this.issued = issued;
        this.ids = ids;
        this.log = log;
    }

    /** Builds the index of the current site version now rather than on the first request. */
    public void warmUp() {
        search.index();
    }

    /** Waits for the background work that adds meaning to the index; see {@link SiteSearch#awaitMeaning}. */
    public boolean awaitMeaning(Duration limit) {
        return search.awaitMeaning(limit);
    }

    /** Whether answering may call the model; a question sent by GET (a link, an image tag) must not spend it. */
    public enum Generation {
        MODEL,
        CACHED_OR_EXTRACTIVE
    }

    public Answer ask(AskRequest request) {
        return ask(request, Generation.MODEL);
    }

    /** Answers, and records a grounded answer's id with its question so that feedback on it is accepted. */
    public Answer ask(AskRequest request, Generation generation) {
        Answer answer = answer(request, generation);
        if (answer.grounded()) {
            issued.record(answer.id(), request.question());
        }
        return answer;
    }

    private Answer answer(AskRequest request, Generation generation) {
        Timings timings = new Timings();
        SearchIndex index = search.settledIndex(MEANING_WAIT);
        boolean mayCallModel = generation == Generation.MODEL;
        Question question = read(request, index, mayCallModel, timings);
        Assessment assessment = gate.assess(index, question);
        timings.sinceStart("retrieval");
        logQuestion(request, index, assessment);
        if (assessment.refused(mayCallModel && answerer.configured())) {
            return refusal(assessment, timings);
        }
        Prompt prompt = prompts.build(
                assessment.asked(), request.history(), assessment.retrieval().ranked());
        Optional<String> cacheKey = request.hasHistory()
                ? Optional.empty()
                : Optional.of(AnswerCacheKey.of(assessment.asked(), index.version(), modelName));
        Optional<Answer> cached = cacheKey.flatMap(key -> cached(key, assessment, timings));
        if (cached.isPresent()) {
            return cached.get();
        }
        ModelAnswerer.Reply reply =
                mayCallModel ? timings.time("generation", () -> answerer.reply(prompt)) : new ModelAnswerer.Silent();
        if (reply instanceof ModelAnswerer.Declined) {
            return refusal(assessment, timings);
        }
        if (reply instanceof ModelAnswerer.Written(String text)) {
            Optional<String> supported = support.supported(text, prompt.numbered(), index.lexical());
            if (supported.isPresent()) {
                return modelAnswer(supported.get(), prompt, cacheKey, assessment, timings);
            }
            model.unusable(FailureKind.UNSUPPORTED_REPLY);
        }
        // without the model's word, the calibrated gate decides again
        if (!assessment.verdict().grounded()) {
            return refusal(assessment, timings);
        }
        return extractiveAnswer(prompt, assessment, index, timings);
    }

    public SearchResults search(String query) {
        SearchIndex index = search.settledIndex(MEANING_WAIT);
        List<RankedPassage> top = Retriever.retrieve(index, query, List.of()).top(SEARCH_RESULTS);
        return new SearchResults(query, top.stream().map(Source::of).toList());
    }

    /** The question, with a follow-up rewritten by the model to stand alone when the request may call it. */
    private Question read(AskRequest request, SearchIndex index, boolean mayCallModel, Timings timings) {
        QuestionReader reader = new QuestionReader(index.lexical());
        QuestionReader.Rewriter rewriter = !mayCallModel
                ? QuestionReader.Rewriter.NONE
                : (asked, earlier) ->
                        model.standalone(asked, earlier, REWRITE_BUDGET) instanceof ModelClient.Answered rewrite
                                ? Optional.of(rewrite.text())
                                : Optional.empty();
        long began = System.nanoTime();
        Question question = reader.read(request, rewriter);
        if (question.followUp() && mayCallModel) {
            timings.took("rewrite", began);
        }
        return question;
    }

    private Optional<Answer> cached(String key, Assessment assessment, Timings timings) {
        long began = System.nanoTime();
        Optional<CachedAnswer> hit = cache.get(key);
        timings.took(hit.isPresent() ? "cacheHit" : "cacheLookup", began);
        return hit.map(cached -> new Answer(
                ids.get(),
                Uncovered.appendTo(cached.answer(), assessment.uncovered()),
                true,
                Mode.LLM,
                cached.sources(),
                cached.model(),
                timings.finished(),
                true));
    }

    private Answer modelAnswer(
            String text, Prompt prompt, Optional<String> cacheKey, Assessment assessment, Timings timings) {
        List<Source> sources = prompt.numbered().stream().map(Source::of).toList();
        cacheKey.ifPresent(key -> cache.put(key, new CachedAnswer(text, sources, modelName)));
        return new Answer(
                ids.get(),
                Uncovered.appendTo(text, assessment.uncovered()),
                true,
                Mode.LLM,
                sources,
                modelName,
                timings.finished(),
                false);
    }

    private Answer extractiveAnswer(Prompt prompt, Assessment assessment, SearchIndex index, Timings timings) {
        String text = extractive.answer(
                assessment.retrieval().question(),
                assessment.retrieval().meaning(),
                assessment.retrieval().bestMatch(),
                prompt.numbered(),
                index);
        return new Answer(
                ids.get(),
                Uncovered.appendTo(text, assessment.uncovered()),
                true,
                Mode.EXTRACTIVE,
                prompt.numbered().stream().map(Source::of).toList(),
                Answer.NO_MODEL,
                timings.finished(),
                false);
    }

    private Answer refusal(Assessment assessment, Timings timings) {
        List<Source> closest = Refusals.closestPages(assessment.retrieval()).stream()
                .map(Source::of)
                .toList();
        return new Answer(
                ids.get(),
                Refusals.text(assessment.verdict()),
                false,
                Mode.REFUSED,
                closest,
                Answer.NO_MODEL,
                timings.finished(),
                false);
    }

    private void logQuestion(AskRequest request, SearchIndex index, Assessment assessment) {
        log.info(
                "question",
                Map.of(
                        "question",
                        JsonLog.clip(request.question()),
                        "history",
                        request.history().size(),
                        "followUp",
                        assessment.retrieval().question().followUp(),
                        "grounded",
                        assessment.verdict().grounded(),
                        "grounding",
                        assessment.verdict().reason(),
                        "version",
                        index.version()));
    }
}
