package dev.gophersite.ask.answer;

import dev.gophersite.ask.generation.AnswerSupport;
import dev.gophersite.ask.generation.Citations;
import dev.gophersite.ask.generation.ExtractiveAnswerer;
import dev.gophersite.ask.generation.FailureKind;
import dev.gophersite.ask.generation.ModelClient;
import dev.gophersite.ask.generation.NotInPassages;
import dev.gophersite.ask.generation.Prompt;
import dev.gophersite.ask.generation.PromptBuilder;
import dev.gophersite.ask.generation.Turn;
import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.grounding.GroundingVerdict;
import dev.gophersite.ask.question.Clauses;
import dev.gophersite.ask.question.Question;
import dev.gophersite.ask.retrieval.Passage;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retrieval;
import dev.gophersite.ask.retrieval.SearchIndex;
import dev.gophersite.ask.retrieval.SiteSearch;
import dev.gophersite.common.log.JsonLog;

import java.time.Duration;
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
    public static final String ENGLISH_ONLY = "This site's pages are in English, and I could not match your question "
            + "to them. Please ask in English; the closest pages are listed as sources.";
    static final int REFUSAL_SOURCES = 3;
    public static final int SEARCH_RESULTS = 5;
    static final int MIN_CLAUSE_TERMS = 2;
    static final int MAX_QUOTED_CHARS = 80;
    /** A follow-up's rewrite is a few words; past this the deterministic reading is used and the answer still fits. */
    static final Duration REWRITE_BUDGET = Duration.ofSeconds(4);
    /**
     * How long a question waits for the index's meaning right after start (the model loads in about two seconds);
     * answering from words alone meanwhile would give the same question another answer a minute later.
     */
    static final Duration MEANING_WAIT = Duration.ofSeconds(10);

    private final SiteSearch search;
    private final GroundingCheck grounding;
    private final PromptBuilder prompts;
    private final ModelClient model;
    private final String modelName;
    private final ExtractiveAnswerer extractive;
    private final AnswerSupport support = new AnswerSupport();
    private final AnswerCache cache;
    private final IssuedAnswers issued;
    private final Supplier<String> ids;
    private final JsonLog log;

    public AskService(SiteSearch search, GroundingCheck grounding, PromptBuilder prompts, ModelClient model,
                      String modelName, ExtractiveAnswerer extractive, AnswerCache cache, IssuedAnswers issued,
                      Supplier<String> ids, JsonLog log) {
        this.search = search;
        this.grounding = grounding;
        this.prompts = prompts;
        this.model = model;
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
        MODEL, CACHED_OR_EXTRACTIVE
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
        long start = System.nanoTime();
        Map<String, Long> timings = new LinkedHashMap<>();
        SearchIndex index = search.settledIndex(MEANING_WAIT);
        List<String> earlier = request.history().stream()
                .filter(t -> t.role() == Turn.Role.USER).map(Turn::content).toList();
        Question question = index.read(request.question(), earlier);
        if (question.followUp() && generation == Generation.MODEL) {
            long rewriting = System.nanoTime();
            if (model.standalone(request.question(), earlier, REWRITE_BUDGET) instanceof ModelClient.Answered rewrite) {
                question = index.rewritten(question, rewrite.text(), earlier.getLast());
            }
            timings.put("rewrite", millisSince(rewriting));
        }
        Assessed assessed = assess(index, question);
        Retrieval retrieval = assessed.retrieval();
        GroundingVerdict verdict = assessed.verdict();
        timings.put("retrieval", millisSince(start));
        log.info("question", Map.of("question", JsonLog.clip(request.question()),
                "history", request.history().size(), "followUp", retrieval.question().followUp(),
                "grounded", verdict.grounded(), "grounding", verdict.reason(), "version", index.version()));

        // with a model, the model decides from the passages; before it, only what is clearly off the subject is refused
        boolean modelDecides = generation == Generation.MODEL && model.configured();
        if (modelDecides ? !verdict.plausible() : !verdict.grounded()) {
            return refusal(verdict, retrieval, timings, start);
        }

        // the part of the message the site answers: all of it, or the covered clause of a mixed message
        String asked = retrieval.question().asked();
        Prompt prompt = prompts.build(asked, request.history(), retrieval.ranked());
        List<Source> sources = prompt.numbered().stream().map(Source::of).toList();
        String cacheKey = request.hasHistory() ? null : AnswerCacheKey.of(asked, index.version(), modelName);
        if (cacheKey != null) {
            long lookup = System.nanoTime();
            Optional<CachedAnswer> hit = cache.get(cacheKey);
            if (hit.isPresent()) {
                timings.put("cacheHit", millisSince(lookup));
                timings.put("total", millisSince(start));
                CachedAnswer cached = hit.get();
                return new Answer(ids.get(), withUncovered(cached.answer(), assessed.uncovered()), true, Mode.LLM,
                        cached.sources(), cached.model(), timings, true);
            }
            timings.put("cacheLookup", millisSince(lookup));
        }

        ModelClient.Outcome outcome = new ModelClient.Failed(FailureKind.NOT_ALLOWED);
        if (generation == Generation.MODEL) {
            long called = System.nanoTime();
            outcome = model.generate(prompt.messages());
            timings.put("generation", millisSince(called));
        }
        if (outcome instanceof ModelClient.Answered answered) {
            if (NotInPassages.in(answered.text())) {
                return refusal(verdict, retrieval, timings, start);
            }
            String checked = Citations.check(answered.text(), prompt.numbered().size()).text();
            Optional<String> supported = support.supported(checked, prompt.numbered(), index.lexical());
            if (supported.isPresent()) {
                String id = ids.get();
                if (cacheKey != null) {
                    cache.put(cacheKey, new CachedAnswer(supported.get(), sources, modelName));
                }
                timings.put("total", millisSince(start));
                return new Answer(id, withUncovered(supported.get(), assessed.uncovered()), true, Mode.LLM, sources,
                        modelName, timings, false);
            }
            model.unusable(FailureKind.UNSUPPORTED_REPLY);
        }
        // without the model's word, the calibrated gate decides again
        if (!verdict.grounded()) {
            return refusal(verdict, retrieval, timings, start);
        }
        String text = extractive.answer(retrieval.question(), retrieval.meaning(), retrieval.bestMatch(),
                prompt.numbered(), index);
        timings.put("total", millisSince(start));
        return new Answer(ids.get(), withUncovered(text, assessed.uncovered()), true, Mode.EXTRACTIVE, sources,
                Answer.NO_MODEL, timings, false);
    }

    private Answer refusal(GroundingVerdict verdict, Retrieval retrieval, Map<String, Long> timings, long start) {
        timings.put("total", millisSince(start));
        String text = verdict.reason().equals(GroundingVerdict.OTHER_LANGUAGE) ? ENGLISH_ONLY : REFUSAL;
        return new Answer(ids.get(), text, false, Mode.REFUSED, closestPages(retrieval), Answer.NO_MODEL, timings, false);
    }

    public SearchResults search(String query) {
        SearchIndex index = search.settledIndex(MEANING_WAIT);
        Retrieval retrieval = index.retrieve(index.read(query, List.of()));
        return new SearchResults(query, retrieval.top(SEARCH_RESULTS).stream().map(Source::of).toList());
    }

    /** @param uncovered the clauses of a mixed message that the site does not answer */
    private record Assessed(Retrieval retrieval, GroundingVerdict verdict, List<String> uncovered) {
    }

    /**
     * The question as a whole, or, for a message that asks several things, the first of its clauses that the site
     * answers: "how big is a goroutine stack and what's the weather in paris?" is answered about the stack, and the
     * answer says the site does not cover the weather.
     */
    private Assessed assess(SearchIndex index, Question question) {
        Retrieval retrieval = index.retrieve(question);
        GroundingVerdict verdict = grounding.assess(retrieval);
        List<String> clauses = question.followUp() || !question.english() ? List.of() : Clauses.of(question.asked());
        if (clauses.size() < 2) {
            return new Assessed(retrieval, verdict, List.of());
        }
        Assessed answered = null;
        List<String> uncovered = new ArrayList<>();
        for (String clause : clauses) {
            Retrieval part = index.retrieve(index.read(clause, List.of()));
            GroundingVerdict partVerdict = grounding.assess(part);
            // a clause must name its own subject to be answered or reported: "is it called go?" is neither
            if (partVerdict.evidence().distinctiveTerms().size() < MIN_CLAUSE_TERMS) {
                continue;
            }
            if (!partVerdict.grounded()) {
                uncovered.add(clause);
            } else if (answered == null) {
                answered = new Assessed(part, partVerdict, List.of());
            }
        }
        if (verdict.grounded()) {
            return new Assessed(retrieval, verdict, List.copyOf(uncovered));
        }
        if (answered != null) {
            return new Assessed(answered.retrieval(), answered.verdict(), List.copyOf(uncovered));
        }
        return new Assessed(retrieval, verdict, List.of());
    }

    /** The answer, and what of the message it leaves out, in the user's own words made inert. */
    private static String withUncovered(String answer, List<String> uncovered) {
        if (uncovered.isEmpty()) {
            return answer;
        }
        List<String> quoted = uncovered.stream().map(AskService::quoted).toList();
        return answer + "\n\nThis site's pages do not cover the rest of your question: " + String.join("; ", quoted) + ".";
    }

    /** A clause as plain words: no character a Markdown renderer acts on, and no longer than a line. */
    static String quoted(String clause) {
        String plain = clause.replaceAll("[^\\p{L}\\p{N} ,.'?!-]", " ").replaceAll("\\s+", " ").strip();
        if (plain.length() > MAX_QUOTED_CHARS) {
            plain = plain.substring(0, MAX_QUOTED_CHARS).strip() + "…";
        }
        return "“" + plain + "”";
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
            List<Passage> all = retrieval.lexical().passages();
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
