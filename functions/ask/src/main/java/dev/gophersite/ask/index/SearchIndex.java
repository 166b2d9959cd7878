package dev.gophersite.ask.index;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One site version as /ask searches it: its passages and their statements, the {@link LexicalIndex}, the sections'
 * authored questions, and their meaning once computed. Built once per version (the meaning in the background, see
 * {@link SiteSearch}); immutable, so a new site version gets a new instance.
 */
public final class SearchIndex {
    private final String version;
    private final LexicalIndex lexical;
    private final List<Statement> statements;
    private final List<AuthoredQuestion> questions;
    private final List<List<Statement>> byPassage;
    private final List<Set<String>> headingTerms;
    private final IdentityHashMap<Statement, Integer> statementPositions = new IdentityHashMap<>();
    /** Every passage's text in lower case, to tell whether the site mentions a name at all. */
    private final String siteText;

    private final Optional<Embedder> embedder;
    private final Optional<Vectors> vectors;
    private final boolean fuseSemantic;
    private final int candidates;

    private SearchIndex(
            String version,
            LexicalIndex lexical,
            List<Statement> statements,
            List<AuthoredQuestion> questions,
            Optional<Embedder> embedder,
            Optional<Vectors> vectors,
            boolean fuseSemantic,
            int candidates) {
        this.version = version;
        this.lexical = lexical;
        this.statements = statements;
        this.questions = questions;
        this.embedder = embedder;
        this.vectors = vectors;
        this.fuseSemantic = fuseSemantic;
        this.candidates = candidates;
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
        return new SearchIndex(
                version,
                lexical,
                statements,
                questions,
                options.embedder(),
                vectors,
                options.fuseSemantic(),
                options.candidates());
    }

    /** Every section's authored questions, each with the positions of its section's passages. */
    private static List<AuthoredQuestion> authoredQuestions(List<Page> pages, List<Passage> passages) {
        Map<String, List<Integer>> sectionPassages = new HashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            sectionPassages
                    .computeIfAbsent(p.slug() + "#" + p.sectionId(), key -> new ArrayList<>())
                    .add(i);
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
        return new SearchIndex(
                version,
                lexical,
                statements,
                questions,
                Optional.of(embedder),
                Optional.of(embed(embedder, lexical.passages(), statements, questions, fuse)),
                fuse,
                candidates);
    }

    public boolean hasMeaning() {
        return vectors.isPresent();
    }

    /** Passage vectors serve only the fused ranking; grounding and answers weigh statements and questions. */
    static Vectors embed(
            Embedder embedder,
            List<Passage> passages,
            List<Statement> statements,
            List<AuthoredQuestion> questions,
            boolean fuse) {
        List<float[]> passageVectors =
                fuse ? embedder.embedAll(passages.stream().map(Passage::text).toList()) : List.of();
        // questions are embedded as questions are asked: as queries, which some models prefix differently
        List<float[]> questionVectors = embedder.embedQueries(
                questions.stream().map(AuthoredQuestion::text).toList());
        return new Vectors(
                embedder.model(),
                passageVectors,
                embedder.embedAll(Vectors.statementTexts(passages, statements)),
                questionVectors);
    }

    public String version() {
        return version;
    }

    public LexicalIndex lexical() {
        return lexical;
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
            SectionMatch match =
                    new SectionMatch(questions.get(i), Embedder.cosine(question.get(), questionVectors.get(i)));
            best.merge(match.section(), match, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        List<SectionMatch> matches = new ArrayList<>(best.values());
        matches.sort(
                Comparator.comparingDouble(SectionMatch::similarity).reversed().thenComparing(SectionMatch::section));
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

    /** The question's vector, when the index has an embedder. */
    public Optional<float[]> meaningOf(String text) {
        return embedder.map(e -> e.embedQuery(text));
    }

    /** Whether rankings fuse in passages ordered by meaning ({@link #passagesByMeaning}). */
    public boolean fusesMeaning() {
        return fuseSemantic;
    }

    /** How many passages a ranking keeps. */
    public int candidates() {
        return candidates;
    }

    /** Passages by cosine similarity to the question's vector, best first, at most {@link #candidates}. */
    public List<Integer> passagesByMeaning(float[] question) {
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
        return Optional.of(
                Embedder.cosine(question.get(), vectors.get().statements().get(statementIndex(statement))));
    }

    private int statementIndex(Statement statement) {
        return statementPositions.get(statement);
    }
}
