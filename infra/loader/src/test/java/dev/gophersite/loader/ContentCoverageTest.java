package dev.gophersite.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.content.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing of the source text may be lost on its way to the pages: every figure and every proper name in
 * the source text (a copy in {@code src/test/resources/seed/go-site.txt}) must appear in the text the site serves.
 */
class ContentCoverageTest {
    /** Decorative labels of the scraped page (section badges), not facts. */
    private static final Set<String> LABELS = Set.of("GoEra", "ProductionUsers", "TheRoadAhead", "WhyGo");

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern NAME = Pattern.compile("\\b[A-Z][A-Za-z]+(?:[A-Z][a-z]+)*\\b");

    @Test
    void every_figure_and_name_of_the_source_is_on_some_page() throws IOException {
        // given
        String source = Files.readString(TestPaths.seed());
        StringBuilder served = new StringBuilder();
        for (ParsedPage page : new ContentParser().parseDirectory(TestPaths.content())) {
            served.append(page.title()).append('\n').append(page.summary()).append('\n');
            for (Section section : page.sections()) {
                served.append(section.heading())
                        .append('\n')
                        .append(section.text())
                        .append('\n');
            }
        }
        String text = squash(served.toString());

        // when
        Set<String> tokens = new LinkedHashSet<>();
        collect(NUMBER, source, tokens);
        collect(NAME, source, tokens);
        List<String> missing = new ArrayList<>();
        for (String token : tokens) {
            if (!LABELS.contains(token) && !text.contains(squash(token)) && !scrapeJoined(token, text)) {
                missing.add(token);
            }
        }

        // then
        System.out.println(
                "content coverage: " + tokens.size() + " figures and names checked, " + missing.size() + " missing");
        assertThat(tokens).hasSizeGreaterThan(250);
        assertThat(missing).isEmpty();
    }

    private static void collect(Pattern pattern, String source, Set<String> into) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            into.add(m.group());
        }
    }

    /**
     * The scrape glued words together ("10February", "GOPATHpain"); such a token counts as present when it splits
     * into two parts that both stand as whole words.
     */
    private static boolean scrapeJoined(String token, String text) {
        for (int i = 1; i < token.length(); i++) {
            if (hasWord(text, token.substring(0, i)) && hasWord(text, token.substring(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasWord(String text, String word) {
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])")
                .matcher(text)
                .find();
    }

    private static String squash(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ");
    }
}
