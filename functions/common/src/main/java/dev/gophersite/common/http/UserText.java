package dev.gophersite.common.http;

/** Checks on text people send: it may hold line breaks and tabs, but no other control characters. */
public final class UserText {
    private UserText() {
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
