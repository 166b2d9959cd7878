package dev.gophersite.ask.retrieval;

import dev.gophersite.ask.index.LexicalIndex;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.index.SectionMatch;
import dev.gophersite.ask.question.Question;
import dev.gophersite.ask.question.QuestionReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks a site version's passages for a question: BM25's ranking fused with the sections whose authored questions
 * come closest (and, when the index fuses meaning, passages by meaning). BM25 runs once: its hits give both its
 * ranking and each passage's score.
 */
public final class Retriever {
    /**
     * How much the best match of an authored question counts beside BM25's first place (1/3): more, since a question
     * that matches what the authors wrote for a section is the best sign of where its answer is.
     */
    static final double QUESTION_WEIGHT = 1;
    /** How fast a section's weight falls as its authored questions come less close than the best section's. */
    static final double QUESTION_SPREAD = 0.1;

    private Retriever() {}

    /** Reads and ranks in one step, for searches and tests. */
    public static Retrieval retrieve(SearchIndex index, String asked, List<String> earlierUserTurns) {
        return retrieve(index, new QuestionReader(index.lexical()).read(asked, earlierUserTurns));
    }

    public static Retrieval retrieve(SearchIndex index, Question question) {
        LexicalIndex lexical = index.lexical();
        List<LexicalIndex.Hit> hits = lexical.search(question.terms(), lexical.size());
        Map<Integer, Double> scores = new HashMap<>();
        hits.forEach(hit -> scores.put(hit.position(), hit.score()));
        List<RankFusion.Ranking> rankings = new ArrayList<>();
        rankings.add(new RankFusion.Ranking(
                hits.stream()
                        .limit(index.candidates())
                        .map(LexicalIndex.Hit::position)
                        .toList(),
                1));
        Optional<float[]> meaning = index.meaningOf(question.text());
        if (index.fusesMeaning()) {
            meaning.ifPresent(q -> rankings.add(new RankFusion.Ranking(index.passagesByMeaning(q), 1)));
        }
        List<SectionMatch> matches = index.sectionMatches(meaning);
        List<RankedPassage> ranked = new ArrayList<>();
        for (int position : RankFusion.fuse(rankings, byAuthoredQuestions(matches), index.candidates())) {
            ranked.add(new RankedPassage(
                    lexical.passages().get(position), position, ranked.size() + 1, scores.getOrDefault(position, 0.0)));
        }
        return new Retrieval(index.version(), question, List.copyOf(ranked), index, meaning, matches);
    }

    /**
     * Each passage of a section with authored questions, scored by how close the section's closest question comes
     * relative to the closest of all: {@code weight × exp((similarity − best) / spread)}. The section whose question
     * matches best gets the full weight, one a few hundredths behind much of it, one far behind almost none, so a
     * question that is nearly an authored one finds its section whatever BM25 ranks first, and a question that matches
     * several sections about equally is left to BM25 to order.
     */
    private static RankFusion.Scored byAuthoredQuestions(List<SectionMatch> matches) {
        Map<Integer, Double> scores = new HashMap<>();
        if (matches.isEmpty()) {
            return new RankFusion.Scored(scores);
        }
        double best = matches.getFirst().similarity();
        for (SectionMatch match : matches) {
            double score = QUESTION_WEIGHT * Math.exp((match.similarity() - best) / QUESTION_SPREAD);
            match.question().passages().forEach(position -> scores.put(position, score));
        }
        return new RankFusion.Scored(scores);
    }
}
