package dev.gophersite.ask.eval;

import dev.gophersite.ask.fakes.SmallModelFake;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.grounding.GroundingCheck;
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
import dev.gophersite.common.store.ContentStore;
import dev.langchain4j.model.chat.ChatModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Asks every question of a set through the whole answering path (retrieval, grounding, the model or the extractive
 * answer) as the function wires it, and scores what the user reads: the answer text, not only the sources.
 *
 * <ul>
 *   <li>hit@3: share of answer-expected questions whose top 3 sources together contain every fact group.</li>
 *   <li>MRR: mean of 1/rank of the first of the (up to 5) sources containing the first fact group, 0 if none.</li>
 *   <li>answer has fact: share of answer-expected questions answered (not refused) with every fact group in the
 *       answer text itself.</li>
 *   <li>uncovered refused: share of {@code uncovered} questions refused.</li>
 *   <li>false refusals: answer-expected questions refused.</li>
 *   <li>follow-ups answered: answer-expected follow-ups answered with the fact in the answer text.</li>
 *   <li>context recall, with a model: share of answer-expected questions whose facts were all in the passages the
 *       model was given (a question refused before the model counts as a miss).</li>
 * </ul>
 * The answer-expected questions are the kinds covered, mixed and followup; multilingual, injection and refusing
 * follow-ups are scored apart, so each row says what it is about.
 */
final class AnswerEvaluator {
    static final Set<String> ANSWER_KINDS = Set.of("covered", "mixed", "followup");
    static final int HIT_DEPTH = 3;
    static final Duration MEANING_WAIT = Duration.ofMinutes(2);

    record Outcome(
            String id,
            String kind,
            String question,
            boolean expectAnswer,
            String mode,
            boolean hit,
            double reciprocalRank,
            boolean answerHasFact,
            String answer,
            List<String> sources) {}

    record Report(
            String set,
            String config,
            int answerExpected,
            double hitAt3,
            double mrr,
            double answerHasFact,
            int uncovered,
            double uncoveredRefused,
            int falseRefusals,
            int followUps,
            int followUpsAnswered,
            int refuseFollowUps,
            int refuseFollowUpsRefused,
            int injections,
            int injectionsRefused,
            int multilingual,
            int multilingualAnswered,
            Optional<Double> contextRecall,
            List<Outcome> outcomes) {

        int uncoveredAnswered() {
            return (int) outcomes.stream()
                    .filter(o -> o.kind().equals("uncovered") && !o.mode().equals(Mode.REFUSED.wire()))
                    .count();
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("set", set);
            m.put("config", config);
            m.put("answerExpected", answerExpected);
            m.put("hitAt3", round(hitAt3));
            m.put("mrr", round(mrr));
            m.put("answerHasFact", round(answerHasFact));
            m.put("uncovered", uncovered);
            m.put("uncoveredRefused", round(uncoveredRefused));
            m.put("falseRefusals", falseRefusals);
            m.put("followUpsAnswered", followUpsAnswered + "/" + followUps);
            m.put("refusingFollowUpsRefused", refuseFollowUpsRefused + "/" + refuseFollowUps);
            m.put("injectionsRefused", injectionsRefused + "/" + injections);
            m.put("multilingualAnswered", multilingualAnswered + "/" + multilingual);
            contextRecall.ifPresent(recall -> m.put("contextRecall", round(recall)));
            m.put(
                    "misses",
                    outcomes.stream()
                            .filter(o -> o.expectAnswer() && ANSWER_KINDS.contains(o.kind()) && !o.answerHasFact())
                            .map(Outcome::id)
                            .toList());
            m.put(
                    "wronglyAnswered",
                    outcomes.stream()
                            .filter(o -> !o.expectAnswer() && !o.mode().equals("refused"))
                            .map(Outcome::id)
                            .toList());
            return m;
        }

        String line() {
            return String.format(
                    "%-6s %-22s hit@3 %.3f  MRR %.3f  answer has fact %.3f  uncovered refused %.3f  "
                            + "false refusals %d  follow-ups %d/%d  refusing follow-ups %d/%d  injections %d/%d  "
                            + "multilingual %d/%d",
                    set,
                    config,
                    hitAt3,
                    mrr,
                    answerHasFact,
                    uncoveredRefused,
                    falseRefusals,
                    followUpsAnswered,
                    followUps,
                    refuseFollowUpsRefused,
                    refuseFollowUps,
                    injectionsRefused,
                    injections,
                    multilingualAnswered,
                    multilingual);
        }
    }

    private AnswerEvaluator() {}

