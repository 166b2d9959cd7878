package dev.gophersite.ask.grounding;

import java.util.List;

/**
 * Retrieval evidence for one question, the inputs of the grounding decision (also logged and evaluated).
 *
 * @param topicTerms       question terms that occur in most passages: the site's own subject ("go")
 * @param distinctiveTerms the other question terms; these say what the question is about
 * @param bestCoverage     highest share, over the top passage(s), of the distinctive terms' weight that a
 *                         single passage contains (0 when there are no distinctive terms)
 * @param unionCoverage    share of the distinctive terms' weight found anywhere in the top passages
 * @param topScore         BM25 score of the best passage
 */
public record Evidence(List<String> topicTerms, List<String> distinctiveTerms, double bestCoverage,
                       double unionCoverage, double topScore) {

    public boolean mentionsTopic() {
        return !topicTerms.isEmpty();
    }
}
