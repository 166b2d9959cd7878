package dev.gophersite.ask.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one analyzer used for indexing passages, for queries, for the grounding check and for picking extractive
 * sentences, so all of them agree on what a "term" is: Lucene's English analysis (possessives removed, lower
 * case, Porter stems) with the Snowball English stop list, which unlike Lucene's short default list also drops
 * question words and auxiliaries ("who", "how", "does"), so only the content words of a question count.
 */
public final class TextAnalysis {
    /**
     * Modal verbs missing from the Snowball list, and the conversational words a request is wrapped in ("please
     * tell me", "can you explain"); neither says what a question is about.
     */
    private static final List<String> EXTRA_STOP_WORDS = List.of("can", "will", "shall", "may", "might", "must",
            "please", "tell", "explain", "describe", "show", "give", "know", "want", "need", "help", "let", "like");

    private final Analyzer analyzer;

    public TextAnalysis() {
        this.analyzer = new EnglishAnalyzer(stopWords());
    }

    public static CharArraySet stopWords() {
        try (InputStream list = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
            if (list == null) {
                throw new IOException("english_stop.txt not found next to SnowballFilter");
            }
            CharArraySet words = WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(list, StandardCharsets.UTF_8));
            CharArraySet all = new CharArraySet(words.size() + EXTRA_STOP_WORDS.size(), true);
            all.addAll(words);
            all.addAll(EXTRA_STOP_WORDS);
            return CharArraySet.unmodifiableSet(all);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop word list is missing from the classpath", e);
        }
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /** The analysed terms of {@code text} in order, repeats included. */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text cannot fail", e);
        }
        return terms;
    }

    public Set<String> distinctTerms(String text) {
        return new LinkedHashSet<>(terms(text));
    }
}
