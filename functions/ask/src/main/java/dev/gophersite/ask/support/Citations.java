package dev.gophersite.ask.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model answer's citations against the passages it was given: a citation of a passage that does not
 * exist (a small model's guess) is removed, so every remaining {@code [n]} points at a real source.
 */
public final class Citations {
    /** A citation with the blanks before it, which go too when the whole citation is removed. */
    private static final Pattern CITATION = Pattern.compile("([ \\t]*)\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*]");

    private Citations() {}

    /** @param cited the valid passage numbers cited, in order of first appearance */
    public record Checked(String text, List<Integer> cited) {
        public boolean citesAnything() {
            return !cited.isEmpty();
        }
    }

    public static Checked check(String answer, int passageCount) {
        Set<Integer> cited = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        // text between backticks is code, where a[0] is an index and no citation
        String[] spans = answer.split("`", -1);
        for (int i = 0; i < spans.length; i++) {
            if (i > 0) {
                out.append('`');
            }
            out.append(i % 2 == 0 ? checkProse(spans[i], passageCount, cited) : spans[i]);
        }
        return new Checked(out.toString().strip(), List.copyOf(cited));
    }

    private static String checkProse(String prose, int passageCount, Set<Integer> cited) {
        Matcher m = CITATION.matcher(prose);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> valid = new ArrayList<>();
            for (String number : m.group(2).split("\\s*[,;]\\s*")) {
                int n = Integer.parseInt(number.strip());
                if (n >= 1 && n <= passageCount) {
                    valid.add(Integer.toString(n));
                    cited.add(n);
                }
            }
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(valid.isEmpty() ? "" : m.group(1) + "[" + String.join(", ", valid) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
