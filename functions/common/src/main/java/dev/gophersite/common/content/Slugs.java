package dev.gophersite.common.content;

import java.util.regex.Pattern;

/** The one definition of a valid slug, shared by the loader (to reject bad content) and readers (to reject bad requests). */
public final class Slugs {
    public static final int MAX_LENGTH = 64;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slugs() {}

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && SLUG.matcher(slug).matches();
    }
}
