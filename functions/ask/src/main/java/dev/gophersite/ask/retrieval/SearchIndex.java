package dev.gophersite.ask.retrieval;

import dev.gophersite.ask.question.Question;
import dev.gophersite.ask.question.QuestionReader;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Retrieval over one site version: its passages and their statements, the {@link LexicalIndex}, the sections'
 * authored questions, and their meaning once computed; rankings are fused by {@link RankFusion}. Immutable; a new
 * site version gets a new instance.
 */
public final class SearchIndex {
    /**
     * How much the best match of an authored question counts beside BM25's first place (1/3): more, since a question
     * that matches what the authors wrote for a section is the best sign of where its answer is.
     */
    static final double QUESTION_WEIGHT = 1;
    /** How fast a section's weight falls as its authored questions come less close than the best section's. */
    static final double QUESTION_SPREAD = 0.1;

    private final String version;
    private final LexicalIndex lexical;
    private final List<Statement> statements;
    private final List<AuthoredQuestion> questions;
    private final List<List<Statement>> byPassage;
    private final List<Set<String>> headingTerms;
    private final Map<Statement, Integer> statementPositions = new IdentityHashMap<>();
    /** Every passage's text in lower case, to tell whether the site mentions a name at all. */
    private final String siteText;
    private final Optional<Embedder> embedder;
    private final Optional<Vectors> vectors;
    private final boolean fuseSemantic;
    private final QuestionReader reader;
    private final int candidates;

