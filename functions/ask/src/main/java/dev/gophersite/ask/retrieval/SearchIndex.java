package dev.gophersite.ask.retrieval;

import dev.gophersite.common.content.Page;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.DefaultContentAggregator;
import dev.langchain4j.rag.content.injector.ContentInjector;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.router.QueryRouter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retrieval over one site version: passages, their BM25 index, and langchain4j's retrieval augmentor that routes
 * each query to every retriever and fuses the rankings by reciprocal rank. Immutable; a new site version gets
 * a new instance.
 */
public final class SearchIndex {
    private static final String PASSAGE_ID = "passageId";

    private final String version;
    private final PassageIndex index;
    private final Map<TextSegment, Integer> positions;
    private final RetrievalAugmentor augmentor;
    private final int candidates;

    private SearchIndex(String version, PassageIndex index, Map<TextSegment, Integer> positions,
                        RetrievalAugmentor augmentor, int candidates) {
        this.version = version;
        this.index = index;
        this.positions = positions;
        this.augmentor = augmentor;
        this.candidates = candidates;
    }

    public static SearchIndex build(String version, List<Page> pages, RetrievalOptions options) {
        List<Passage> passages = new Chunker(options.chunkMaxChars()).chunk(pages);
        PassageIndex index = PassageIndex.build(passages, new TextAnalysis());
        List<TextSegment> segments = new ArrayList<>(passages.size());
        Map<TextSegment, Integer> positions = new HashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            TextSegment segment = TextSegment.from(p.text(), Metadata.from(Map.of(
                    PASSAGE_ID, p.id(), "slug", p.slug(), "title", p.title(), "section", p.sectionId(), "url", p.url())));
            segments.add(segment);
            positions.put(segment, i);
        }
        List<ContentRetriever> retrievers = new ArrayList<>();
        retrievers.add(new Bm25ContentRetriever(index, List.copyOf(segments), options.candidates()));
        for (ContentRetrieverFactory factory : options.extraRetrievers()) {
            retrievers.add(factory.create(List.copyOf(segments), options.candidates()));
        }
        List<ContentRetriever> route = List.copyOf(retrievers);
        QueryRouter router = query -> route;
        ContentInjector keepMessage = (contents, message) -> message;
        RetrievalAugmentor augmentor = DefaultRetrievalAugmentor.builder()
                .queryTransformer(new ConversationQueryTransformer())
                .queryRouter(router)
                .contentAggregator(new DefaultContentAggregator())
                .contentInjector(keepMessage)
                // retrieval is in-memory and fast; threads would cost more than they save
                .executor(Runnable::run)
                .build();
        return new SearchIndex(version, index, positions, augmentor, options.candidates());
    }

    public String version() {
        return version;
    }

    public PassageIndex passages() {
        return index;
    }

    /**
     * Ranks passages for the question; {@code earlierUserTurns} (oldest first) are used only to widen the search
     * for follow-up questions.
     */
    public Retrieval retrieve(String question, List<String> earlierUserTurns) {
        List<String> terms = List.copyOf(index.analysis().distinctTerms(question));
        Map<Integer, Double> lexical = new HashMap<>();
        for (PassageIndex.Hit hit : index.search(terms, index.size())) {
            lexical.put(hit.position(), hit.score());
        }
        UserMessage message = UserMessage.from(question);
        List<ChatMessage> memory = new ArrayList<>();
        earlierUserTurns.forEach(turn -> memory.add(UserMessage.from(turn)));
        AugmentationResult result = augmentor.augment(new AugmentationRequest(message,
                dev.langchain4j.rag.query.Metadata.from(message, "ask", memory)));
        List<RankedPassage> ranked = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (Content content : result.contents()) {
            Integer position = positions.get(content.textSegment());
            if (position == null || !seen.add(position)) {
                continue;
            }
            ranked.add(new RankedPassage(index.passages().get(position), position, ranked.size() + 1,
                    lexical.getOrDefault(position, 0.0)));
            if (ranked.size() == candidates) {
                break;
            }
        }
        return new Retrieval(version, question, terms, List.copyOf(ranked), index);
    }
}
