package dev.gophersite.ask.generation;

import dev.gophersite.ask.retrieval.RankedPassage;
import dev.langchain4j.data.message.ChatMessage;

import java.util.List;

/**
 * @param passages the passages numbered in the prompt, in order: citation {@code [n]} means {@code passages[n-1]}
 */
public record Prompt(List<ChatMessage> messages, List<RankedPassage> passages) {
}