    private SearchIndex(String version, LexicalIndex lexical, List<Statement> statements,
                        List<AuthoredQuestion> questions, Optional<Embedder> embedder, Optional<Vectors> vectors,
                        boolean fuseSemantic, int candidates) {
        this.version = version;
        this.lexical = lexical;
        this.statements = statements;
        this.questions = questions;
        this.embedder = embedder;
        this.vectors = vectors;
        this.fuseSemantic = fuseSemantic;
        this.candidates = candidates;
        this.reader = new QuestionReader(lexical);
        List<List<Statement>> grouped = new ArrayList<>();
        for (int i = 0; i < lexical.size(); i++) {
            grouped.add(new ArrayList<>());
        }
        statements.forEach(s -> grouped.get(s.passage()).add(s));
        for (int i = 0; i < statements.size(); i++) {
            statementPositions.put(statements.get(i), i);
        }
        this.byPassage = grouped.stream().map(List::copyOf).toList();
        List<Set<String>> headings = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Passage passage : lexical.passages()) {
            headings.add(Set.copyOf(lexical.analysis().terms(passage.heading())));
            text.append(passage.title()).append('\n').append(passage.text()).append('\n');
        }
        this.headingTerms = List.copyOf(headings);
        this.siteText = text.toString().toLowerCase(Locale.ROOT);
    }

    public static SearchIndex build(String version, List<Page> pages, RetrievalOptions options) {
        List<Passage> passages = new Chunker(options.chunkMaxChars()).chunk(pages);
        TextAnalysis analysis = new TextAnalysis();
        LexicalIndex lexical = LexicalIndex.build(passages, analysis);
        List<Statement> statements = Statements.of(passages, analysis);
        List<AuthoredQuestion> questions = authoredQuestions(pages, passages);
        Optional<Vectors> vectors = options.embedder()
                .map(embedder -> embed(embedder, passages, statements, questions, options.fuseSemantic()));
        return new SearchIndex(version, lexical, statements, questions, options.embedder(), vectors,
                options.fuseSemantic(), options.candidates());
    }

    /** Every section's authored questions, each with the positions of its section's passages. */
    private static List<AuthoredQuestion> authoredQuestions(List<Page> pages, List<Passage> passages) {
        Map<String, List<Integer>> sectionPassages = new HashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            sectionPassages.computeIfAbsent(p.slug() + "#" + p.sectionId(), key -> new ArrayList<>()).add(i);
        }
        List<AuthoredQuestion> questions = new ArrayList<>();
        for (Page page : pages) {
            for (Section section : page.sections()) {
                List<Integer> parts = sectionPassages.getOrDefault(page.slug() + "#" + section.id(), List.of());
                if (parts.isEmpty()) {
                    continue;
                }
                for (String question : section.questions()) {
                    questions.add(new AuthoredQuestion(question, page.slug(), section.id(), parts));
                }
            }
        }
        return List.copyOf(questions);
    }

    /**
     * This index with the meaning of every statement and authored question (and passage, to fuse): seconds of work,
     * once per version.
     */
    public SearchIndex withMeaning(Embedder embedder, boolean fuse) {
        return new SearchIndex(version, lexical, statements, questions, Optional.of(embedder),
                Optional.of(embed(embedder, lexical.passages(), statements, questions, fuse)), fuse, candidates);
    }

    public boolean hasMeaning() {
        return vectors.isPresent();
    }

    /** Passage vectors serve only the fused ranking; grounding and answers weigh statements and questions. */
    static Vectors embed(Embedder embedder, List<Passage> passages, List<Statement> statements,
                         List<AuthoredQuestion> questions, boolean fuse) {
        List<float[]> passageVectors = fuse ? embedder.embedAll(passages.stream().map(Passage::text).toList())
                : List.of();
        // questions are embedded as questions are asked: as queries, which some models prefix differently
        List<float[]> questionVectors = embedder.embedQueries(questions.stream().map(AuthoredQuestion::text).toList());
        return new Vectors(embedder.model(), passageVectors,
                embedder.embedAll(Vectors.statementTexts(passages, statements)), questionVectors);
    }

    public String version() {
        return version;
    }

    public LexicalIndex lexical() {
        return lexical;
    }

    /** Reads a question (resolving a follow-up against the earlier user turns) in this index's terms. */
    public Question read(String asked, List<String> earlierUserTurns) {
        return reader.read(asked, earlierUserTurns);
    }

    /** Every statement of the version, passage by passage. */
    public List<Statement> statements() {
        return statements;
    }

    /** Every authored question of the version, section by section. */
    public List<AuthoredQuestion> questions() {
        return questions;
    }

    /**
     * Each section with authored questions, by its closest one to the question's meaning, closest first; empty
     * without meaning.
     */
    public List<SectionMatch> sectionMatches(Optional<float[]> question) {
        if (question.isEmpty() || vectors.isEmpty()) {
            return List.of();
        }
        Map<String, SectionMatch> best = new HashMap<>();
        List<float[]> questionVectors = vectors.get().questions();
        for (int i = 0; i < questions.size(); i++) {
            SectionMatch match = new SectionMatch(questions.get(i), Embedder.cosine(question.get(), questionVectors.get(i)));
            best.merge(match.section(), match, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        List<SectionMatch> matches = new ArrayList<>(best.values());
        matches.sort(Comparator.comparingDouble(SectionMatch::similarity).reversed()
                .thenComparing(SectionMatch::section));
        return List.copyOf(matches);
    }

    public List<Statement> statementsOf(int passage) {
        return byPassage.get(passage);
    }

    /** The analysed terms of the passage's section heading. */
    public Set<String> headingTerms(int passage) {
        return headingTerms.get(passage);
    }

    /** Whether any passage contains the text (lower case), code and all. */
    public boolean mentions(String lowerCaseText) {
        return siteText.contains(lowerCaseText);
    }

    /** A follow-up as a model rewrote it; see {@link QuestionReader#rewritten}. */
    public Question rewritten(Question followUp, String standalone, String previousUserTurn) {
        return reader.rewritten(followUp, standalone, previousUserTurn);
    }

    /** Reads and ranks in one step, for searches and tests. */
    public Retrieval retrieve(String asked, List<String> earlierUserTurns) {
        return retrieve(read(asked, earlierUserTurns));
    }

    /**
     * Ranks passages for the question: BM25's ranking fused with the ranking of sections by their authored questions
     * (and, when configured, passages by meaning). BM25 runs once: its hits give both its ranking and each passage's
     * score.
     */
    public Retrieval retrieve(Question question) {
        List<LexicalIndex.Hit> hits = lexical.search(question.terms(), lexical.size());
        Map<Integer, Double> scores = new HashMap<>();
        hits.forEach(hit -> scores.put(hit.position(), hit.score()));
        List<RankFusion.Ranking> rankings = new ArrayList<>();
        rankings.add(new RankFusion.Ranking(hits.stream().limit(candidates).map(LexicalIndex.Hit::position).toList(), 1));
        Optional<float[]> meaning = embedder.map(e -> e.embedQuery(question.text()));
        if (fuseSemantic) {
            meaning.ifPresent(q -> rankings.add(new RankFusion.Ranking(semantic(q), 1)));
        }
        List<SectionMatch> matches = sectionMatches(meaning);
        List<RankedPassage> ranked = new ArrayList<>();
        for (int position : RankFusion.fuse(rankings, byAuthoredQuestions(matches), candidates)) {
            ranked.add(new RankedPassage(lexical.passages().get(position), position, ranked.size() + 1,
                    scores.getOrDefault(position, 0.0)));
        }
        return new Retrieval(version, question, List.copyOf(ranked), this, meaning, matches);
    }

    /**
     * Each passage of a section with authored questions, scored by how close the section's closest question comes
     * relative to the closest of all: {@code weight × exp((similarity − best) / spread)}. The section whose question
     * matches best gets the full weight, one a few hundredths behind much of it, one far behind almost none, so a
     * question that is nearly an authored one finds its section whatever BM25 ranks first, and a question that matches
     * several sections about equally is left to BM25 to order.
     */
    private RankFusion.Scored byAuthoredQuestions(List<SectionMatch> matches) {
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

    /** Passages by cosine similarity to the question's vector, best first. */
    private List<Integer> semantic(float[] question) {
        List<float[]> passageVectors = vectors.orElseThrow().passages();
        Integer[] order = new Integer[passageVectors.size()];
        double[] similarity = new double[passageVectors.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            similarity[i] = Embedder.cosine(question, passageVectors.get(i));
        }
        Arrays.sort(order, (a, b) -> Double.compare(similarity[b], similarity[a]));
        return Arrays.stream(order).limit(candidates).toList();
    }

    /** How close a statement's meaning is to the question's, or empty without an embedder. */
    public Optional<Double> similarity(Optional<float[]> question, Statement statement) {
        if (question.isEmpty() || vectors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Embedder.cosine(question.get(), vectors.get().statements().get(statementIndex(statement))));
    }

    private int statementIndex(Statement statement) {
        return statementPositions.get(statement);
    }
}
