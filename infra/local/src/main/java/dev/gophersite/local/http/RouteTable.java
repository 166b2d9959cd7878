package dev.gophersite.local.http;

import dev.gophersite.local.template.ApiRoute;
import dev.gophersite.local.template.Cors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches requests to the template's routes as API Gateway does: first the resource (the most specific path,
 * a literal segment beating {@code {param}}, which beats {@code {proxy+}}), then the method on that resource.
 * So {@code GET /ask} goes to {@code /ask} even though {@code /{slug}} would also match.
 */
public final class RouteTable {
    private enum Kind {
        LITERAL,
        PARAM,
        GREEDY
    }

    private record Segment(Kind kind, String text) {
        static Segment of(String raw) {
            if (raw.startsWith("{") && raw.endsWith("+}")) {
                return new Segment(Kind.GREEDY, raw.substring(1, raw.length() - 2));
            }
            if (raw.startsWith("{") && raw.endsWith("}")) {
                return new Segment(Kind.PARAM, raw.substring(1, raw.length() - 1));
            }
            return new Segment(Kind.LITERAL, raw);
        }
    }

    private record Resource(String path, List<Segment> segments, Map<String, ApiRoute> byMethod, Cors cors) {}

    public sealed interface Match {}

    /** {@code head}: a HEAD request answered by the GET route, without a body. */
    public record Found(ApiRoute route, Map<String, String> pathParameters, boolean head) implements Match {}

    public record Preflight(Map<String, String> headers) implements Match {}

    public record MethodNotAllowed(Set<String> allowed) implements Match {}

    public record NotFound() implements Match {}

    /** The path is not valid percent-encoding. */
    public record BadPath() implements Match {}

    private static final Comparator<Resource> MOST_SPECIFIC_FIRST = (a, b) -> {
        for (int i = 0; i < Math.min(a.segments().size(), b.segments().size()); i++) {
            int byKind =
                    a.segments().get(i).kind().compareTo(b.segments().get(i).kind());
            if (byKind != 0) {
                return byKind;
            }
        }
        return Integer.compare(b.segments().size(), a.segments().size());
    };

    private final List<Resource> resources;

    public RouteTable(List<ApiRoute> routes) {
        Map<String, Resource> byPath = new LinkedHashMap<>();
        for (ApiRoute route : routes) {
            Resource resource = byPath.computeIfAbsent(
                    route.path(), path -> new Resource(path, segments(path), new LinkedHashMap<>(), route.cors()));
            resource.byMethod().put(route.method(), route);
            if (!resource.cors().enabled() && route.cors().enabled()) {
                byPath.put(
                        route.path(),
                        new Resource(resource.path(), resource.segments(), resource.byMethod(), route.cors()));
            }
        }
        List<Resource> sorted = new ArrayList<>(byPath.values());
        sorted.sort(MOST_SPECIFIC_FIRST);
        this.resources = List.copyOf(sorted);
    }

    public Match match(String method, String rawPath) {
        List<String> path;
        try {
            path = decodedSegments(rawPath);
        } catch (IllegalArgumentException e) {
            return new BadPath();
        }
        for (Resource resource : resources) {
            Map<String, String> parameters = bind(resource.segments(), path);
            if (parameters != null) {
                return onResource(resource, method, parameters);
            }
        }
        return new NotFound();
    }

    private static Match onResource(Resource resource, String method, Map<String, String> parameters) {
        ApiRoute route =
                resource.byMethod().getOrDefault(method, resource.byMethod().get("ANY"));
        if (route != null) {
            return new Found(route, parameters, false);
        }
        if (method.equals("HEAD") && resource.byMethod().containsKey("GET")) {
            return new Found(resource.byMethod().get("GET"), parameters, true);
        }
        Set<String> allowed = new LinkedHashSet<>(resource.byMethod().keySet());
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        if (resource.cors().enabled()) {
            allowed.add("OPTIONS");
            if (method.equals("OPTIONS")) {
                return new Preflight(resource.cors().preflightHeaders(String.join(",", allowed)));
            }
        }
        return new MethodNotAllowed(allowed);
    }

    /** Path parameters bound by the resource, or {@code null} when it does not match. */
    private static Map<String, String> bind(List<Segment> segments, List<String> path) {
        boolean greedy = !segments.isEmpty() && segments.getLast().kind() == Kind.GREEDY;
        if (greedy ? path.size() < segments.size() : path.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            String value = path.get(i);
            switch (segment.kind()) {
                case LITERAL -> {
                    if (!segment.text().equals(value)) {
                        return null;
                    }
                }
                case PARAM -> {
                    if (value.isEmpty()) {
                        return null;
                    }
                    parameters.put(segment.text(), value);
                }
                case GREEDY -> parameters.put(segment.text(), String.join("/", path.subList(i, path.size())));
            }
        }
        return parameters;
    }

    private static List<Segment> segments(String path) {
        return path.equals("/")
                ? List.of()
                : java.util.Arrays.stream(path.substring(1).split("/"))
                        .map(Segment::of)
                        .toList();
    }

    /** The request path's segments, percent-decoded one by one (so an encoded slash stays inside its segment). */
    static List<String> decodedSegments(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/")) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            segments.add(decodePathSegment(raw));
        }
        return segments;
    }

    /** Percent-decoding for a path: unlike a query, {@code +} is a plus sign. */
    static String decodePathSegment(String raw) {
        return raw.indexOf('%') < 0 ? raw : URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
