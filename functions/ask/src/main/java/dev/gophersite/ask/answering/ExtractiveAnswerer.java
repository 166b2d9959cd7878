package dev.gophersite.ask.answering;

import dev.gophersite.ask.index.LexicalIndex;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.index.SectionMatch;
import dev.gophersite.ask.index.Statement;
import dev.gophersite.ask.question.Question;
import dev.gophersite.ask.retrieval.RankedPassage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The answer when no model gives one: the site's own statements that answer the question, quoted with their
 * citations. A statement scores by the rare question terms it (and its section heading) shares, and by holding
 * what the question asks for: a name for "who", a date for "when", a release for "which version", a number for
 * "how many". The best leads; at most two more follow that score nearly as well and say something else.
 */
public final class ExtractiveAnswerer {
    static final int MAX_STATEMENTS = 3;
    /** A heading term counts for this much of a term in the statement itself: the heading says what it is about. */
    static final double HEADING_SHARE = 0.75;
    /** Added when a statement that matches the question also holds the kind of fact it asks for. */
    static final double SHAPE_BONUS = 0.35;
    /** Followers must score at least this share of the lead. */
    static final double FOLLOWER_SHARE = 0.5;
    /** Statements sharing more than this share of their terms say the same thing. */
    static final double DUPLICATE_OVERLAP = 0.6;
    /** A timeline entry's heading starts with its date: "2018-08: 1.11 — Go Modules". */
    private static final Pattern TIMELINE_HEADING = Pattern.compile("\\d{4}(?:-\\d{2})?:\\s");

    /** @param dating the section heading that dates the statement, for a "when" question; empty otherwise */
    private record Candidate(Statement statement, String dating, int citation, double score) {}

    /** How much a statement's closeness in meaning to the question counts beside its shared terms. */
    static final double SIMILARITY_WEIGHT = 1.0;
    /** Per unit of similarity between the question and the closest authored question, for that section's statements. */
    static final double SECTION_WEIGHT = 1.0;
    /** How much more a follow-up's own term counts than one it borrowed from the earlier turn. */
    static final double OWN_TERM_WEIGHT = 2.0;

    /**
     * @param best the section whose authored questions come closest to the question, if any: its statements lead
     *             when they fit, since its authors said it answers questions like this one
     */
    public String answer(
            Question question,
            Optional<float[]> meaning,
            Optional<SectionMatch> best,
            List<RankedPassage> passages,
            SearchIndex index) {
        LexicalIndex lexical = index.lexical();
        // a follow-up's own words say what is new; the terms it borrowed only say what it is about
        Set<String> own = question.followUp() ? Set.copyOf(lexical.analysis().terms(question.asked())) : Set.of();
        Map<String, Double> weights = new HashMap<>();
        double total = 0;
        for (String term : question.terms()) {
            double weight = lexical.idf(term) * (own.contains(term) ? OWN_TERM_WEIGHT : 1);
            weights.put(term, weight);
            total += weight;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            int position = passages.get(i).position();
            Set<String> heading = index.headingTerms(position);
            String headingText = passages.get(i).passage().heading();
            for (Statement statement : index.statementsOf(position)) {
                double matched = 0;
                for (String term : question.terms()) {
                    if (statement.terms().contains(term)) {
                        matched += weights.get(term);
                    } else if (heading.contains(term)) {
                        matched += HEADING_SHARE * weights.get(term);
                    }
                }
                double score = total == 0 ? 0 : matched / total;
                if (best.isPresent() && best.get().question().passages().contains(position)) {
                    score += SECTION_WEIGHT * best.get().similarity();
                }
                Optional<Double> similarity = index.similarity(meaning, statement);
                if (similarity.isPresent()) {
                    score += SIMILARITY_WEIGHT * similarity.get();
                }
                // a timeline entry says when in its heading ("2018-08: 1.11 — Go Modules"), not in its sentences;
                // quoted
                // without it, "user-defined iterators land in the language" would not say in which release
                String dating = isTimelineEntry(statement, headingText) ? headingText : "";
                if (score > 0 && question.kind().fits(statement.text())) {
                    score += SHAPE_BONUS;
                } else if (score > 0 && datedByHeading(question, statement, headingText)) {
                    score += SHAPE_BONUS;
                }
                // earlier passages ranked higher; among equal matches, prefer them
                score = score * statement.form().weight() + 0.01 * (passages.size() - i);
                candidates.add(new Candidate(statement, dating, i + 1, score));
            }
        }
        if (candidates.isEmpty()) {
            return "";
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Candidate> chosen = new ArrayList<>(List.of(candidates.getFirst()));
        for (Candidate candidate : candidates.subList(1, candidates.size())) {
            if (chosen.size() == MAX_STATEMENTS
                    || candidate.score() < FOLLOWER_SHARE * chosen.getFirst().score()) {
                break;
            }
            if (chosen.stream().noneMatch(c -> duplicates(c.statement(), candidate.statement()))) {
                chosen.add(candidate);
            }
        }
        StringBuilder answer = new StringBuilder();
        Set<String> dated = new HashSet<>();
        for (Candidate c : chosen) {
            if (!answer.isEmpty()) {
                answer.append('\n');
            }
            answer.append("- ");
            if (!c.dating().isEmpty() && dated.add(c.dating())) {
                answer.append(c.dating()).append(": ");
            }
            answer.append(c.statement().text())
                    .append(" [")
                    .append(c.citation())
                    .append(']');
        }
        return answer.toString();
    }

    private static boolean isTimelineEntry(Statement statement, String heading) {
        return statement.form() != Statement.Form.HEADING
                && TIMELINE_HEADING.matcher(heading).lookingAt();
    }

    private static boolean datedByHeading(Question question, Statement statement, String heading) {
        return question.kind().datedByHeading()
                && statement.form() != Statement.Form.HEADING
                && question.kind().fits(heading);
    }

    private static boolean duplicates(Statement a, Statement b) {
        if (a.text().equals(b.text())) {
            return true;
        }
        Set<String> shared = new HashSet<>(a.terms());
        shared.retainAll(b.terms());
        int smaller = Math.min(a.terms().size(), b.terms().size());
        return smaller > 0 && shared.size() > DUPLICATE_OVERLAP * smaller;
    }
}
