package dev.gophersite.ask.grounding;

import dev.gophersite.ask.index.Embedder;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.ask.question.Instructions;
import dev.gophersite.ask.retrieval.Retrieval;
import java.util.Map;
import java.util.Optional;

/**
 * Decides from retrieval evidence alone, before any model call, whether the site answers a question.
 *
 * <ul>
 *   <li>A question naming code the site never mentions ({@code sync.WaitGroup}, {@code GOMEMLIMIT}) is not
 *       answered here, however close the topic.</li>
 *   <li>A question with nothing but the site's subject ("What is Go?") is answered.</li>
 *   <li>Otherwise the evidence is scored: how much of the weight of the question's distinctive terms one statement
 *       of a top passage (read with its section heading) holds, how close in meaning the closest such statement is,
 *       and whether the kind of fact asked for is there; without meaning, terms no page uses count against it.</li>
 * </ul>
 * Weights are term rarity (see {@link EvidenceCollector}); the thresholds are calibrated on every evaluation set
 * but the real-user test half (docs/evaluation.md), the one with meaning per embedding model ({@link #THRESHOLDS}),
 * since each model's similarities sit in their own range.
 */
public final class GroundingCheck {
    static final int PASSAGES_CONSIDERED = 5;
    /**
     * With meaning: coverage + similarity to the closest statement + 0.3 if the kind of fact asked for is there +
     * 2 × similarity to the closest authored question, at least the model's threshold. Question to question is the
     * strongest evidence small models give; the weights are those that made the fewest errors on every evaluation
     * set but the test half.
     */
    static final double SIMILARITY_WEIGHT = 1.0;

    static final double SHAPE_WEIGHT = 0.3;
    static final double QUESTION_WEIGHT = 2.0;
    /** Lexical evidence alone: coverage − 0.25 × unseen share + 0.1 if the kind of fact is there, at least 0.3. */
    static final double UNSEEN_WEIGHT = 0.25;

    static final double LEXICAL_SHAPE_WEIGHT = 0.1;
    static final double MIN_LEXICAL_SCORE = 0.3;

    /**
     * With a model, the share of the threshold a question must score to reach it: the model then decides from the
     * passages. Low enough that the facts of 0.95 of the covered questions of the tuning half reach the model; what
     * scores below it is plainly about something else.
     */
    static final double PLAUSIBLE_SHARE = 0.7;

    /**
     * The score a question needs with each embedding model's similarities in the evidence, as the evaluation's
     * calibration finds it (a test holds the shipped model's to it). A model without one cannot be used.
     */
    static final Map<String, Double> THRESHOLDS = Map.of(OnnxEmbedder.MINILM, 2.2, "bge-small-en-v15-q", 2.6);

    private final EvidenceCollector collector = new EvidenceCollector(PASSAGES_CONSIDERED);
    private final double minScore;

    /** @param minScore the score a question needs when the evidence has meaning; see {@link #THRESHOLDS} */
    public GroundingCheck(double minScore) {
        this.minScore = minScore;
    }

    /** The check for the model whose similarities the evidence holds, if any, at its calibrated threshold. */
    public static GroundingCheck forModel(Optional<Embedder> embedder) {
        // without an embedder the evidence has no similarity and the lexical threshold applies
        return new GroundingCheck(embedder.map(GroundingCheck::threshold).orElse(Double.POSITIVE_INFINITY));
    }

    public static double threshold(Embedder embedder) {
        Double threshold = THRESHOLDS.get(embedder.model());
        if (threshold == null) {
            throw new IllegalArgumentException("no grounding threshold calibrated for the embedding model "
                    + embedder.model() + "; calibrated: " + THRESHOLDS.keySet());
        }
        return threshold;
    }

    public GroundingVerdict assess(Retrieval retrieval) {
        Evidence evidence = collector.collect(retrieval);
        if (retrieval.ranked().isEmpty()) {
            return GroundingVerdict.byRule(false, "no-match", evidence);
        }
        if (Instructions.addressedToTheAssistant(retrieval.question().asked())) {
            return GroundingVerdict.byRule(false, "instructions", evidence);
        }
        if (!evidence.unknownNames().isEmpty()) {
            return GroundingVerdict.byRule(false, "unknown-name", evidence);
        }
        if (!retrieval.question().english()) {
            // the embedding model reads English: a question in another language is judged by its Go terms alone
            if (evidence.distinctiveTerms().isEmpty()) {
                return GroundingVerdict.byRule(false, GroundingVerdict.OTHER_LANGUAGE, evidence);
            }
            return lexical(evidence);
        }
        if (evidence.distinctiveTerms().isEmpty()) {
            return GroundingVerdict.byRule(
                    evidence.mentionsTopic(), evidence.mentionsTopic() ? "topic" : "no-content-terms", evidence);
        }
        if (evidence.similarity().isPresent()) {
            double score = evidence.statementCoverage()
                    + SIMILARITY_WEIGHT * evidence.similarity().get()
                    + (evidence.fitsKind() ? SHAPE_WEIGHT : 0)
                    + QUESTION_WEIGHT * evidence.questionSimilarity().orElse(0.0);
            return GroundingVerdict.scored(score, minScore, PLAUSIBLE_SHARE, evidence);
        }
        return lexical(evidence);
    }

    private static GroundingVerdict lexical(Evidence evidence) {
        double score = evidence.statementCoverage()
                - UNSEEN_WEIGHT * evidence.unseenShare()
                + (evidence.fitsKind() ? LEXICAL_SHAPE_WEIGHT : 0);
        return GroundingVerdict.scored(score, MIN_LEXICAL_SCORE, PLAUSIBLE_SHARE, evidence);
    }
}
