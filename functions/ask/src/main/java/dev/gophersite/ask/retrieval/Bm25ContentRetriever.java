package dev.gophersite.ask.retrieval;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lexical retriever: Lucene BM25 over the passages, answering with the passages' shared segments. */
public final class Bm25ContentRetriever implements ContentRetriever {
    private final LexicalIndex index;
    private final List<TextSegment> segments;
    private final int maxResults;

    /** {@code segments} are in passage order, the same objects every retriever of this index returns. */
    public Bm25ContentRetriever(LexicalIndex index, List<TextSegment> segments, int maxResults) {
        this.index = index;
        this.segments = segments;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return contents(index.search(index.analysis().terms(query.text()), maxResults));
    }

    /** Hits of a search already run, as this retriever's contents. */
    List<Content> contents(List<LexicalIndex.Hit> hits) {
        List<Content> contents = new ArrayList<>(hits.size());
        for (LexicalIndex.Hit hit : hits) {
            contents.add(Content.from(segments.get(hit.position()), Map.of(ContentMetadata.SCORE, hit.score())));
        }
        return contents;
    }
}
