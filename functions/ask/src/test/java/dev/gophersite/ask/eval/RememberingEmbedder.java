package dev.gophersite.ask.eval;

import dev.gophersite.ask.retrieval.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A real embedding model whose vectors are kept per text, so that calibrating a threshold over many services built
 * on the same site embeds each statement once. Vectors are the model's own; only repeated work is saved.
 */
final class RememberingEmbedder implements Embedder {
    private final Embedder model;
    private final double minEvidence;
    private final Map<String, float[]> queries;
    private final Map<String, float[]> passages;

    RememberingEmbedder(Embedder model) {
        this(model, model.minEvidence(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    private RememberingEmbedder(Embedder model, double minEvidence, Map<String, float[]> queries,
                                Map<String, float[]> passages) {
        this.model = model;
        this.minEvidence = minEvidence;
        this.queries = queries;
        this.passages = passages;
    }

    /** The same model and vectors, judged at another grounding threshold. */
    RememberingEmbedder withMinEvidence(double threshold) {
        return new RememberingEmbedder(model, threshold, queries, passages);
    }

    @Override
    public double minEvidence() {
        return minEvidence;
    }

    @Override
    public String model() {
        return model.model();
    }

    @Override
    public float[] embedQuery(String text) {
        return queries.computeIfAbsent(text, model::embedQuery);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return remembered(texts, passages, model::embedAll);
    }

    @Override
    public List<float[]> embedQueries(List<String> texts) {
        return remembered(texts, queries, model::embedQueries);
    }

    private static List<float[]> remembered(List<String> texts, Map<String, float[]> known,
                                            Function<List<String>, List<float[]>> embed) {
        List<String> missing = texts.stream().filter(t -> !known.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = embed.apply(missing);
            for (int i = 0; i < missing.size(); i++) {
                known.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(known.get(t)));
        return out;
    }
}
