package dev.gophersite.ask.eval;

import dev.gophersite.ask.retrieval.ContentRetrieverFactory;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedding retriever measured against BM25: chunk embeddings computed when an index version is built, kept
 * in langchain4j's in-memory store, searched by cosine similarity. Test-only because it did not earn its cost.
 */
final class EmbeddingRetrievers {
    private EmbeddingRetrievers() {
    }

    /**
     * @param queryPrefix instruction some models (BGE) expect before a search query, empty for none
     * @param embedMillis receives the time spent embedding all segments of an index build
     */
    static ContentRetrieverFactory factory(EmbeddingModel model, String queryPrefix, AtomicLong embedMillis) {
        return (segments, maxResults) -> {
            long start = System.nanoTime();
            List<Embedding> embeddings = model.embedAll(segments).content();
            embedMillis.set((System.nanoTime() - start) / 1_000_000);
            InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
            store.addAll(embeddings, segments);
            return EmbeddingStoreContentRetriever.builder()
                    .embeddingStore(store)
                    .embeddingModel(prefixed(model, queryPrefix))
                    .maxResults(maxResults)
                    .minScore(0.0)
                    .build();
        };
    }

    static EmbeddingModel prefixed(EmbeddingModel model, String prefix) {
        if (prefix.isEmpty()) {
            return model;
        }
        return new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                return model.embedAll(segments.stream().map(s -> TextSegment.from(prefix + s.text(), s.metadata())).toList());
            }
        };
    }
}
