package dev.gophersite.pages.site;

import dev.gophersite.common.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The site's static files (stylesheet, chat widget), served from the jar's {@code web/} folder. */
public final class Assets {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,40}\\.(css|js|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    public record Asset(String name, String contentType, String body, String etag) {
    }

    public Optional<Asset> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Asset cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        // only files that exist are cached, so made-up names cannot grow the map
        Optional<Asset> loaded = load(name);
        loaded.ifPresent(asset -> cache.put(name, asset));
        return loaded;
    }

    private static Optional<Asset> load(String name) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return Optional.of(new Asset(name, type, new String(bytes, StandardCharsets.UTF_8), "\"" + hash(bytes) + "\""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String hash(byte[] bytes) {
        return Hashes.sha256Hex(bytes).substring(0, 16);
    }
}
