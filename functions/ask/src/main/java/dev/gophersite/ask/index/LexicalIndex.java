package dev.gophersite.ask.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene BM25 index over one site version's passages, plus the per-passage term sets the grounding
 * check and the extractive answerer need. Built once per version; searching allocates little and takes
 * well under a millisecond for a site of this size.
 */
public final class LexicalIndex {
    static final double SUBJECT_SHARE = 0.5;
    private static final String TITLE = "title";
    private static final String HEADING = "heading";
    private static final String BODY = "body";
    private static final String POSITION = "position";
    /** A term in a heading usually names what the section is about; in the page title, what the page is about. */
    private static final Map<String, Float> FIELD_BOOSTS = Map.of(TITLE, 0.5f, HEADING, 1.5f, BODY, 1.0f);
    /** Lets a term that matches several fields count for a little more than its best field alone. */
    private static final float TIE_BREAKER = 0.2f;

    private final List<Passage> passages;
    private final List<Set<String>> passageTerms;
    private final Map<String, Integer> documentFrequency;
    private final List<Set<String>> mentioned;
    private final Set<String> mentionedAnywhere;
    private final TextAnalysis analysis;
    private final IndexSearcher searcher;

    public record Hit(Passage passage, int position, double score) {}

    private LexicalIndex(
            List<Passage> passages,
            List<Set<String>> passageTerms,
            Map<String, Integer> documentFrequency,
            List<Set<String>> mentioned,
            TextAnalysis analysis,
            IndexSearcher searcher) {
        this.passages = passages;
        this.passageTerms = passageTerms;
        this.documentFrequency = documentFrequency;
        this.mentioned = mentioned;
        Set<String> anywhere = new HashSet<>();
        mentioned.forEach(anywhere::addAll);
        this.mentionedAnywhere = Set.copyOf(anywhere);
        this.analysis = analysis;
        this.searcher = searcher;
    }

    public static LexicalIndex build(List<Passage> passages, TextAnalysis analysis) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analysis.analyzer()).setSimilarity(new BM25Similarity());
        List<Set<String>> terms = new ArrayList<>(passages.size());
        Map<String, Integer> df = new HashMap<>();
        List<Set<String>> mentioned = new ArrayList<>(passages.size());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                Document doc = new Document();
                doc.add(new StoredField(POSITION, i));
                doc.add(new TextField(TITLE, p.title(), Field.Store.NO));
                doc.add(new TextField(HEADING, p.heading(), Field.Store.NO));
                doc.add(new TextField(BODY, p.body(), Field.Store.NO));
                writer.addDocument(doc);
                // identifiers in code ("hello", "url") say little about what a passage is about
                Set<String> passageTerms = Set.copyOf(
                        analysis.distinctTerms(p.title() + "\n" + p.heading() + "\n" + CodeLines.prose(p.body())));
                terms.add(passageTerms);
                passageTerms.forEach(t -> df.merge(t, 1, Integer::sum));
                mentioned.add(Set.copyOf(analysis.distinctTerms(p.title() + "\n" + p.heading() + "\n" + p.body())));
            }
            writer.commit();
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setSimilarity(new BM25Similarity());
            return new LexicalIndex(
                    List.copyOf(passages),
                    List.copyOf(terms),
                    Map.copyOf(df),
                    List.copyOf(mentioned),
                    analysis,
                    searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("building an in-memory index cannot fail", e);
        }
    }

    public TextAnalysis analysis() {
        return analysis;
    }

    public int size() {
        return passages.size();
    }

    public List<Passage> passages() {
        return passages;
    }

    /** Analysed terms of the passage's title, heading and body, without its code lines. */
    public Set<String> termsOf(int position) {
        return passageTerms.get(position);
    }

    /** In how many passages the analysed term occurs (title, heading or body outside code). */
    public int documentFrequency(String term) {
        return documentFrequency.getOrDefault(term, 0);
    }

    /** Whether any passage has the analysed term anywhere, code included ("// 10k connections ≈ 20MB RAM"). */
    public boolean mentions(String term) {
        return mentionedAnywhere.contains(term);
    }

    /** Every analysed term of the passage, code included. */
    public Set<String> mentionedBy(int position) {
        return mentioned.get(position);
    }

    /**
     * Whether the term is the site's own subject rather than a question's: it occurs in at least
     * {@link #SUBJECT_SHARE} of the passages ("go", in practice).
     */
    public boolean isSubject(String term) {
        return !passages.isEmpty() && documentFrequency(term) >= SUBJECT_SHARE * passages.size();
    }

    /**
     * Inverse document frequency as BM25 computes it, the one rarity weight of the project (grounding, extractive
     * sentences). A term no passage has is weighted like a term found once: it may be a paraphrase of something the
     * site says in other words ("came up with") or a subject the site does not cover ("decorator"), and counting it
     * as rarer than the rarest real term would make every reworded question look off-topic.
     */
    public double idf(String term) {
        int n = Math.max(1, documentFrequency(term));
        return Math.log(1 + (passages.size() - n + 0.5) / (n + 0.5));
    }

    /**
     * BM25 search for analysed terms, each with a weight (1 for the question's own terms). Each term is
     * matched in title, heading and body, keeping the best field plus a little of the others.
     */
    public List<Hit> search(Map<String, Float> weightedTerms, int limit) {
        if (weightedTerms.isEmpty() || passages.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        weightedTerms.forEach((term, weight) -> {
            List<Query> perField = new ArrayList<>(FIELD_BOOSTS.size());
            FIELD_BOOSTS.forEach(
                    (field, boost) -> perField.add(new BoostQuery(new TermQuery(new Term(field, term)), boost)));
            query.add(
                    new BoostQuery(new DisjunctionMaxQuery(perField, TIE_BREAKER), weight), BooleanClause.Occur.SHOULD);
        });
        try {
            ScoreDoc[] docs = searcher.search(query.build(), limit).scoreDocs;
            List<Hit> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                int position = searcher.storedFields()
                        .document(doc.doc)
                        .getField(POSITION)
                        .numericValue()
                        .intValue();
                hits.add(new Hit(passages.get(position), position, doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching an in-memory index cannot fail", e);
        } catch (IndexSearcher.TooManyClauses e) {
            return List.of();
        }
    }

    public List<Hit> search(List<String> terms, int limit) {
        Map<String, Float> weighted = new java.util.LinkedHashMap<>();
        terms.forEach(t -> weighted.put(t, 1f));
        return search(weighted, limit);
    }
}
