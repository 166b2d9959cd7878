package dev.gophersite.ask.eval;

import dev.gophersite.ask.retrieval.Embedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real embedding model whose vectors are kept per text, so that calibrating a threshold over many services built
 * on the same site embeds each statement once. Vectors are the model's own; only repeated work is saved.
 */
final class RememberingEmbedder implements Embedder {
    private final Embedder model;
    private final Map<String, float[]> queries = new ConcurrentHashMap<>();
    private final Map<String, float[]> passages = new ConcurrentHashMap<>();

    RememberingEmbedder(Embedder model) {
        this.model = model;
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
        List<String> missing = texts.stream().filter(t -> !passages.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = model.embedAll(missing);
            for (int i = 0; i < missing.size(); i++) {
                passages.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(passages.get(t)));
        return out;
    }
}
