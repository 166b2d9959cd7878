package dev.gophersite.ask.retrieval;

import dev.gophersite.ask.index.LexicalIndex;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.index.SectionMatch;
import dev.gophersite.ask.question.Question;
import java.util.List;
import java.util.Optional;

/**
 * What retrieval found for one question, with the index it came from, for the grounding check and extractive
 * answers to weigh.
 *
 * @param version site version the index was built from
 * @param ranked  passages in fused rank order
 * @param meaning the question's vector, when the index has an embedder
 * @param matches the sections whose authored questions come closest to it, closest first; empty without meaning
 */
public record Retrieval(
        String version,
        Question question,
        List<RankedPassage> ranked,
        SearchIndex index,
        Optional<float[]> meaning,
        List<SectionMatch> matches) {

    /** The closest section by its authored questions, if the index has meaning and the site has any. */
    public Optional<SectionMatch> bestMatch() {
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.getFirst());
    }

    public List<RankedPassage> top(int n) {
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    public LexicalIndex lexical() {
        return index.lexical();
    }

    /** The question's distinct analysed terms. */
    public List<String> queryTerms() {
        return question.terms();
    }
}
