package dev.gophersite.common.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one check of text people send (questions, queries, history turns, votes): it may hold line breaks and tabs
 * but no other control characters, and its length is counted in code points, as a person counts characters.
 */
public final class UserText {
    private UserText() {
    }

    /** The bytes as UTF-8 text, or empty when they are not valid UTF-8 (never silently replaced characters). */
    public static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
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
        if (text.codePointCount(0, text.length()) > maxCodePoints) {
            return Optional.of(what + " is longer than " + maxCodePoints + " characters.");
        }
        return Optional.empty();
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
