package dev.gophersite.ask.grounding;

/**
 * @param reason short machine-readable cause, for logs and evaluation
 * @param margin how far the evidence score lies above (positive) or below (negative) the threshold; infinite when a
 *               rule decided without a score (an unknown name, nothing found, only the site's subject)
 */
public record GroundingVerdict(boolean grounded, String reason, Evidence evidence, double margin) {

    static GroundingVerdict byRule(boolean grounded, String reason, Evidence evidence) {
        return new GroundingVerdict(grounded, reason, evidence,
                grounded ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
    }

    static GroundingVerdict scored(double score, double threshold, Evidence evidence) {
        boolean grounded = score >= threshold;
        return new GroundingVerdict(grounded, grounded ? "covered" : "uncovered", evidence, score - threshold);
    }
}
