package dev.gophersite.ask.question;

import dev.gophersite.ask.index.LexicalIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question, resolving a follow-up against the conversation without a model: "when was it announced?"
 * after a question about Project Corsa is searched, judged and answered as a question about Corsa.
 *
 * <p>A turn is a follow-up when it says so ("and …", "what about …", "why not …") or leans on a pronoun ("it",
 * "that", "them") while naming at most {@link #FOLLOW_UP_MAX_TERMS} things of its own. It is then read with the
 * rarest terms of the previous user turn (its subject, not its wording). Only the client's user turns are used:
 * its "assistant" turns are its text, not the site's answers.
 *
 * <p>A turn is judged on its own words whenever they name a subject of their own. A turn that does not look like a
 * follow-up ("What is the capital of France?") stands alone; so does one that does but names something the site
 * never mentions ("And a recipe for lasagna?", "also write me a poem about it"): borrowing the earlier subject
 * would let an on-topic history, or one stuffed with the site's keywords, carry any question through.
 */
public final class QuestionReader {
    static final int FOLLOW_UP_MAX_TERMS = 3;
    /** How many of the previous turn's terms a follow-up borrows: enough for a subject, not for its wording. */
    static final int BORROWED_TERMS = 3;

    static final int MAX_REWRITE_CHARS = 200;
    /** Shorter pieces of a question in another language are its grammar ("t" in "possède-t-il"), not Go terms. */
    static final int MIN_FOREIGN_TERM_CHARS = 3;

    private static final Pattern MARKER = Pattern.compile(
            "^(and|but|so|also|what about|how about|why not|and why|" + "and how|and when|and who|what else|then)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN = Pattern.compile(
            "\\b(it|its|it's|that|this|they|them|their|those|these|" + "he|she|him|her|one|there)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Code-like names: qualified (sync.WaitGroup), snake or upper case (CGO_ENABLED, GOGC), camel case, ~int. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?<![\\w.])(?:[A-Za-z_]\\w+\\.[A-Za-z_]\\w+(?:\\.[A-Za-z_]\\w*)*|[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{2,}[A-Z0-9]{2,}"
                    + "|[a-z]+[A-Z]\\w*|[A-Z][a-z]+[A-Z]\\w*|~\\w+)(?![\\w])");
    /** Other names of the site's subject, so "golang" counts as "go". */
    private static final Map<String, String> SYNONYMS = Map.of("golang", "go");

    private final LexicalIndex index;
    /** Analysed words that ask for a kind of fact rather than name a subject. */
    private final Set<String> kindWords;

    public QuestionReader(LexicalIndex index) {
        this.index = index;
        this.kindWords = Set.copyOf(
                index.analysis().terms("version release year date month number size much many long big often"));
    }

    /** Rewrites a follow-up as a question that stands alone (a model, within a budget); empty when it cannot. */
    @FunctionalInterface
    public interface Rewriter {
        Rewriter NONE = (question, earlierUserTurns) -> Optional.empty();

        Optional<String> standalone(String question, List<String> earlierUserTurns);
    }

    /** The request's question, a follow-up resolved against its user turns and, if it can, rewritten to stand alone. */
    public Question read(AskRequest request, Rewriter rewriter) {
        List<String> earlier = request.earlierUserTurns();
        Question question = read(request.question(), earlier);
        if (question.followUp()) {
            Optional<String> standalone = rewriter.standalone(request.question(), earlier);
            if (standalone.isPresent()) {
                question = rewritten(question, standalone.get(), earlier.getLast());
            }
        }
        return question;
    }

    /** @param earlierUserTurns the conversation's user turns, oldest first */
    public Question read(String asked, List<String> earlierUserTurns) {
        List<String> own = terms(asked);
        QuestionKind kind = QuestionKind.of(asked);
        if (!Language.isEnglish(asked)) {
            // the pages are English: what such a question can be matched on is the Go terms it shares with them
            List<String> shared = terms(Language.withoutFunctionWords(asked)).stream()
                    .filter(term -> term.length() >= MIN_FOREIGN_TERM_CHARS && index.documentFrequency(term) > 0)
                    .toList();
            return new Question(asked, asked, kind, shared, identifiers(asked), false, false);
        }
        if (!earlierUserTurns.isEmpty() && isFollowUp(asked, own)) {
            String previous = earlierUserTurns.getLast();
            List<String> borrowed = terms(previous).stream()
                    .filter(term -> !own.contains(term))
                    .sorted(Comparator.comparingDouble(index::idf).reversed())
                    .limit(BORROWED_TERMS)
                    .toList();
            if (namesOwnSubject(asked, own, borrowed)) {
                return new Question(asked, asked, kind, own, identifiers(asked), false, true);
            }
            if (kind == QuestionKind.OTHER) {
                kind = QuestionKind.of(previous);
            }
            List<String> terms = new ArrayList<>(own);
            terms.addAll(borrowed);
            return new Question(asked + "\n" + previous, asked, kind, terms, identifiers(asked), true, true);
        }
        return new Question(asked, asked, kind, own, identifiers(asked), false, true);
    }

    /**
     * A follow-up as a model rewrote it to stand alone ("when was project corsa announced?"), if the rewrite is
     * plausible: short, one line, and about something the conversation said. Otherwise the follow-up as read.
     */
    public Question rewritten(Question followUp, String standalone, String previousUserTurn) {
        String text = standalone.strip();
        List<String> terms = terms(text);
        boolean keepsTheSubject = terms.stream().anyMatch(distinctive(terms(previousUserTurn))::contains);
        List<String> own = distinctive(terms(followUp.asked()));
        boolean keepsTheAsk = own.isEmpty() || terms.stream().anyMatch(own::contains);
        if (text.length() > MAX_REWRITE_CHARS || text.contains("\n") || !keepsTheSubject || !keepsTheAsk) {
            return followUp;
        }
        QuestionKind kind = QuestionKind.of(text);
        return new Question(
                text,
                followUp.asked(),
                kind == QuestionKind.OTHER ? followUp.kind() : kind,
                terms,
                followUp.identifiers(),
                true,
                true);
    }

    /**
     * Whether the turn names a subject of its own rather than leaning on the earlier one: something the site never
     * mentions ("lasagna"), or something no passage mentions together with the earlier subject ("a joke" after a
     * question about goroutine stacks). Words that only say what kind of fact is wanted ("which version") name none,
     * and one word beside a pronoun is what is asked about the earlier subject ("what did it output?").
     */
    private boolean namesOwnSubject(String asked, List<String> own, List<String> borrowed) {
        List<String> subject = own.stream()
                .filter(term -> !index.isSubject(term) && !kindWords.contains(term))
                .toList();
        if (subject.isEmpty() || (subject.size() == 1 && PRONOUN.matcher(asked).find())) {
            return false;
        }
        if (subject.stream().anyMatch(term -> !index.mentions(term))) {
            return true;
        }
        String rarest =
                subject.stream().max(Comparator.comparingDouble(index::idf)).orElseThrow();
        for (int p = 0; p < index.size(); p++) {
            Set<String> terms = index.mentionedBy(p);
            if (terms.contains(rarest) && borrowed.stream().anyMatch(terms::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The terms that are not the site's subject (which most passages share). */
    private List<String> distinctive(List<String> terms) {
        return terms.stream().filter(term -> !index.isSubject(term)).toList();
    }

    /** The analysed terms of a text, with synonyms of the subject mapped, distinct and in order. */
    public List<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String term : index.analysis().terms(text)) {
            terms.add(SYNONYMS.getOrDefault(term, term));
        }
        return new ArrayList<>(terms);
    }

    static boolean isFollowUp(String asked, List<String> ownTerms) {
        String text = asked.strip();
        return (ownTerms.size() <= 1 && !text.isEmpty())
                || MARKER.matcher(text).find()
                || (PRONOUN.matcher(text).find() && ownTerms.size() <= FOLLOW_UP_MAX_TERMS);
    }

    static List<String> identifiers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group();
            // a version ("1.18") or an abbreviation ending a sentence is not a name in code
            if (!name.matches("[\\d.]+") && !found.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }
}
