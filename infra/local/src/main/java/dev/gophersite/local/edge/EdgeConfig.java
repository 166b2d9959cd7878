package dev.gophersite.local.edge;

import dev.gophersite.project.SamTemplate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The distribution as template.yaml declares it, for the local edge: its origin path and the headers it adds,
 * and its behaviors in order with their cache policy's TTLs and what each forwards. Read from the template, like
 * the dev server's routes, so the local edge caches what CloudFront would.
 */
public record EdgeConfig(
        String originPath, Map<String, String> originHeaders, List<Behavior> behaviors, Behavior defaultBehavior) {
    static final String DISTRIBUTION_TYPE = "AWS::CloudFront::Distribution";
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /**
     * @param pattern         the path pattern ({@code *} any characters, {@code ?} one); {@code *} for the default
     * @param allowedMethods  methods the edge accepts here; others get 403, as CloudFront answers
     * @param ttl             the cache policy's bounds; {@link EdgeCache.Ttl#neverCaches} for questions and searches
     * @param forwardQuery    whether the query string reaches the origin
     * @param forwardHeaders  the viewer headers that reach the origin (lower case)
     */
    public record Behavior(
            String pattern,
            Set<String> allowedMethods,
            EdgeCache.Ttl ttl,
            boolean forwardQuery,
            Set<String> forwardHeaders) {
        boolean matches(String path) {
            return PATTERNS.computeIfAbsent(
                            pattern,
                            p -> Pattern.compile(
                                    Pattern.quote(p).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q")))
                    .matcher(path)
                    .matches();
        }
    }

    /** The behavior CloudFront picks for a path: the first whose pattern matches, in order, else the default. */
    public Behavior behaviorFor(String path) {
        for (Behavior behavior : behaviors) {
            if (behavior.matches(path)) {
                return behavior;
            }
        }
        return defaultBehavior;
    }

    public static Optional<EdgeConfig> fromTemplate(SamTemplate template) {
        Map<String, Map<String, Object>> distributions = template.resourcesOfType(DISTRIBUTION_TYPE);
        if (distributions.isEmpty()) {
            return Optional.empty();
        }
        Map<?, ?> config = (Map<?, ?>)
                SamTemplate.properties(distributions.values().iterator().next()).get("DistributionConfig");
        Map<?, ?> origin = (Map<?, ?>) ((List<?>) config.get("Origins")).getFirst();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Object header : (List<?>) value(origin, "OriginCustomHeaders", List.of())) {
            Map<?, ?> h = (Map<?, ?>) header;
            headers.put(String.valueOf(h.get("HeaderName")), String.valueOf(h.get("HeaderValue")));
        }
        List<Behavior> behaviors = new ArrayList<>();
        for (Object behavior : (List<?>) value(config, "CacheBehaviors", List.of())) {
            behaviors.add(behavior(template, (Map<?, ?>) behavior));
        }
        String originPath = String.valueOf(value(origin, "OriginPath", ""));
        return Optional.of(
                new EdgeConfig(originPath, Map.copyOf(headers), List.copyOf(behaviors), behavior(template, (Map<?, ?>)
                        config.get("DefaultCacheBehavior"))));
    }

    private static Behavior behavior(SamTemplate template, Map<?, ?> behavior) {
        Set<String> methods = Set.copyOf(((List<?>) behavior.get("AllowedMethods"))
                .stream().map(String::valueOf).toList());
        Map<?, ?> cachePolicy = policy(template, behavior.get("CachePolicyId"), "CachePolicyConfig");
        EdgeCache.Ttl ttl = new EdgeCache.Ttl(
                seconds(cachePolicy.get("MinTTL")),
                seconds(cachePolicy.get("DefaultTTL")),
                seconds(cachePolicy.get("MaxTTL")));
        boolean query = false;
        Set<String> headers = Set.of();
        if (behavior.get("OriginRequestPolicyId") != null) {
            Map<?, ?> request = policy(template, behavior.get("OriginRequestPolicyId"), "OriginRequestPolicyConfig");
            query = "all".equals(((Map<?, ?>) request.get("QueryStringsConfig")).get("QueryStringBehavior"));
            Map<?, ?> headerConfig = (Map<?, ?>) request.get("HeadersConfig");
            headers = Set.copyOf(((List<?>) value(headerConfig, "Headers", List.of()))
                    .stream()
                            .map(h -> String.valueOf(h).toLowerCase(Locale.ROOT))
                            .toList());
        }
        return new Behavior(String.valueOf(value(behavior, "PathPattern", "*")), methods, ttl, query, headers);
    }

    /** A policy the behavior names with {@code !Ref} to a resource of the template. */
    private static Map<?, ?> policy(SamTemplate template, Object ref, String configKey) {
        if (!(ref instanceof Map<?, ?> map
                && map.get("Ref") instanceof String id
                && template.resources().get(id) instanceof Map<String, Object> resource)) {
            throw new IllegalArgumentException("the local edge reads policies the template declares, found " + ref);
        }
        return (Map<?, ?>) SamTemplate.properties(resource).get(configKey);
    }

    private static Object value(Object map, String key, Object fallback) {
        Object value = ((Map<?, ?>) map).get(key);
        return value == null ? fallback : value;
    }

    private static Duration seconds(Object value) {
        return Duration.ofSeconds(Long.parseLong(String.valueOf(value)));
    }
}
