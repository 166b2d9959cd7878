package dev.gophersite.ask.grounding;

import dev.gophersite.ask.retrieval.Retrieval;

/**
 * Decides from retrieval evidence alone, before any model call, whether the site can answer a question.
 *
 * <p>Two situations are told apart:
 * <ul>
 *   <li>The question names the site's subject (a term found in most passages, in practice "Go"). It is answered
 *       when it asks nothing else ("What is Go?"), when it has a single other content word (likely a paraphrase:
 *       "Who came up with Go?"), or when some top passage covers at least {@link #TOPIC_MIN_COVERAGE} of its
 *       distinctive terms' weight. "Where should I go for dinner tonight?" covers none and is refused.</li>
 *   <li>It does not. Then the best-ranked passage itself must cover at least {@link #MIN_COVERAGE} of the
 *       weight: "How do I write a decorator in Python?" matches "write" in one passage and "Python" in another,
 *       but no passage is about decorators, while "How big is the stack a goroutine starts with?" finds one
 *       passage with stack, goroutine and start together.</li>
 * </ul>
 * Coverage is weighted by term rarity (see {@link EvidenceCollector}), so the decision turns on the question's
 * distinctive words rather than on its length or its common words.
 */
public final class GroundingCheck {
    static final double MIN_COVERAGE = 0.32;
    static final double TOPIC_MIN_COVERAGE = 0.15;
    /** How many top passages the topic rule looks at; the stricter rule looks at the first only. */
    static final int TOPIC_PASSAGES = 3;

    private final EvidenceCollector firstPassage = new EvidenceCollector(1);
    private final EvidenceCollector topPassages = new EvidenceCollector(TOPIC_PASSAGES);

    public GroundingVerdict assess(Retrieval retrieval) {
        if (retrieval.ranked().isEmpty()) {
            return new GroundingVerdict(false, "no-match", firstPassage.collect(retrieval));
        }
        Evidence first = firstPassage.collect(retrieval);
        if (first.mentionsTopic()) {
            if (first.distinctiveTerms().size() <= 1) {
                return new GroundingVerdict(true, "topic", first);
            }
            Evidence top = topPassages.collect(retrieval);
            return top.bestCoverage() >= TOPIC_MIN_COVERAGE
                    ? new GroundingVerdict(true, "topic-covered", top)
                    : new GroundingVerdict(false, "topic-uncovered", top);
        }
        if (first.distinctiveTerms().isEmpty()) {
            return new GroundingVerdict(false, "no-content-terms", first);
        }
        return first.bestCoverage() >= MIN_COVERAGE
                ? new GroundingVerdict(true, "covered", first)
                : new GroundingVerdict(false, "uncovered", first);
    }
}
