package dev.gophersite.ask.answering;

import dev.gophersite.ask.retrieval.RankedPassage;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/**
 * @param numbered the passages numbered in the prompt, in order: citation {@code [n]} means {@code numbered[n-1]}
 */
public record Prompt(List<ChatMessage> messages, List<RankedPassage> numbered) {}
