package dev.gophersite.ask.answer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The cache key: a hash of the normalised question, the site version and the model, so an answer is reused only
 * for the same content and model, and questions differing in case, spacing or a trailing "?" share it. Hashing
 * also keeps question text out of the table's keys.
 */
public final class AnswerCacheKey {
    private AnswerCacheKey() {
    }

    public static String of(String question, String siteVersion, String model) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {normalise(question), siteVersion, model}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return "A#" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String normalise(String question) {
        String text = Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = text.replaceAll("\\s+", " ").strip();
        return text.replaceAll("[\\s?!.]+$", "");
    }
}
