package dev.gophersite.ask.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.IOUtils;

/**
 * The one analyzer used for indexing passages, for questions, for the grounding check and for picking extractive
 * statements, so all of them agree on what a "term" is: Lucene's English analysis (standard tokens, possessives
 * removed, lower case, Porter stems) with the Snowball English stop list, which unlike Lucene's short default
 * list also drops question words and auxiliaries ("who", "how", "does"), so only the content words of a question
 * count.
 */
public final class TextAnalysis {
    /**
     * Words the Snowball list lacks that say nothing about a question's subject: modal verbs, the words a request
     * is wrapped in ("please tell me"), contractions typed without an apostrophe ("whats", "doesnt"), and filler
     * ("realistically", "actually", "even").
     */
    private static final List<String> EXTRA_STOP_WORDS = List.of(
            "can",
            "will",
            "shall",
            "may",
            "might",
            "must",
            "please",
            "tell",
            "explain",
            "describe",
            "show",
            "give",
            "know",
            "want",
            "need",
            "help",
            "let",
            "like",
            "whats",
            "hows",
            "whos",
            "wheres",
            "whens",
            "whys",
            "thats",
            "theres",
            "isnt",
            "arent",
            "wasnt",
            "werent",
            "doesnt",
            "dont",
            "didnt",
            "cant",
            "cannot",
            "wont",
            "wouldnt",
            "shouldnt",
            "couldnt",
            "hasnt",
            "havent",
            "im",
            "ive",
            "youre",
            "actually",
            "really",
            "even",
            "ever",
            "just",
            "still",
            "realistically",
            "basically",
            "exactly",
            "simply",
            "anyway",
            "btw",
            "tho",
            "though",
            "ok",
            "okay",
            "hi",
            "hello",
            "thanks",
            "pls",
            "plz",
            "u",
            "ur",
            "vs",
            "versus",
            "one",
            "someone",
            "something",
            "anything",
            "thing",
            "things",
            "way");
    /**
     * Irregular English verb forms, so "chose" meets "choose" and "made" meets "make" (Porter stemming only
     * strips regular endings). General English, nothing about this site.
     */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("made", "make"),
            Map.entry("chose", "choose"),
            Map.entry("chosen", "choose"),
            Map.entry("wrote", "write"),
            Map.entry("written", "write"),
            Map.entry("drew", "draw"),
            Map.entry("drawn", "draw"),
            Map.entry("began", "begin"),
            Map.entry("begun", "begin"),
            Map.entry("came", "come"),
            Map.entry("took", "take"),
            Map.entry("taken", "take"),
            Map.entry("gave", "give"),
            Map.entry("given", "give"),
            Map.entry("ran", "run"),
            Map.entry("built", "build"),
            Map.entry("got", "get"),
            Map.entry("gotten", "get"),
            Map.entry("saw", "see"),
            Map.entry("seen", "see"),
            Map.entry("knew", "know"),
            Map.entry("known", "know"),
            Map.entry("found", "find"),
            Map.entry("thought", "think"),
            Map.entry("brought", "bring"),
            Map.entry("bought", "buy"),
            Map.entry("said", "say"),
            Map.entry("told", "tell"),
            Map.entry("grew", "grow"),
            Map.entry("grown", "grow"),
            Map.entry("threw", "throw"),
            Map.entry("thrown", "throw"),
            Map.entry("spoke", "speak"),
            Map.entry("spoken", "speak"),
            Map.entry("shown", "show"),
            Map.entry("held", "hold"),
            Map.entry("kept", "keep"),
            Map.entry("led", "lead"),
            Map.entry("meant", "mean"),
            Map.entry("paid", "pay"),
            Map.entry("sent", "send"),
            Map.entry("stood", "stand"),
            Map.entry("understood", "understand"),
            Map.entry("won", "win"),
            Map.entry("lost", "lose"),
            Map.entry("felt", "feel"),
            Map.entry("fought", "fight"),
            Map.entry("rewrote", "rewrite"),
            Map.entry("rewritten", "rewrite"),
            Map.entry("children", "child"),
            Map.entry("people", "person"),
            Map.entry("men", "man"));

    /**
     * The dot of a qualified name ({@code errgroup.WithContext}, {@code context.Context}), which the standard
     * tokenizer would keep inside one token, so each part is a term; a release ("1.18") keeps its dot.
     */
    private static final Pattern DOTTED_NAME = Pattern.compile("(?<=\\p{L})\\.(?=\\p{L})");

    private final Analyzer analyzer;

    public TextAnalysis() {
        CharArraySet stopWords = stopWords();
        StemmerOverrideFilter.StemmerOverrideMap overrides = overrides();
        this.analyzer = new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return new PatternReplaceCharFilter(DOTTED_NAME, " ", reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                result = new LowerCaseFilter(result);
                result = new StopFilter(result, stopWords);
                result = new StemmerOverrideFilter(result, overrides);
                result = new PorterStemFilter(result);
                return new TokenStreamComponents(source, result);
            }
        };
    }

    public static CharArraySet stopWords() {
        try (InputStream list = SnowballFilter.class.getResourceAsStream("english_stop.txt")) {
            if (list == null) {
                throw new IOException("english_stop.txt not found next to SnowballFilter");
            }
            CharArraySet words =
                    WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(list, StandardCharsets.UTF_8));
            CharArraySet all = new CharArraySet(words.size() + EXTRA_STOP_WORDS.size(), true);
            all.addAll(words);
            all.addAll(EXTRA_STOP_WORDS);
            return CharArraySet.unmodifiableSet(all);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's English stop word list is missing from the classpath", e);
        }
    }

    /** Each irregular form maps to the Porter stem of its base form, which is what the base form becomes. */
    private static StemmerOverrideFilter.StemmerOverrideMap overrides() {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        try (Analyzer porter = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(new LowerCaseFilter(source)));
            }
        }) {
            for (Map.Entry<String, String> e : IRREGULAR.entrySet()) {
                builder.add(e.getKey(), single(porter, e.getValue()));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("building in-memory stem overrides cannot fail", e);
        }
    }

    private static String single(Analyzer analyzer, String word) throws IOException {
        try (TokenStream stream = analyzer.tokenStream("w", new StringReader(word))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            stream.incrementToken();
            String stem = term.toString();
            stream.end();
            return stem;
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
