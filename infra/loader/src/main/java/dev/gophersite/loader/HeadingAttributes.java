package dev.gophersite.loader;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Text;

/**
 * Attributes written at the end of a {@code ##} heading, as in Pandoc: {@code ## Highlights {.hero}},
 * {@code ## Cloud-native + AI infra {badge=GoEra}}. Classes say what the section is on its page ({@code hero},
 * {@code card}, {@code wide} for a card across the whole grid, {@code plain}); {@code badge} is a code-style label shown with the heading.
 */
record HeadingAttributes(Set<String> classes, String badge) {
    static final Set<String> CLASSES = Set.of("hero", "card", "wide", "plain");
    static final HeadingAttributes NONE = new HeadingAttributes(Set.of(), "");
    private static final Pattern TRAILING = Pattern.compile("(?s)(.*?)[ \\t]*\\{([^{}]*)}[ \\t]*");
    private static final Pattern BADGE = Pattern.compile("badge=(?:\"([^\"]+)\"|(\\S+))");

    /** A heading attribute list that is not valid, with why. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Takes the attribute list off the end of the heading, so its text is the heading's words only, and returns
     * what it declared.
     */
    static Optional<HeadingAttributes> strip(Heading heading) {
        if (!(heading.getLastChild() instanceof Text text)) {
            return Optional.empty();
        }
        Matcher m = TRAILING.matcher(text.getLiteral());
        if (!m.matches()) {
            return Optional.empty();
        }
        HeadingAttributes attributes = parse(m.group(2));
        text.setLiteral(m.group(1));
        return Optional.of(attributes);
    }

    static HeadingAttributes parse(String list) {
        Set<String> classes = new LinkedHashSet<>();
        String badge = "";
        Matcher quoted = BADGE.matcher(list);
        String rest = list;
        if (quoted.find()) {
            badge = quoted.group(1) != null ? quoted.group(1) : quoted.group(2);
            rest = list.substring(0, quoted.start()) + " " + list.substring(quoted.end());
        }
        for (String token : rest.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (!token.startsWith(".") || !CLASSES.contains(token.substring(1))) {
                throw new Invalid("unknown heading attribute '" + token + "' (allowed: "
                        + String.join(
                                ", ",
                                CLASSES.stream().sorted().map(c -> "." + c).toList()) + ", badge=Label)");
            }
            classes.add(token.substring(1));
        }
        if (classes.size() > 1) {
            throw new Invalid("a heading takes one of "
                    + CLASSES.stream().sorted().map(c -> "." + c).toList() + ", not "
                    + classes.stream().map(c -> "." + c).toList());
        }
        return new HeadingAttributes(Set.copyOf(classes), badge.strip());
    }
}
