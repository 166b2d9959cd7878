package dev.gophersite.pages.site;

import dev.gophersite.common.web.AssetNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The site's static files (stylesheet, scripts), served from the jar's {@code web/} folder under their plain
 * name ({@code site.css}) or the content-hashed one pages link ({@code site.<hash>.css}, see {@link AssetNames}).
 */
public final class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /**
     * @param hash    the content hash of these bytes, as asset names carry it
     * @param current whether the requested name named these bytes: no hash (the plain name) or another one, from a
     *                page rendered before the file changed, is not
     */
    public record Asset(String name, String contentType, String body, String hash, boolean current) {
        public String etag() {
            return "\"" + hash + "\"";
        }
    }

    /** The file a requested name names, with whether the name's hash is this file's. */
    public Optional<Asset> find(String requested) {
        return AssetNames.parse(requested)
                .flatMap(name -> file(name.file())
                        .map(asset -> new Asset(
                                asset.name(),
                                asset.contentType(),
                                asset.body(),
                                asset.hash(),
                                name.hash().filter(asset.hash()::equals).isPresent())));
    }

    private Optional<Asset> file(String name) {
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
            return Optional.of(
                    new Asset(name, type, new String(bytes, StandardCharsets.UTF_8), AssetNames.hash(bytes), false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
