package dev.gophersite.ask.grounding;

/**
 * @param reason short machine-readable cause, for logs and evaluation
 */
public record GroundingVerdict(boolean grounded, String reason, Evidence evidence) {
}
