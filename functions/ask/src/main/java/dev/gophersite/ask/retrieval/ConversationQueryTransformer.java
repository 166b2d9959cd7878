package dev.gophersite.ask.retrieval;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;

import java.util.Collection;
import java.util.List;

/**
 * A follow-up such as "and when did that ship?" names little of its subject, so with history the question is
 * also searched together with the previous user turn; the aggregator then fuses both rankings. Without
 * history this is the identity.
 */
public final class ConversationQueryTransformer implements QueryTransformer {

    @Override
    public Collection<Query> transform(Query query) {
        List<ChatMessage> memory = query.metadata() == null ? List.of() : query.metadata().chatMemory();
        if (memory == null) {
            return List.of(query);
        }
        for (int i = memory.size() - 1; i >= 0; i--) {
            if (memory.get(i) instanceof UserMessage previous && previous.hasSingleText()) {
                return List.of(query, Query.from(previous.singleText() + "\n" + query.text(), query.metadata()));
            }
        }
        return List.of(query);
    }
}
