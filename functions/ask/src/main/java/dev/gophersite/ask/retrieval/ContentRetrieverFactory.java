package dev.gophersite.ask.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.retriever.ContentRetriever;

import java.util.List;

/**
 * Builds an additional retriever over one index version's segments (for example an embedding retriever), to be
 * fused with BM25. It must answer with the given segment objects so fusion recognises the same passage.
 */
@FunctionalInterface
public interface ContentRetrieverFactory {
    ContentRetriever create(List<TextSegment> segments, int maxResults);
}
