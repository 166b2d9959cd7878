package dev.gophersite.ask.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted reciprocal-rank fusion: a passage scores {@code weight / (K + rank)} in each ranking that holds it, plus
 * any score of its own, and the sums order the result. Rankings from different retrievers have scores on different scales (BM25, cosine
 * similarity); their ranks compare. A small {@code K} lets the top of a ranking count for much more than its tail,
 * which suits a site of a few dozen sections where the first few places are what matters.
 */
final class RankFusion {
    static final double K = 2;

    /** @param positions passage positions, best first */
    record Ranking(List<Integer> positions, double weight) {}

    /**
     * Scores of their own to add to the fused ones, for a retriever whose scores say more than its ranks: how far
     * behind the best a section's authored questions are matters, not only that they are second.
     */
    record Scored(Map<Integer, Double> scores) {}

    private RankFusion() {}

    /** The fused order, at most {@code limit} passages; ties keep the order of the earlier ranking. */
    static List<Integer> fuse(List<Ranking> rankings, Scored extra, int limit) {
        Map<Integer, Double> scores = new HashMap<>(extra.scores());
        Map<Integer, Integer> firstSeen = new HashMap<>();
        for (Ranking ranking : rankings) {
            for (int rank = 0; rank < ranking.positions().size(); rank++) {
                int position = ranking.positions().get(rank);
                scores.merge(position, ranking.weight() / (K + rank + 1), Double::sum);
                firstSeen.putIfAbsent(position, firstSeen.size());
            }
        }
        extra.scores().keySet().forEach(position -> firstSeen.putIfAbsent(position, firstSeen.size()));
        List<Integer> fused = new ArrayList<>(scores.keySet());
        fused.sort(Comparator.comparingDouble((Integer p) -> -scores.get(p)).thenComparing(firstSeen::get));
        return List.copyOf(fused.subList(0, Math.min(limit, fused.size())));
    }
}
