package dev.gophersite.ask.question;

import java.util.regex.Pattern;

/** Whether a piece of the site's text holds the kind of fact a question asks for. */
public final class AnswerShapes {
    /** Two or more capitalised words in a row: "Rob Pike", "Anders Hejlsberg", "Renée French". */
    private static final Pattern PERSON = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)+\\b");
    private static final Pattern DATE = Pattern.compile("\\b(19|20)\\d\\d\\b|\\b(January|February|March|April|May|June|July"
            + "|August|September|October|November|December)\\b");
    private static final Pattern RELEASE = Pattern.compile("\\b1\\.\\d{1,2}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d|%|×|\\b(two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|hundred|thousand|million|billion|orders? of magnitude)\\b");

    private AnswerShapes() {
    }

    public static boolean fits(QuestionKind kind, String text) {
        return switch (kind) {
            case WHO -> PERSON.matcher(text).find();
            case WHEN -> DATE.matcher(text).find();
            case VERSION -> RELEASE.matcher(text).find();
            case QUANTITY -> NUMBER.matcher(text).find();
            case WHY, OTHER -> false;
        };
    }
}
