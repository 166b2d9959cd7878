package dev.gophersite.ask.eval;

import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.grounding.GroundingVerdict;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retrieval;
import dev.gophersite.ask.retrieval.SearchIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an evaluation set through retrieval and the grounding check (no model, no DynamoDB).
 *
 * <ul>
 *   <li>hit@3: share of answer-expected questions for which every fact group is found in the concatenated text
 *       of the top 3 passages.</li>
 *   <li>MRR: mean, over answer-expected questions, of 1/r where r is the rank (1-10) of the first passage
 *       containing any alternative of the question's first fact group; 0 when none of the top 10 does.</li>
 *   <li>refusal accuracy: share of all questions handled as expected, i.e. refuse-expected questions refused
 *       and answer-expected questions not refused.</li>
 * </ul>
 */
final class RetrievalEvaluator {
    static final int HIT_DEPTH = 3;
    static final int MRR_DEPTH = 10;

    record Outcome(String id, String question, boolean expectAnswer, boolean refused, String grounding,
                   double coverage, boolean hit, double reciprocalRank, List<String> top3) {
    }

    record Report(String set, String config, int questions, int answerExpected, int refuseExpected, double hitAt3,
                  double mrr, double refusalAccuracy, List<String> misses, List<String> wrongRefusals,
                  List<Outcome> outcomes) {

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("set", set);
            m.put("config", config);
            m.put("questions", questions);
            m.put("answerExpected", answerExpected);
            m.put("refuseExpected", refuseExpected);
            m.put("hitAt3", round(hitAt3));
            m.put("mrr", round(mrr));
            m.put("refusalAccuracy", round(refusalAccuracy));
            m.put("hitMisses", misses);
            m.put("refusalErrors", wrongRefusals);
            return m;
        }

        String line() {
            return String.format("%-8s %-22s hit@3 %.3f  MRR %.3f  refusal accuracy %.3f  (%d questions; misses %s; refusal errors %s)",
                    set, config, hitAt3, mrr, refusalAccuracy, questions, misses, wrongRefusals);
        }
    }

    static Report run(String set, String config, SearchIndex index, GroundingCheck grounding, List<EvalQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int answerExpected = 0;
        int hits = 0;
        int correct = 0;
        double reciprocalRanks = 0;
        for (EvalQuestion q : questions) {
            Retrieval retrieval = index.retrieve(q.question(), List.of());
            GroundingVerdict verdict = grounding.assess(retrieval);
            boolean refused = !verdict.grounded();
            StringBuilder top = new StringBuilder();
            retrieval.top(HIT_DEPTH).forEach(p -> top.append(p.passage().text()).append('\n'));
            boolean hit = q.expectAnswer() && q.allFound(top.toString());
            double rr = 0;
            if (q.expectAnswer() && !q.facts().isEmpty()) {
                for (RankedPassage p : retrieval.top(MRR_DEPTH)) {
                    if (EvalQuestion.found(q.facts().getFirst(), p.passage().text())) {
                        rr = 1.0 / p.rank();
                        break;
                    }
                }
            }
            if (q.expectAnswer()) {
                answerExpected++;
                hits += hit ? 1 : 0;
                reciprocalRanks += rr;
                if (!hit) {
                    misses.add(q.id());
                }
            }
            if (refused != q.expectAnswer()) {
                correct++;
            } else {
                wrong.add(q.id());
            }
            outcomes.add(new Outcome(q.id(), q.question(), q.expectAnswer(), refused, verdict.reason(),
                    round(verdict.evidence().bestCoverage()), hit, round(rr),
                    retrieval.top(HIT_DEPTH).stream().map(p -> p.passage().id()).toList()));
        }
        return new Report(set, config, questions.size(), answerExpected, questions.size() - answerExpected,
                answerExpected == 0 ? 0 : hits / (double) answerExpected,
                answerExpected == 0 ? 0 : reciprocalRanks / answerExpected,
                questions.isEmpty() ? 0 : correct / (double) questions.size(), misses, wrong, outcomes);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
