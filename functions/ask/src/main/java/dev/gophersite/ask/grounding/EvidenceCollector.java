package dev.gophersite.ask.grounding;

import dev.gophersite.ask.retrieval.PassageIndex;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.Retrieval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Measures how well the top passages cover what a question asks about.
 *
 * <p>Each distinctive term is weighted by its inverse document frequency, so matching a rare term ("defer",
 * "goroutine") counts for more than matching a common one ("use", "time"). A term no passage contains is
 * weighted like a term that occurs once: it may be a paraphrase of something the site says in other words
 * ("came up with") or a subject the site does not cover ("decorator"), and counting it as the rarest possible
 * term would make every reworded question look off-topic.
 */
public final class EvidenceCollector {
    /** A term in at least this share of passages is the site's subject rather than a question's. */
    static final double TOPIC_SHARE = 0.5;
    private final int passagesConsidered;

    public EvidenceCollector(int passagesConsidered) {
        this.passagesConsidered = passagesConsidered;
    }

    public Evidence collect(Retrieval retrieval) {
        PassageIndex index = retrieval.index();
        List<String> topic = new ArrayList<>();
        List<String> distinctive = new ArrayList<>();
        for (String term : retrieval.queryTerms()) {
            if (index.size() > 0 && index.documentFrequency(term) >= TOPIC_SHARE * index.size()) {
                topic.add(term);
            } else {
                distinctive.add(term);
            }
        }
        List<RankedPassage> top = retrieval.top(passagesConsidered);
        double total = 0;
        for (String term : distinctive) {
            total += weight(index, term);
        }
        double best = 0;
        Set<String> union = new HashSet<>();
        for (RankedPassage passage : top) {
            Set<String> terms = index.termsOf(passage.position());
            double covered = 0;
            for (String term : distinctive) {
                if (terms.contains(term)) {
                    covered += weight(index, term);
                    union.add(term);
                }
            }
            best = Math.max(best, total == 0 ? 0 : covered / total);
        }
        double unionWeight = 0;
        for (String term : union) {
            unionWeight += weight(index, term);
        }
        double topScore = top.isEmpty() ? 0 : top.getFirst().score();
        return new Evidence(List.copyOf(topic), List.copyOf(distinctive), best,
                total == 0 ? 0 : unionWeight / total, topScore);
    }

    static double weight(PassageIndex index, String term) {
        int df = Math.max(1, index.documentFrequency(term));
        return Math.log(1 + (index.size() - df + 0.5) / (df + 0.5));
    }
}
