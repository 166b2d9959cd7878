package dev.gophersite.ask.support;

import dev.gophersite.ask.index.LexicalIndex;
import dev.gophersite.ask.index.TextAnalysis;
import dev.gophersite.ask.retrieval.RankedPassage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps what a model's answer says that the passages support, each sentence citing the passage that supports it.
 * Small models often cite nothing, cite a passage that does not say it, or pad the answer with claims of their
 * own: a supported sentence is attributed to its passage rather than thrown away, an unsupported one is dropped,
 * and an answer with nothing supported is no answer (the caller falls back to the extractive one).
 *
 * <p>A sentence is supported by a passage when most of its content terms occur in it and every number it states
 * (a year, a size, a release) occurs there too: a wrong number is the commonest invented fact.
 */
public final class AnswerSupport {
    /** Share of a sentence's content terms that must occur in the passage. */
    static final double MIN_SUPPORT = 0.6;
    /** A sentence ends at . ! or ? before a blank or the end, so "1.22" or "net/http." inside it do not end it. */
    private static final Pattern SENTENCE =
            Pattern.compile("(?:[^.!?\\n]|[.!?](?=[^\\s.!?]))+(?:[.!?]+(?=\\s|$)|$)(?:\\s*\\[[\\d,\\s]+])*");

    private static final Pattern CITATION = Pattern.compile("\\s*\\[(\\d+(?:\\s*,\\s*\\d+)*)]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    /**
     * @param answer   the model's text as it replied
     * @param passages the passages numbered in the prompt, in order
     * @return the supported answer, cited, or empty when nothing in it is supported
     */
    public Optional<String> supported(String answer, List<RankedPassage> passages, LexicalIndex index) {
        // a citation of a passage that was not given goes first, so every [n] kept points at a real source
        answer = Citations.check(answer, passages.size()).text();
        TextAnalysis analysis = index.analysis();
        List<Set<String>> passageTerms = new ArrayList<>();
        List<Set<String>> labels = new ArrayList<>();
        List<String> passageTexts = new ArrayList<>();
        for (RankedPassage passage : passages) {
            passageTerms.add(Set.copyOf(analysis.terms(
                    passage.passage().title() + "\n" + passage.passage().text())));
            labels.add(Set.copyOf(analysis.terms(
                    passage.passage().title() + "\n" + passage.passage().heading())));
            passageTexts.add(passage.passage().text());
        }
        StringBuilder kept = new StringBuilder();
        int supported = 0;
        for (String line : answer.split("\n")) {
            String bullet = line.stripLeading().startsWith("- ") ? "- " : "";
            StringBuilder keptLine = new StringBuilder();
            Matcher sentences = SENTENCE.matcher(
                    bullet.isEmpty() ? line : line.stripLeading().substring(2));
            while (sentences.find()) {
                String sentence = sentences.group().strip();
                Optional<String> cited = cite(sentence, passageTerms, labels, passageTexts, analysis);
                if (cited.isPresent()) {
                    keptLine.append(keptLine.isEmpty() ? "" : " ").append(cited.get());
                    supported++;
                }
            }
            if (!keptLine.isEmpty()) {
                kept.append(kept.isEmpty() ? "" : "\n").append(bullet).append(keptLine);
            }
        }
        return supported == 0 ? Optional.empty() : Optional.of(kept.toString());
    }

    /** The sentence citing the passage that best supports it, or empty when none does. */
    private static Optional<String> cite(
            String sentence,
            List<Set<String>> passageTerms,
            List<Set<String>> labels,
            List<String> passageTexts,
            TextAnalysis analysis) {
        Matcher citation = CITATION.matcher(sentence);
        Set<Integer> claimed = new HashSet<>();
        while (citation.find()) {
            for (String n : citation.group(1).split("\\s*,\\s*")) {
                claimed.add(Integer.parseInt(n));
            }
        }
        String text = CITATION.matcher(sentence).replaceAll("").strip();
        Set<String> terms = new HashSet<>(analysis.terms(text));
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        int best = -1;
        double bestSupport = 0;
        for (int p = 0; p < passageTerms.size(); p++) {
            double support = support(terms, text, passageTerms.get(p), passageTexts.get(p));
            // the model's own citation wins a tie: it is usually right when it is supported
            if (support > bestSupport || (support == bestSupport && support > 0 && claimed.contains(p + 1))) {
                best = p;
                bestSupport = support;
            }
        }
        // a passage's title and heading read back ("What is Go - What is Go") label the passage, not answer
        if (best < 0 || bestSupport < MIN_SUPPORT || labels.get(best).containsAll(terms)) {
            return Optional.empty();
        }
        String body = text.endsWith(".") || text.endsWith("!") || text.endsWith("?")
                ? text.substring(0, text.length() - 1)
                : text;
        String end = text.equals(body) ? "." : text.substring(text.length() - 1);
        return Optional.of(body + " [" + (best + 1) + "]" + end);
    }

    private static double support(Set<String> terms, String text, Set<String> passageTerms, String passageText) {
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            if (!passageText.contains(number.group())) {
                return 0;
            }
        }
        long found = terms.stream().filter(passageTerms::contains).count();
        return found / (double) terms.size();
    }
}
