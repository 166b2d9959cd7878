package dev.gophersite.ask.index;

import dev.gophersite.common.lifecycle.NativeWork;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An in-process embedding model from langchain4j's bundled ONNX models (no network, no download): by default
 * all-MiniLM-L6-v2, quantised, whose 384-dimension vectors separate the site's questions best of the models tried
 * (docs/evaluation.md).
 */
public final class OnnxEmbedder implements Embedder {
    private static final int BATCH = 64;
    /** all-MiniLM-L6-v2, quantised: the model the function ships with. */
    public static final String MINILM = "all-minilm-l6-v2-q";

    private final String name;
    private final Supplier<EmbeddingModel> loader;
    private final String queryPrefix;
    private final String passagePrefix;
    private volatile EmbeddingModel model;

    /**
     * @param name          the model's name, as vectors and reports carry it
     * @param loader        builds the model (a second or more: native runtime, model file, tokenizer) on first use
     * @param queryPrefix   the instruction some models (BGE, E5) expect before a question; empty for none
     * @param passagePrefix what some models (E5) expect before a text that is searched; empty for none
     */
    public OnnxEmbedder(String name, Supplier<EmbeddingModel> loader, String queryPrefix, String passagePrefix) {
        this.name = name;
        this.loader = loader;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
    }

    public static OnnxEmbedder miniLm() {
        return new OnnxEmbedder(MINILM, AllMiniLmL6V2QuantizedEmbeddingModel::new, "", "");
    }

    private EmbeddingModel loaded() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = NativeWork.run(loader);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public float[] embedQuery(String text) {
        EmbeddingModel loaded = loaded();
        return unit(
                NativeWork.run(() -> loaded.embed(queryPrefix + text)).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedAll(texts, passagePrefix);
    }

    @Override
    public List<float[]> embedQueries(List<String> texts) {
        return embedAll(texts, queryPrefix);
    }

    private List<float[]> embedAll(List<String> texts, String prefix) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        EmbeddingModel loaded = loaded();
        // in batches, so that an exiting process waits for one batch rather than the whole site
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(text -> TextSegment.from(prefix + text))
                    .toList();
            for (Embedding embedding :
                    NativeWork.run(() -> loaded.embedAll(batch)).content()) {
                vectors.add(unit(embedding.vector()));
            }
        }
        return vectors;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = (float) (1 / Math.sqrt(norm == 0 ? 1 : norm));
        float[] out = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            out[i] = vector[i] * scale;
        }
        return out;
    }
}
