package dev.gophersite.ask.retrieval;

import dev.gophersite.ask.index.Passage;

/**
 * A passage in the fused ranking.
 *
 * @param rank  1-based
 * @param score the passage's BM25 score for the question; 0 when only a non-lexical retriever found it
 */
public record RankedPassage(Passage passage, int position, int rank, double score) {}
