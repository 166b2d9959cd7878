package dev.gophersite.ask.eval;

import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.index.SiteSearch;
import dev.gophersite.ask.retrieval.Retriever;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How well the grounding score tells the questions a set's pages answer from those they do not, apart from where
 * the threshold sits: the share of (covered, uncovered) pairs it orders right (AUC), the fewest errors any single
 * threshold could make on the set, even one chosen on the set itself, and the errors at the shipped threshold.
 * When the fewest possible errors already exceed what a goal allows, moving the threshold cannot reach it; the
 * evidence has to separate better. Whole single-turn questions only (kinds covered and uncovered), so the number
 * is about the score, not about clause splitting or follow-ups.
 */
final class GroundingSeparation {

    record Row(
            String set,
            String config,
            int covered,
            int uncovered,
            double auc,
            int fewestErrors,
            int errorsAtThreshold) {}

    private final SearchIndex index;
    private final GroundingCheck check;

    GroundingSeparation(ContentStore store, RetrievalOptions options, GroundingCheck check) {
        SiteSearch search = new SiteSearch(store, options, new JsonLog(GroundingSeparation.class));
        search.index();
        AnswerEvaluator.requireMeaning(options, search.awaitMeaning(AnswerEvaluator.MEANING_WAIT));
        this.index = search.index();
        this.check = check;
    }

    Row measure(String set, String config, List<EvalQuestion> questions) {
        List<Double> covered = new ArrayList<>();
        List<Double> uncovered = new ArrayList<>();
        for (EvalQuestion q : questions) {
            if (!q.history().isEmpty()
                    || !(q.kind().equals("covered") || q.kind().equals("uncovered"))) {
                continue;
            }
            double margin = check.assess(Retriever.retrieve(index, q.question(), List.of()))
                    .margin();
            (q.expectAnswer() ? covered : uncovered).add(margin);
        }
        return new Row(
                set,
                config,
                covered.size(),
                uncovered.size(),
                auc(covered, uncovered),
                fewestErrors(covered, uncovered),
                errors(covered, uncovered, 0));
    }

    static double auc(List<Double> covered, List<Double> uncovered) {
        if (covered.isEmpty() || uncovered.isEmpty()) {
            return Double.NaN;
        }
        double ordered = 0;
        for (double c : covered) {
            for (double u : uncovered) {
                ordered += c > u ? 1 : c == u ? 0.5 : 0;
            }
        }
        return ordered / ((double) covered.size() * uncovered.size());
    }

    /** Over every threshold that makes a difference: each observed margin, and one above them all. */
    static int fewestErrors(List<Double> covered, List<Double> uncovered) {
        TreeSet<Double> thresholds = new TreeSet<>(covered);
        thresholds.addAll(uncovered);
        thresholds.add(Double.POSITIVE_INFINITY);
        return thresholds.stream()
                .mapToInt(t -> errors(covered, uncovered, t))
                .min()
                .orElse(0);
    }

    /** Covered questions below the threshold (false refusals) plus uncovered ones at or above it (answered). */
    static int errors(List<Double> covered, List<Double> uncovered, double threshold) {
        return (int) (covered.stream().filter(m -> m < threshold).count()
                + uncovered.stream().filter(m -> m >= threshold).count());
    }
}
