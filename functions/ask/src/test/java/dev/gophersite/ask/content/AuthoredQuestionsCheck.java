package dev.gophersite.ask.content;

import dev.gophersite.ask.index.AuthoredQuestion;
import dev.gophersite.ask.index.Embedder;
import dev.gophersite.ask.index.LexicalIndex;
import dev.gophersite.ask.index.Passage;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.index.Statement;
import dev.gophersite.ask.question.QuestionReader;
import dev.gophersite.ask.retrieval.Retrieval;
import dev.gophersite.ask.retrieval.Retriever;
import dev.gophersite.common.content.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an author learns at build time about the questions written for each section, before a visitor is confused
 * by them:
 * <ul>
 *   <li>every authored question, asked as it is written, finds its own section first through the whole retrieval
 *       (BM25 and the authored questions together);</li>
 *   <li>every authored question belongs where it is written: a question that shares no word with its own section
 *       while another section's sentences, sharing its words, come {@link #MISPLACED} closer in meaning, is that
 *       section's question, and visitors asking it would get this section's sentences;</li>
 *   <li>no question is as good as the same question for another section: one that comes at least
 *       {@link #COLLISION} close to another section's question, and closer than to any question of its own section,
 *       leaves the bot unable to tell the two sections apart.</li>
 * </ul>
 * A collision is not any question nearer to another section than to its own: a section's questions ask about
 * different facts of it on purpose, so most have a nearer neighbour elsewhere ("who created go" and "who wrote the
 * first go compiler"); what cannot be told apart is two wordings of one question.
 */
public final class AuthoredQuestionsCheck {
    /** Cosine similarity at which two questions are, for a small embedding model, one question in two wordings. */
    public static final double COLLISION = 0.9;
    /** How much closer another section's best sentence must come than the own section's to call a question misplaced. */
    public static final double MISPLACED = 0.25;

    private AuthoredQuestionsCheck() {}

    /** Every problem found, each naming the question(s) and section(s) involved; empty when the content is sound. */
    public static List<String> problems(List<Page> pages, Embedder embedder) {
        SearchIndex index = SearchIndex.build("check", pages, RetrievalOptions.withMeaning(embedder));
        List<AuthoredQuestion> questions = index.questions();
        List<float[]> vectors = embedder.embedQueries(
                questions.stream().map(AuthoredQuestion::text).toList());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            AuthoredQuestion question = questions.get(i);
            Retrieval retrieval = Retriever.retrieve(index, question.text(), List.of());
            Passage first = retrieval.ranked().getFirst().passage();
            String found = first.slug() + "#" + first.sectionId();
            if (!found.equals(question.section())) {
                problems.add(String.format("'%s' (%s) finds %s first", question.text(), question.section(), found));
            }
            misplaced(index, question, embedder).ifPresent(problems::add);
            double own = -1;
            double other = -1;
            AuthoredQuestion nearest = null;
            for (int j = 0; j < questions.size(); j++) {
                if (j == i) {
                    continue;
                }
                double similarity = Embedder.cosine(vectors.get(i), vectors.get(j));
                if (questions.get(j).section().equals(question.section())) {
                    own = Math.max(own, similarity);
                } else if (similarity > other) {
                    other = similarity;
                    nearest = questions.get(j);
                }
            }
            if (nearest != null && other >= COLLISION && other > own) {
                problems.add(String.format(
                        Locale.ROOT,
                        "'%s' (%s) collides with '%s' (%s): similarity %.2f to it, %.2f"
                                + " to its own section's nearest question",
                        question.text(),
                        question.section(),
                        nearest.text(),
                        nearest.section(),
                        other,
                        own));
            }
        }
        return problems;
    }

    private static Optional<String> misplaced(SearchIndex index, AuthoredQuestion question, Embedder embedder) {
        LexicalIndex lexical = index.lexical();
        List<String> terms = new QuestionReader(index.lexical())
                .read(question.text(), List.of()).terms().stream()
                        .filter(term -> !lexical.isSubject(term))
                        .toList();
        Optional<float[]> meaning = Optional.of(embedder.embedQuery(question.text()));
        boolean ownSharesAWord = false;
        double own = 0;
        double other = 0;
        String otherSection = "";
        for (int p = 0; p < lexical.size(); p++) {
            Set<String> words = lexical.mentionedBy(p);
            boolean shares = terms.stream().anyMatch(words::contains);
            double closest = 0;
            for (Statement statement : index.statementsOf(p)) {
                closest = Math.max(closest, index.similarity(meaning, statement).orElse(0.0));
            }
            if (question.passages().contains(p)) {
                ownSharesAWord |= shares;
                own = Math.max(own, closest);
            } else if (shares && closest > other) {
                Passage passage = lexical.passages().get(p);
                other = closest;
                otherSection = passage.slug() + "#" + passage.sectionId();
            }
        }
        if (ownSharesAWord || other < own + MISPLACED) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "'%s' (%s) belongs to %s: no word in common with its own section,"
                        + " similarity %.2f to a sentence of %s and %.2f to its own",
                question.text(),
                question.section(),
                otherSection,
                other,
                otherSection,
                own));
    }
}
