package dev.gophersite.ask.index;

import java.util.Optional;

/**
 * How a site version is indexed and ranked.
 *
 * @param chunkMaxChars longest passage before a section is split
 * @param candidates    how many passages a ranking keeps
 * @param embedder      the meaning of statements and authored questions, for ranking, grounding and extractive
 *                      answers; empty for lexical evidence alone
 * @param fuseSemantic  also rank passages by meaning and fuse that ranking with BM25's (reciprocal rank);
 *                      measured, and off in the shipped configuration: it did not place the answer higher on the
 *                      tuning questions (docs/evaluation.md)
 */
public record RetrievalOptions(int chunkMaxChars, int candidates, Optional<Embedder> embedder, boolean fuseSemantic) {

    public RetrievalOptions {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }

    public static RetrievalOptions bm25() {
        return new RetrievalOptions(Chunker.DEFAULT_MAX_CHARS, 10, Optional.empty(), false);
    }

    /** BM25 ranking; lexical and semantic evidence for grounding and extractive answers. */
    public static RetrievalOptions withMeaning(Embedder embedder) {
        return new RetrievalOptions(Chunker.DEFAULT_MAX_CHARS, 10, Optional.of(embedder), false);
    }

    /** As {@link #withMeaning}, and the semantic ranking fused with BM25's. */
    public static RetrievalOptions hybrid(Embedder embedder) {
        return new RetrievalOptions(Chunker.DEFAULT_MAX_CHARS, 10, Optional.of(embedder), true);
    }

    public RetrievalOptions lexicalOnly() {
        return new RetrievalOptions(chunkMaxChars, candidates, Optional.empty(), false);
    }
}
