package dev.gophersite.ask.grounding;

/**
 * @param grounded  whether the site answers the question: without a model, the answer or the refusal
 * @param plausible whether the question is close enough to the site's subject to put to a model, which then decides
 *                  from the passages; false for what is clearly about something else
 * @param reason    short machine-readable cause, for logs and evaluation
 * @param margin    how far the evidence score lies above (positive) or below (negative) the threshold; infinite when
 *                  a rule decided without a score (an unknown name, nothing found, only the site's subject)
 */
public record GroundingVerdict(boolean grounded, boolean plausible, String reason, Evidence evidence, double margin) {
    /** A question in another language that shares no Go term with the pages. */
    public static final String OTHER_LANGUAGE = "other-language";

    static GroundingVerdict byRule(boolean grounded, String reason, Evidence evidence) {
        return new GroundingVerdict(
                grounded, grounded, reason, evidence, grounded ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    }

    /** @param plausibleShare the share of the threshold a score needs for a model to be asked */
    static GroundingVerdict scored(double score, double threshold, double plausibleShare, Evidence evidence) {
        boolean grounded = score >= threshold;
        return new GroundingVerdict(
                grounded,
                score >= plausibleShare * threshold,
                grounded ? "covered" : "uncovered",
                evidence,
                score - threshold);
    }
}
