package dev.gophersite.ask.question;

import java.util.List;

/**
 * A question as the pipeline reads it.
 *
 * @param text        what retrieval searches for: the question itself, or, for a follow-up, the question together
 *                    with the earlier user turn it refers to
 * @param asked       the user's own words of this turn
 * @param kind        what kind of fact it asks for
 * @param terms       its distinct analysed terms (stemmed, stop words removed, synonyms applied), in order
 * @param identifiers code-like names in it ({@code sync.WaitGroup}, {@code GOMEMLIMIT}, {@code ~int})
 * @param followUp    whether it was resolved against an earlier turn
 * @param english     whether it is written in English, the site's language; a question in another language keeps
 *                    only the terms the pages use (its Go terms) and is judged by them alone
 */
public record Question(
        String text,
        String asked,
        QuestionKind kind,
        List<String> terms,
        List<String> identifiers,
        boolean followUp,
        boolean english) {

    public Question {
        terms = List.copyOf(terms);
        identifiers = List.copyOf(identifiers);
    }
}
