package dev.gophersite.ask.eval;

import dev.gophersite.ask.index.Embedder;
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
        return remembered(texts, passages, model::embedAll);
    }

    @Override
    public List<float[]> embedQueries(List<String> texts) {
        return remembered(texts, queries, model::embedQueries);
    }

    private static List<float[]> remembered(
            List<String> texts, Map<String, float[]> known, Function<List<String>, List<float[]>> embed) {
        List<String> missing =
                texts.stream().filter(t -> !known.containsKey(t)).distinct().toList();
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
