package dev.gophersite.ask.answer;

import java.util.List;

/** What the answer cache keeps of a model answer: everything but the timings. */
public record CachedAnswer(String id, String answer, List<Source> sources, String model) {

    public CachedAnswer {
        sources = List.copyOf(sources);
    }
}
