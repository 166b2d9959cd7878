package dev.gophersite.common.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Root-relative links ({@code href="/history"}) in HTML rendered at load time are stored without a base, since
 * the same version is served at the root and under a stage prefix; they get the request's base when a page is
 * rendered.
 */
public final class Links {
    /** An attribute value starting with one slash: a path on this site, not {@code //host} or a full URL. */
    private static final Pattern ROOT_RELATIVE = Pattern.compile("\\b(href|src)=\"/(?!/)");

    private Links() {}

    /** @param base a validated base path ({@code ""} or e.g. {@code /prod}, see Requests.basePath) */
    public static String rebase(String html, String base) {
        if (base.isEmpty()) {
            return html;
        }
        return ROOT_RELATIVE.matcher(html).replaceAll("$1=\"" + Matcher.quoteReplacement(base) + "/");
    }
}
