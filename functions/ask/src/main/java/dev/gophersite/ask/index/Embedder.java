package dev.gophersite.ask.index;

import java.util.List;

/**
 * Turns text into unit-length vectors whose dot product is their cosine similarity: the semantic half of
 * retrieval and grounding, which meets paraphrases ("who made golang" and "three Google veterans started a
 * language") that share no words.
 */
public interface Embedder {

    /** Names the model, so vectors computed elsewhere are used only with the model that made them. */
    String model();

    float[] embedQuery(String text);

    /** Texts that are searched (statements, passages). */
    List<float[]> embedAll(List<String> texts);

    /** Texts worded as questions, as {@link #embedQuery} embeds each, in one call. */
    List<float[]> embedQueries(List<String> texts);

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
