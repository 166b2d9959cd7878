package dev.gophersite.ask.question;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question asks for, each kind in one place: the question words that ask for it, the shape of the fact that
 * answers it, and whether a timeline entry's dated heading can be that fact. Who → a person's name, when → a date,
 * which version → a release number, how many / how much → a number. The question words of a few other languages are
 * known too: the answer's facts (names, dates, numbers) do not depend on the language. The kinds are tried in the
 * order they are declared; the first that matches wins.
 */
public enum QuestionKind {
    VERSION(
            "\\b(which|what|since which|in which|from which)( go)? (version|release)\\b|\\bversion of go\\b"
                    + "|qué versión|welche[rn]? version|quelle version|qual (versão|versao)|哪个版本|どのバージョン",
            "\\b1\\.\\d{1,2}\\b",
            true),
    WHEN(
            "^when\\b|\\bwhen (did|was|were|is|will|do|does)\\b|\\b(what|which) (year|date|month)\\b|\\bsince when\\b"
                    + "|cuándo|\\bwann\\b|\\bseit wann\\b|\\bquand\\b|\\bquando\\b|什么时候|何时|いつ",
            "\\b(19|20)\\d\\d\\b|\\b(January|February|March|April|May|June|July|August|September|October|November"
                    + "|December)\\b",
            true),
    WHO(
            "^who\\b|\\bwho (is|was|were|made|created|invented|designed|wrote|started|drew|announced|uses)\\b"
                    + "|\\bwhose\\b|\\bwhich (company|person|people|team|guy)\\b|quién|\\bwer\\b|\\bqui\\b|\\bquem\\b|谁|誰",
            // two or more capitalised words in a row: "Rob Pike", "Anders Hejlsberg", "Renée French"
            "\\b\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)+\\b",
            false),
    QUANTITY(
            "\\bhow (many|much|big|small|fast|long|large|slow|popular|often|quick|heavy)\\b"
                    + "|\\bwhat (percentage|share|size)\\b|\\bhow [a-z]+er\\b|cuánt|wie (viel|groß|schnell|lange)|combien"
                    + "|quant[oa]s?|多少|多大|どれくらい|どのくらい",
            "\\d|%|×|\\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|million"
                    + "|billion|orders? of magnitude)\\b",
            false),
    WHY("^why\\b|\\bwhy (did|do|does|is|was|not)\\b|por qué|\\bwarum\\b|pourquoi|por que|为什么|なぜ", null, false),
    OTHER(null, null, false);

    private final Pattern asks;
    private final Pattern answer;
    private final boolean datedByHeading;

    QuestionKind(String asks, String answer, boolean datedByHeading) {
        this.asks = asks == null ? null : Pattern.compile(asks);
        this.answer = answer == null ? null : Pattern.compile(answer);
        this.datedByHeading = datedByHeading;
    }

    public static QuestionKind of(String question) {
        String text = question.toLowerCase(Locale.ROOT).strip();
        for (QuestionKind kind : values()) {
            if (kind.asks != null && kind.asks.matcher(text).find()) {
                return kind;
            }
        }
        return OTHER;
    }

    /** Whether a piece of the site's text holds the kind of fact asked for; never for why and other questions. */
    public boolean fits(String text) {
        return answer != null && answer.matcher(text).find();
    }

    /**
     * Whether a timeline entry's heading ("2018-08: 1.11 — Go Modules") can hold the fact asked for, when it has
     * the fact's shape: its sentences then answer with the heading's date or release.
     */
    public boolean datedByHeading() {
        return datedByHeading;
    }
}
