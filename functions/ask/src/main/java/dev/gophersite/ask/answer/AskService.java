package dev.gophersite.ask.answer;

import dev.gophersite.ask.generation.Citations;
import dev.gophersite.ask.generation.ExtractiveAnswerer;
import dev.gophersite.ask.generation.FailureKind;
import dev.gophersite.ask.generation.ModelClient;
import dev.gophersite.ask.generation.Prompt;
import dev.gophersite.ask.generation.PromptBuilder;
import dev.gophersite.ask.generation.Turn;
import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.grounding.GroundingVerdict;
import dev.gophersite.ask.retrieval.Passage;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retrieval;
import dev.gophersite.ask.retrieval.SearchIndex;
import dev.gophersite.ask.retrieval.SiteSearch;
import dev.gophersite.common.log.JsonLog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Answers one question: retrieve, check grounding, then the cached answer, the model's answer or an extractive
 * one. Never fails because of the model or the cache; only a content store without any index to fall back on
 * makes it throw.
 */
public final class AskService {
    public static final String REFUSAL = "I can only answer questions about Go that this site's pages cover, "
            + "and I could not find this one there. The closest pages are listed as sources.";
    static final int REFUSAL_SOURCES = 3;
    public static final int SEARCH_RESULTS = 5;

    private final SiteSearch search;
    private final GroundingCheck grounding;
    private final PromptBuilder prompts;
    private final ModelClient model;
    private final String modelName;
    private final ExtractiveAnswerer extractive;
    private final AnswerCache cache;
    private final Supplier<String> ids;
    private final JsonLog log;

    public AskService(SiteSearch search, GroundingCheck grounding, PromptBuilder prompts, ModelClient model,
                      String modelName, ExtractiveAnswerer extractive, AnswerCache cache, Supplier<String> ids,
                      JsonLog log) {
        this.search = search;
        this.grounding = grounding;
        this.prompts = prompts;
        this.model = model;
        this.modelName = modelName;
        this.extractive = extractive;
        this.cache = cache;
        this.ids = ids;
        this.log = log;
    }

    /** Builds the index of the current site version now rather than on the first request. */
    public void warmUp() {
        search.index();
    }

    public Answer ask(String requestId, AskRequest request) {
        long start = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        SearchIndex index = search.index();
        List<String> earlier = request.history().stream()
                .filter(t -> t.role() == Turn.Role.USER).map(Turn::content).toList();
        Retrieval retrieval = index.retrieve(request.question(), earlier);
        GroundingVerdict verdict = assess(index, retrieval, earlier);
        timings.put("retrieval", millisSince(start));
        log.info(requestId, "question", Map.of("question", JsonLog.clip(request.question()),
                "history", request.history().size(), "grounded", verdict.grounded(), "grounding", verdict.reason(),
                "version", index.version()));

        if (!verdict.grounded()) {
            timings.put("total", millisSince(start));
            return new Answer(ids.get(), REFUSAL, false, Mode.REFUSED, closestPages(retrieval), Answer.NO_MODEL,
                    timings, false);
        }

        Prompt prompt = prompts.build(request.question(), request.history(), retrieval.ranked());
        List<Source> sources = prompt.passages().stream().map(Source::of).toList();
        String cacheKey = request.hasHistory() ? null : AnswerCacheKey.of(request.question(), index.version(), modelName);
        if (cacheKey != null) {
            long lookup = System.nanoTime();
            Optional<CachedAnswer> hit = cache.get(cacheKey);
            if (hit.isPresent()) {
                timings.put("cacheHit", millisSince(lookup));
                timings.put("total", millisSince(start));
                CachedAnswer cached = hit.get();
                return new Answer(cached.id(), cached.answer(), true, Mode.LLM, cached.sources(), cached.model(),
                        timings, true);
            }
            timings.put("cacheLookup", millisSince(lookup));
        }

        long generation = System.nanoTime();
        ModelClient.Outcome outcome = model.generate(requestId, prompt.messages());
        timings.put("generation", millisSince(generation));
        if (outcome instanceof ModelClient.Answered answered) {
            Citations.Checked checked = Citations.check(answered.text(), prompt.passages().size());
            if (checked.citesAnything()) {
                String id = ids.get();
                if (cacheKey != null) {
                    cache.put(cacheKey, new CachedAnswer(id, checked.text(), sources, modelName));
                }
                timings.put("total", millisSince(start));
                return new Answer(id, checked.text(), true, Mode.LLM, sources, modelName, timings, false);
            }
            model.unusable(requestId, FailureKind.UNCITED_REPLY);
        }
        String text = extractive.answer(retrieval.queryTerms(), prompt.passages(), index.passages());
        timings.put("total", millisSince(start));
        return new Answer(ids.get(), text, true, Mode.EXTRACTIVE, sources, Answer.NO_MODEL, timings, false);
    }

    public SearchResults search(String query) {
        Retrieval retrieval = search.index().retrieve(query, List.of());
        return new SearchResults(query, retrieval.top(SEARCH_RESULTS).stream().map(Source::of).toList());
    }

    /**
     * A follow-up like "why?" has no content of its own; with history, the question read together with the
     * previous user turn may be grounded where the question alone is not.
     */
    private GroundingVerdict assess(SearchIndex index, Retrieval retrieval, List<String> earlierUserTurns) {
        GroundingVerdict verdict = grounding.assess(retrieval);
        if (verdict.grounded() || earlierUserTurns.isEmpty()) {
            return verdict;
        }
        Retrieval withContext = index.retrieve(earlierUserTurns.getLast() + "\n" + retrieval.question(), List.of());
        GroundingVerdict contextual = grounding.assess(withContext);
        return contextual.grounded() ? contextual : verdict;
    }

    /** One passage per page, best first; with no match at all, the site's first pages, so there is somewhere to go. */
    private static List<Source> closestPages(Retrieval retrieval) {
        List<Source> sources = new ArrayList<>();
        Set<String> pages = new HashSet<>();
        for (RankedPassage ranked : retrieval.ranked()) {
            if (sources.size() < REFUSAL_SOURCES && pages.add(ranked.passage().slug())) {
                sources.add(Source.of(ranked));
            }
        }
        if (sources.isEmpty()) {
            List<Passage> all = retrieval.index().passages();
            for (int i = 0; i < all.size() && sources.size() < REFUSAL_SOURCES; i++) {
                if (pages.add(all.get(i).slug())) {
                    sources.add(Source.of(new RankedPassage(all.get(i), i, sources.size() + 1, 0)));
                }
            }
        }
        return sources;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
