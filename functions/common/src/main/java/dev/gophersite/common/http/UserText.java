package dev.gophersite.common.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one check of text people send (questions, queries, history turns, votes): it may hold line breaks and tabs
 * but no other control characters, no unpaired surrogates (half a character, which every encoder would replace
 * with {@code ?}) and no invisible format characters (zero-width spaces, byte order marks, soft hyphens, word
 * joiners, direction overrides), which render as nothing or reorder what is shown; its length is counted in code
 * points, as a person counts characters. Only the joiners that scripts and emoji need (U+200C, U+200D) pass.
 */
public final class UserText {
    private UserText() {}

    /** The bytes as UTF-8 text, or empty when they are not valid UTF-8 (never silently replaced characters). */
    public static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code text} (already stripped by the caller where blanks around it do not matter) is refused as the
     * value of {@code what}, or empty when it is acceptable.
     */
    public static Optional<String> problem(String what, String text, int maxCodePoints) {
        if (text.isBlank()) {
            return Optional.of(what + " must not be blank.");
        }
        if (hasControlCharacters(text)) {
            return Optional.of(what + " must not contain control characters.");
        }
        if (hasUnpairedSurrogate(text)) {
            return Optional.of(what + " is not valid Unicode text (it holds half of a character).");
        }
        if (hasFormatCharacters(text)) {
            return Optional.of(what + " must not contain invisible formatting characters (zero-width spaces,"
                    + " direction marks and the like).");
        }
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            return Optional.of(what + " is longer than " + maxCodePoints + " characters.");
        }
        return Optional.empty();
    }

    /**
     * Why {@code text}, which passed {@link #problem}, cannot be a question or a search: it has no letter and no
     * digit, so there is nothing to look up (punctuation, symbols or a lone combining mark). Empty when it has one.
     */
    public static Optional<String> nothingToLookUp(String what, String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit)
                ? Optional.empty()
                : Optional.of(what + " needs at least one letter or digit.");
    }

    public static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasFormatCharacters(String text) {
        return text.codePoints()
                .anyMatch(cp -> Character.getType(cp) == Character.FORMAT && cp != 0x200C && cp != 0x200D);
    }

    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
