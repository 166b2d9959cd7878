package dev.gophersite.common.web;

import dev.gophersite.common.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's static files by the names pages link them with: the file's name with the hash of its bytes
 * ({@code site.3f2a9c0d1e2b4a56.css}), so a browser or the edge may keep it for a year and a changed file is a
 * new address. The files ship in every function's jar ({@code web/}), so a page any function renders names the
 * same bytes SiteFunction serves.
 */
public final class AssetNames {
    /** The files every page links. */
    static final List<String> LINKED = List.of("site.css", "widget.css", "search.js", "widget.js");

    private static final Pattern REQUESTED = Pattern.compile("([a-z0-9-]{1,40})(?:\\.([0-9a-f]{16}))?\\.(css|js|svg)");
    private static final Map<String, String> HASHES = hashes();

    private AssetNames() {}

    /** A requested asset: the file, and the hash its name carried, if any. */
    public record Requested(String file, Optional<String> hash) {}

    /** The name a page links {@code file} with. */
    public static String hashed(String file) {
        String hash = HASHES.get(file);
        if (hash == null) {
            throw new IllegalArgumentException(file + " is not one of the linked assets " + LINKED);
        }
        int dot = file.lastIndexOf('.');
        return file.substring(0, dot) + "." + hash + file.substring(dot);
    }

    /** {@code site.css} or {@code site.<16 hex>.css}; anything else is no asset name. */
    public static Optional<Requested> parse(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        Matcher matcher = REQUESTED.matcher(requested);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(
                new Requested(matcher.group(1) + "." + matcher.group(3), Optional.ofNullable(matcher.group(2))));
    }

    /** The hash the file's name carries: the first 16 hex digits of the SHA-256 of its bytes. */
    public static String hash(byte[] bytes) {
        return Hashes.sha256Hex(bytes).substring(0, 16);
    }

    private static Map<String, String> hashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String file : LINKED) {
            try (InputStream in = AssetNames.class.getClassLoader().getResourceAsStream("web/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("web/" + file + " is missing from the jar");
                }
                hashes.put(file, hash(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(hashes);
    }
}
