package dev.gophersite.ask.retrieval;

import java.util.List;

/**
 * @param chunkMaxChars    longest passage before a section is split
 * @param candidates       how many passages each retriever returns before fusion
 * @param extraRetrievers  retrievers fused with BM25 by reciprocal rank; empty in production: BM25 alone
 *                         measured better than either embedding model fused with it (EmbeddingComparisonTest)
 */
public record RetrievalOptions(int chunkMaxChars, int candidates, List<ContentRetrieverFactory> extraRetrievers) {

    public RetrievalOptions {
        extraRetrievers = List.copyOf(extraRetrievers);
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }

    public static RetrievalOptions bm25() {
        return new RetrievalOptions(Chunker.DEFAULT_MAX_CHARS, 10, List.of());
    }

    public RetrievalOptions withExtraRetriever(ContentRetrieverFactory factory) {
        List<ContentRetrieverFactory> all = new java.util.ArrayList<>(extraRetrievers);
        all.add(factory);
        return new RetrievalOptions(chunkMaxChars, candidates, all);
    }
}