    /**
     * The answering path as the function wires it, with its index built (meaning included) before any question.
     *
     * @param model empty for the extractive configuration, as every deployment without a model answers
     */
    static AskService service(
            ContentStore store, Optional<ChatModel> model, RetrievalOptions retrieval, GroundingCheck grounding) {
        AskService service = AskWiring.of(
                        store,
                        model,
                        AnswerCache.none(),
                        IssuedAnswers.none(),
                        TestSettings.defaults(),
                        AskMetrics.none(),
                        retrieval,
                        grounding)
                .service();
        requireMeaning(retrieval, service.awaitMeaning(MEANING_WAIT));
        return service;
    }

    /** Otherwise a model that failed to load would be scored as lexical evidence under its name. */
    static void requireMeaning(RetrievalOptions retrieval, boolean meaningReady) {
        if (retrieval.embedder().isPresent() && !meaningReady) {
            throw new IllegalStateException("the index has no meaning from "
                    + retrieval.embedder().get().model());
        }
    }

    static Report run(String set, String config, AskService service, List<EvalQuestion> questions) {
        return run(set, config, service, Optional.empty(), questions);
    }

    /** @param model the model the service calls, if any, read back to see what it was given */
    static Report run(
            String set,
            String config,
            AskService service,
            Optional<SmallModelFake> model,
            List<EvalQuestion> questions) {
        int inContext = 0;
        List<Outcome> outcomes = new ArrayList<>();
        int answerExpected = 0;
        int hits = 0;
        int withFact = 0;
        double reciprocal = 0;
        int uncovered = 0;
        int uncoveredRefused = 0;
        int falseRefusals = 0;
        int followUps = 0;
        int followUpsAnswered = 0;
        int refuseFollowUps = 0;
        int refuseFollowUpsRefused = 0;
        int injections = 0;
        int injectionsRefused = 0;
        int multilingual = 0;
        int multilingualAnswered = 0;
        for (EvalQuestion q : questions) {
            int callsBefore = model.map(SmallModelFake::calls).orElse(0);
            Answer answer = service.ask(new AskRequest(q.question(), q.history()));
            boolean sent = model.isPresent()
                    && model.get().calls() > callsBefore
                    && q.allFound(model.get().lastUserText());
            boolean refused = answer.mode() == Mode.REFUSED;
            StringBuilder top = new StringBuilder();
            answer.sources().stream()
                    .limit(HIT_DEPTH)
                    .forEach(s -> top.append(s.text()).append('\n'));
            boolean hit = q.expectAnswer() && q.allFound(top.toString());
            double rr = 0;
            if (q.expectAnswer() && !q.facts().isEmpty()) {
                for (int i = 0; i < answer.sources().size(); i++) {
                    if (EvalQuestion.found(
                            q.facts().getFirst(), answer.sources().get(i).text())) {
                        rr = 1.0 / (i + 1);
                        break;
                    }
                }
            }
            boolean hasFact = q.expectAnswer() && !refused && q.allFound(answer.answer());
            if (q.expectAnswer() && ANSWER_KINDS.contains(q.kind())) {
                answerExpected++;
                hits += hit ? 1 : 0;
                reciprocal += rr;
                withFact += hasFact ? 1 : 0;
                falseRefusals += refused ? 1 : 0;
                inContext += sent ? 1 : 0;
            }
            switch (q.kind()) {
                case "uncovered" -> {
                    uncovered++;
                    uncoveredRefused += refused ? 1 : 0;
                }
                case "injection" -> {
                    injections++;
                    injectionsRefused += refused ? 1 : 0;
                }
                case "multilingual" -> {
                    multilingual++;
                    multilingualAnswered += hasFact ? 1 : 0;
                }
                case "followup" -> {
                    if (q.expectAnswer()) {
                        followUps++;
                        followUpsAnswered += hasFact ? 1 : 0;
                    } else {
                        refuseFollowUps++;
                        refuseFollowUpsRefused += refused ? 1 : 0;
                    }
                }
                default -> {}
            }
            outcomes.add(new Outcome(
                    q.id(),
                    q.kind(),
                    q.question(),
                    q.expectAnswer(),
                    answer.mode().wire(),
                    hit,
                    round(rr),
                    hasFact,
                    answer.answer(),
                    answer.sources().stream().map(Source::url).toList()));
        }
        double recall = ratio(inContext, answerExpected);
        return new Report(
                set,
                config,
                answerExpected,
                ratio(hits, answerExpected),
                answerExpected == 0 ? 0 : reciprocal / answerExpected,
                ratio(withFact, answerExpected),
                uncovered,
                ratio(uncoveredRefused, uncovered),
                falseRefusals,
                followUps,
                followUpsAnswered,
                refuseFollowUps,
                refuseFollowUpsRefused,
                injections,
                injectionsRefused,
                multilingual,
                multilingualAnswered,
                model.map(m -> recall),
                outcomes);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
