package dev.gophersite.ask.question;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question asks for, read from its question words, so an answer can lead with that kind of fact: who →
 * people, when → dates, which version → a release number, how many / how much → a number. The question words of a
 * few other languages are known too: the answer's facts (names, dates, numbers) do not depend on the language.
 */
public enum QuestionKind {
    VERSION(Pattern.compile("\\b(which|what|since which|in which|from which)( go)? (version|release)\\b|\\bversion of go\\b"
            + "|qué versión|welche[rn]? version|quelle version|qual (versão|versao)|哪个版本|どのバージョン")),
    WHEN(Pattern.compile("^when\\b|\\bwhen (did|was|were|is|will|do|does)\\b|\\b(what|which) (year|date|month)\\b|\\bsince when\\b"
            + "|cuándo|\\bwann\\b|\\bseit wann\\b|\\bquand\\b|\\bquando\\b|什么时候|何时|いつ")),
    WHO(Pattern.compile("^who\\b|\\bwho (is|was|were|made|created|invented|designed|wrote|started|drew|announced|uses)\\b"
            + "|\\bwhose\\b|\\bwhich (company|person|people|team|guy)\\b|quién|\\bwer\\b|\\bqui\\b|\\bquem\\b|谁|誰")),
    QUANTITY(Pattern.compile("\\bhow (many|much|big|small|fast|long|large|slow|popular|often|quick|heavy)\\b"
            + "|\\bwhat (percentage|share|size)\\b|\\bhow [a-z]+er\\b|cuánt|wie (viel|groß|schnell|lange)|combien"
            + "|quant[oa]s?|多少|多大|どれくらい|どのくらい")),
    WHY(Pattern.compile("^why\\b|\\bwhy (did|do|does|is|was|not)\\b|por qué|\\bwarum\\b|pourquoi|por que|为什么|なぜ")),
    OTHER(Pattern.compile("$^"));

    private static final List<QuestionKind> IN_ORDER = List.of(VERSION, WHEN, WHO, QUANTITY, WHY);
    private final Pattern pattern;

    QuestionKind(Pattern pattern) {
        this.pattern = pattern;
    }

    public static QuestionKind of(String question) {
        String text = question.toLowerCase(Locale.ROOT).strip();
        for (QuestionKind kind : IN_ORDER) {
            if (kind.pattern.matcher(text).find()) {
                return kind;
            }
        }
        return OTHER;
    }
}
