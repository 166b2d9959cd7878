package dev.gophersite.ask.retrieval;

import java.util.List;

/**
 * What retrieval found for one question, with what the grounding check and extractive answers need to judge it.
 *
 * @param version     site version the index was built from
 * @param queryTerms  the question's distinct analysed content terms, in order
 * @param ranked      passages in fused rank order
 */
public record Retrieval(String version, String question, List<String> queryTerms, List<RankedPassage> ranked,
                        PassageIndex index) {

    public List<RankedPassage> top(int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }
}
