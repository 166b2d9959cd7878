package dev.gophersite.ask.grounding;

import java.util.List;
import java.util.Optional;

/**
 * Retrieval evidence for one question, the inputs of the grounding decision (also logged and evaluated).
 *
 * @param topicTerms          question terms that occur in most passages: the site's own subject ("go")
 * @param distinctiveTerms    the other question terms; these say what the question is about
 * @param unknownNames        code-like names in the question that the site never mentions
 * @param statementCoverage   highest share of the distinctive terms' weight that one statement of a top passage
 *                            (with its section heading) contains
 * @param passageCoverage     highest share that one top passage contains
 * @param unseenShare         share of the distinctive terms' weight that no passage contains at all
 * @param similarity          highest cosine similarity between the question and a statement of a top passage;
 *                            empty without an embedder
 * @param fitsKind            whether a statement of a top passage that shares a distinctive term also holds the
 *                            kind of fact the question asks for (a date for "when", a name for "who")
 * @param questionSimilarity  highest cosine similarity between the question and a question the site's authors wrote
 *                            for a section; empty without an embedder or authored questions
 */
public record Evidence(
        List<String> topicTerms,
        List<String> distinctiveTerms,
        List<String> unknownNames,
        double statementCoverage,
        double passageCoverage,
        double unseenShare,
        Optional<Double> similarity,
        boolean fitsKind,
        Optional<Double> questionSimilarity) {

    public boolean mentionsTopic() {
        return !topicTerms.isEmpty();
    }
}
