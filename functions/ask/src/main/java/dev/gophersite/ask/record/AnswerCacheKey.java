package dev.gophersite.ask.record;

import dev.gophersite.common.Hashes;

/**
 * The cache key: a hash of the question exactly as the model is given it, the site version and the model, so an
 * answer is reused only for the same wording, content and model. Variants ("what is go" and "What is Go?") are
 * answered once each: sharing one key would serve the first wording's answer for all of them. Hashing also keeps
 * question text out of the table's keys.
 */
public final class AnswerCacheKey {
    private AnswerCacheKey() {}

    public static String of(String question, String siteVersion, String model) {
        return "A#" + Hashes.sha256Hex(question.strip(), siteVersion, model);
    }
}
