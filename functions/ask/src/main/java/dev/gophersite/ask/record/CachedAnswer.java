package dev.gophersite.ask.record;

import java.util.List;

/**
 * What the answer cache keeps of a model answer: everything but the timings and the id, which each response gets
 * afresh (the feedback on an answer is one person's).
 */
public record CachedAnswer(String answer, List<Source> sources, String model) {

    public CachedAnswer {
        sources = List.copyOf(sources);
    }
}
