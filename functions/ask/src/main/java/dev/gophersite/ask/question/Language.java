package dev.gophersite.ask.question;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a question is written in English, the site's language. The embedding model and the word analysis are
 * English, so a question in another language is answered only from the Go terms it shares with the pages. Read
 * from the script (a letter outside Latin), then from the small words every sentence has: a question whose
 * function words are mostly Spanish, French, German, Portuguese or Italian is not English, whatever technical
 * words it borrows.
 */
public final class Language {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Set<String> ENGLISH = Set.of(
            "the", "a", "an", "is", "are", "was", "were", "do", "does", "did", "what", "which", "who", "when", "where",
            "why", "how", "of", "in", "on", "for", "to", "and", "or", "it", "its", "can", "i", "you", "my", "with",
            "has", "have", "there", "that", "this", "much", "many", "from", "at", "by", "be", "about", "than", "vs");
    private static final Set<String> OTHER = Set.of(
            // Spanish
            "el",
            "la",
            "los",
            "las",
            "que",
            "qué",
            "cómo",
            "como",
            "cuál",
            "cuáles",
            "cuándo",
            "cuánto",
            "cuántos",
            "cuántas",
            "quién",
            "por",
            "para",
            "una",
            "uno",
            "es",
            "del",
            "de",
            "y",
            "en",
            "lenguaje",
            // French
            "le",
            "les",
            "des",
            "du",
            "est",
            "sont",
            "quel",
            "quelle",
            "quels",
            "quelles",
            "comment",
            "pourquoi",
            "combien",
            "qui",
            "quand",
            "une",
            "avec",
            "dans",
            "sur",
            "pour",
            "il",
            "elle",
            "et",
            "langage",
            // German
            "der",
            "das",
            "ist",
            "sind",
            "wie",
            "warum",
            "welche",
            "welcher",
            "wann",
            "wer",
            "und",
            "ein",
            "eine",
            "mit",
            "für",
            "von",
            "auf",
            "nicht",
            "viel",
            "viele",
            "sprache",
            // Portuguese
            "o",
            "os",
            "e",
            "é",
            "qual",
            "quais",
            "quantas",
            "quantos",
            "quanto",
            "quando",
            "quem",
            "porque",
            "uma",
            "mais",
            "linguagem",
            // Italian
            "lo",
            "gli",
            "che",
            "di",
            "è",
            "sono",
            "quale",
            "quali",
            "perché",
            "quanti",
            "quante",
            "chi",
            "linguaggio");

    private Language() {}

    /** The text without the other languages' function words, which may look like words of the site ("de" facto). */
    public static String withoutFunctionWords(String text) {
        return WORD.matcher(text).replaceAll(m -> OTHER.contains(m.group().toLowerCase(Locale.ROOT)) ? " " : m.group());
    }

    public static boolean isEnglish(String text) {
        if (text.indexOf('¿') >= 0 || text.indexOf('¡') >= 0) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c) && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
                return false;
            }
            i += Character.charCount(c);
        }
        int english = 0;
        int other = 0;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            english += ENGLISH.contains(word) ? 1 : 0;
            other += OTHER.contains(word) ? 1 : 0;
        }
        return other <= english;
    }
}
