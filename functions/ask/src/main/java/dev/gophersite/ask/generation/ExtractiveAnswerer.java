package dev.gophersite.ask.generation;

import dev.gophersite.ask.retrieval.CodeLines;
import dev.gophersite.ask.retrieval.PassageIndex;
import dev.gophersite.ask.retrieval.RankedPassage;
import dev.gophersite.ask.retrieval.TextAnalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The answer when the model cannot give one: the sentences of the given passages that share the most (and the
 * rarest) terms with the question, each followed by its passage's citation. Quoting the site verbatim is never
 * wrong, only less fluent.
 */
public final class ExtractiveAnswerer {
    static final int MAX_SENTENCES = 3;
    /** Shorter fragments are headings, labels or code punctuation rather than statements. */
    private static final int MIN_SENTENCE_CHARS = 15;
    /** A sentence ends at . ! or ? followed by a blank and a capital, so "err != nil" or "1.18" do not end one. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“(\\[])");
    /** A sentence under a heading that names a question term is about that term even when it does not repeat it. */
    private static final double HEADING_SHARE = 0.5;

    private record Candidate(String text, int citation, int order, double score) {
    }

    public String answer(List<String> queryTerms, List<RankedPassage> passages, PassageIndex index) {
        TextAnalysis analysis = index.analysis();
        Set<String> query = new HashSet<>(queryTerms);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            int citation = i + 1;
            Set<String> heading = new HashSet<>(analysis.terms(passages.get(i).passage().heading()));
            heading.retainAll(query);
            for (Unit unit : units(passages.get(i).passage().body())) {
                double score = 0;
                Set<String> terms = new HashSet<>(analysis.terms(unit.text()));
                for (String term : query) {
                    if (terms.contains(term)) {
                        score += index.idf(term);
                    } else if (heading.contains(term)) {
                        score += HEADING_SHARE * index.idf(term);
                    }
                }
                // earlier passages ranked higher; among equal matches, prefer them
                score = score * unit.weight() + 0.01 * (passages.size() - i);
                candidates.add(new Candidate(unit.text(), citation, candidates.size(), score));
            }
        }
        if (candidates.isEmpty()) {
            return "";
        }
        List<Candidate> best = candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed().thenComparingInt(Candidate::order))
                .limit(MAX_SENTENCES)
                .filter(c -> c.score() >= 0.1)
                // in reading order: passage by passage, as the site says it
                .sorted(Comparator.comparingInt(Candidate::order))
                .toList();
        if (best.isEmpty()) {
            best = List.of(candidates.getFirst());
        }
        StringBuilder answer = new StringBuilder();
        for (Candidate c : best) {
            if (!answer.isEmpty()) {
                answer.append('\n');
            }
            answer.append("- ").append(c.text()).append(" [").append(c.citation()).append(']');
        }
        return answer.toString();
    }

    private record Unit(String text, double weight) {
    }

    /** "Startup time: Go milliseconds; Java seconds" from a row and the header above it. */
    private static String tableRow(List<String> header, List<String> cells) {
        if (header.size() != cells.size()) {
            return String.join(" | ", cells);
        }
        StringBuilder row = new StringBuilder(cells.getFirst()).append(':');
        for (int i = 1; i < cells.size(); i++) {
            row.append(i == 1 ? " " : "; ").append(header.get(i)).append(' ').append(cells.get(i));
        }
        return row.toString();
    }

    /** Sentences of prose lines, comment text of code lines (weighted down), table rows; other code is skipped. */
    private static List<Unit> units(String body) {
        List<Unit> units = new ArrayList<>();
        List<String> header = List.of();
        for (String rawLine : body.split("\n")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (CodeLines.isComment(line)) {
                String comment = CodeLines.commentText(line);
                if (comment.length() >= MIN_SENTENCE_CHARS / 2) {
                    units.add(new Unit(comment, 0.5));
                }
                continue;
            }
            if (line.indexOf('|') >= 0 && line.indexOf('|') != line.lastIndexOf('|')) {
                List<String> cells = List.of(line.split("\\s*\\|\\s*", -1)).stream().map(String::strip).toList();
                if (cells.getFirst().isEmpty()) {
                    header = cells;
                } else {
                    units.add(new Unit(tableRow(header, cells), 0.8));
                }
                continue;
            }
            if (CodeLines.isCode(rawLine)) {
                continue;
            }
            for (String sentence : SENTENCE_END.split(line)) {
                if (sentence.strip().length() >= MIN_SENTENCE_CHARS) {
                    units.add(new Unit(sentence.strip(), 1.0));
                }
            }
        }
        return units;
    }
}
