package dev.gophersite.ask.grounding;

import dev.gophersite.ask.index.LexicalIndex;
import dev.gophersite.ask.index.SectionMatch;
import dev.gophersite.ask.index.Statement;
import dev.gophersite.ask.question.QuestionKind;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retrieval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Measures how well the top passages cover what a question asks about. Each distinctive term is weighted by its
 * rarity ({@link LexicalIndex#idf}), so matching a rare term ("defer", "goroutine") counts for more than matching
 * a common one ("use", "time"); coverage by one statement, with the heading it stands under, says more than
 * coverage spread over a whole passage.
 */
public final class EvidenceCollector {
    private final int passagesConsidered;

    public EvidenceCollector(int passagesConsidered) {
        this.passagesConsidered = passagesConsidered;
    }

    public Evidence collect(Retrieval retrieval) {
        LexicalIndex index = retrieval.lexical();
        List<String> topic = new ArrayList<>();
        List<String> distinctive = new ArrayList<>();
        for (String term : retrieval.queryTerms()) {
            if (index.isSubject(term)) {
                topic.add(term);
            } else {
                distinctive.add(term);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String name : retrieval.question().identifiers()) {
            if (!retrieval.index().mentions(name.toLowerCase(Locale.ROOT))) {
                unknown.add(name);
            }
        }
        double total = 0;
        double unseen = 0;
        for (String term : distinctive) {
            total += index.idf(term);
            unseen += index.documentFrequency(term) == 0 ? index.idf(term) : 0;
        }
        double bestStatement = 0;
        double bestPassage = 0;
        Optional<Double> bestSimilarity = Optional.empty();
        boolean fitsKind = false;
        QuestionKind kind = retrieval.question().kind();
        for (RankedPassage passage : retrieval.top(passagesConsidered)) {
            bestPassage = Math.max(
                    bestPassage, coverage(index, distinctive, index.termsOf(passage.position()), Set.of(), total));
            Set<String> heading = retrieval.index().headingTerms(passage.position());
            for (Statement statement : retrieval.index().statementsOf(passage.position())) {
                double covered = coverage(index, distinctive, statement.terms(), heading, total);
                bestStatement = Math.max(bestStatement, covered);
                fitsKind |= covered > 0 && kind.fits(statement.text());
                Optional<Double> similarity = retrieval.index().similarity(retrieval.meaning(), statement);
                if (similarity.isPresent() && (bestSimilarity.isEmpty() || similarity.get() > bestSimilarity.get())) {
                    bestSimilarity = similarity;
                }
            }
        }
        return new Evidence(
                List.copyOf(topic),
                List.copyOf(distinctive),
                List.copyOf(unknown),
                bestStatement,
                bestPassage,
                total == 0 ? 0 : unseen / total,
                bestSimilarity,
                fitsKind,
                retrieval.bestMatch().map(SectionMatch::similarity));
    }

    private static double coverage(
            LexicalIndex index, List<String> distinctive, Set<String> terms, Set<String> heading, double total) {
        if (total == 0) {
            return 0;
        }
        double covered = 0;
        for (String term : distinctive) {
            if (terms.contains(term) || heading.contains(term)) {
                covered += index.idf(term);
            }
        }
        return covered / total;
    }
}
