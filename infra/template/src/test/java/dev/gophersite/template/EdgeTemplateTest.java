package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CloudFront distribution in front of the API, as a deployment with given parameters gets it: which routes
 * the edge may keep and which it must pass through, the stage as the origin path, and every property as the
 * CloudFormation resource schemas define it.
 */
class EdgeTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A concrete path per route, as a browser asks for it. */
    private static final Map<String, String> SAMPLE = Map.of(
            "/{slug}",
            "/history",
            "/assets/{file}",
            "/assets/site.0123456789abcdef.css",
            "/api/pages/{slug}",
            "/api/pages/history");
    /** Answered per request: the edge may never keep them. */
    private static final Set<String> PER_REQUEST =
            Set.of("POST /ask", "GET /ask", "POST /api/feedback", "GET /api/search", "GET /search");

    private final Policies defaults = new Policies(Template.SAM, Map.of());

    @Test
    void the_edge_is_on_by_default_and_every_part_of_it_goes_with_the_parameter() {
        // given
        Map<String, Object> parameter = Template.SAM.section("Parameters", "EdgeCache");

        // then
        assertThat(parameter.get("Default")).isEqualTo("enabled");
        Template.SAM.resources().forEach((id, resource) -> {
            if (String.valueOf(resource.get("Type")).startsWith("AWS::CloudFront::")) {
                assertThat(resource).as(id).containsEntry("Condition", "UseEdge");
            }
        });
        assertThat(new Policies(Template.SAM, Map.of("EdgeCache", "disabled"))
                        .applyConditions(Map.of("Fn::If", List.of("UseEdge", "yes", Map.of("Ref", "AWS::NoValue")))))
                .isNull();
    }

    @Test
    void every_route_that_answers_per_request_passes_through_and_every_other_is_kept_by_path_alone() {
        // given
        Map<String, Object> config = distribution(defaults);
        Map<String, Map<String, Object>> policies = cachePolicies(defaults);

        // when
        Map<String, String> kept = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        Template.functions()
                .values()
                .forEach(function -> Template.apiEvents(function).values().forEach(event -> {
                    String method = String.valueOf(event.get("Method")).toUpperCase(Locale.ROOT);
                    String path = String.valueOf(event.get("Path"));
                    String route = method + " " + path;
                    Map<String, Object> behavior = behaviorFor(config, SAMPLE.getOrDefault(path, path));
                    Map<String, Object> policy = policies.get(String.valueOf(behavior.get("CachePolicyId")));
                    boolean cached = number(policy.get("MaxTTL")) > 0;
                    kept.put(route, cached ? "kept" : "passed");
                    if (cached == PER_REQUEST.contains(route)) {
                        wrong.add(route + (cached ? " is kept at the edge" : " is never kept"));
                    }
                    if (!((List<?>) behavior.get("AllowedMethods")).contains(method)) {
                        wrong.add(route + ": the edge refuses " + method);
                    }
                    if (cached) {
                        Map<?, ?> key = (Map<?, ?>) policy.get("ParametersInCacheKeyAndForwardedToOrigin");
                        assertThat(String.valueOf(key))
                                .as(route + " key")
                                .contains("CookieBehavior=none", "HeaderBehavior=none", "QueryStringBehavior=none");
                        assertThat(key.get("EnableAcceptEncodingGzip"))
                                .as(route + " gzip")
                                .isEqualTo(true);
                        assertThat(key.get("EnableAcceptEncodingBrotli"))
                                .as(route + " brotli")
                                .isEqualTo(true);
                        assertThat(behavior).as(route).containsEntry("Compress", true);
                    }
                }));

        // then
        assertThat(wrong).isEmpty();
        assertThat(kept)
                .containsEntry("GET /", "kept")
                .containsEntry("GET /assets/{file}", "kept")
                .containsEntry("GET /api/pages/{slug}", "kept")
                .containsEntry("POST /ask", "passed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void no_behavior_that_keeps_responses_takes_a_post() {
        // given
        Map<String, Object> config = distribution(defaults);
        Map<String, Map<String, Object>> policies = cachePolicies(defaults);
        List<Map<String, Object>> behaviors = new ArrayList<>((List<Map<String, Object>>) config.get("CacheBehaviors"));
        behaviors.add((Map<String, Object>) config.get("DefaultCacheBehavior"));

        // then
        for (Map<String, Object> behavior : behaviors) {
            boolean cached = number(policies.get(String.valueOf(behavior.get("CachePolicyId")))
                            .get("MaxTTL"))
                    > 0;
            if (cached) {
                assertThat((List<String>) behavior.get("AllowedMethods"))
                        .as(behavior.get("PathPattern") + " methods")
                        .containsExactly("GET", "HEAD");
            } else {
                assertThat(behavior)
                        .as(behavior.get("PathPattern") + " forwards what the function reads")
                        .containsKey("OriginRequestPolicyId");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_origin_is_the_api_stage_so_the_distribution_root_is_the_stage_root_and_links_follow_the_edge() {
        // given
        Map<String, Object> origin =
                ((List<Map<String, Object>>) distribution(defaults).get("Origins")).getFirst();
        Map<String, Object> api =
                SamTemplate.properties(Template.SAM.resources().get("SiteApi"));

        // then
        assertThat(origin.get("OriginPath")).isEqualTo("/" + api.get("StageName"));
        assertThat(origin.get("DomainName")).isEqualTo("ref:SiteApi.execute-api.us-east-1.amazonaws.com");
        assertThat(origin.get("OriginCustomHeaders"))
                .isEqualTo(List.of(Map.of("HeaderName", "X-Forwarded-Prefix", "HeaderValue", "/")));
        assertThat((Map<String, Object>) origin.get("CustomOriginConfig"))
                .containsEntry("OriginProtocolPolicy", "https-only");
    }

    @Test
    void a_custom_domain_takes_both_its_name_and_its_certificate() {
        // given
        Map<String, String> custom = Map.of(
                "EdgeDomainName",
                "go.example.com",
                "EdgeCertificateArn",
                "arn:aws:acm:us-east-1:000000000000:certificate/abc");
        Map<String, String> nameOnly = Map.of("EdgeDomainName", "go.example.com");

        // when
        Map<String, Object> withDomain = distribution(new Policies(Template.SAM, custom));
        Map<String, Object> withoutCertificate = distribution(new Policies(Template.SAM, nameOnly));

        // then
        assertThat(withDomain.get("Aliases")).isEqualTo(List.of("go.example.com"));
        assertThat(withDomain.get("ViewerCertificate"))
                .isEqualTo(Map.of(
                        "AcmCertificateArn",
                        custom.get("EdgeCertificateArn"),
                        "SslSupportMethod",
                        "sni-only",
                        "MinimumProtocolVersion",
                        "TLSv1.2_2021"));
        assertThat(withoutCertificate).doesNotContainKey("Aliases");
        assertThat(withoutCertificate.get("ViewerCertificate")).isEqualTo(Map.of("CloudFrontDefaultCertificate", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"defaults", "custom domain"})
    void every_cloudfront_resource_matches_its_cloudformation_schema(String setting) throws IOException {
        // given
        Policies policies = new Policies(
                Template.SAM,
                setting.equals("defaults")
                        ? Map.of()
                        : Map.of(
                                "EdgeDomainName",
                                "go.example.com",
                                "EdgeCertificateArn",
                                "arn:aws:acm:us-east-1:0:certificate/x"));
        List<String> problems = new ArrayList<>();

        // when
        for (Map.Entry<String, Map<String, Object>> resource :
                Template.SAM.resources().entrySet()) {
            String type = String.valueOf(resource.getValue().get("Type"));
            if (!type.startsWith("AWS::CloudFront::")) {
                continue;
            }
            Object properties = resolve(SamTemplate.properties(resource.getValue()), policies);
            for (ValidationMessage message : schema(type).validate(JSON.valueToTree(properties))) {
                problems.add(resource.getKey() + ": " + message.getMessage());
            }
        }

        // then
        assertThat(problems).isEmpty();
    }

    @Test
    void the_schema_check_finds_a_misplaced_property() throws IOException {
        // given a cache policy with its TTL beside the configuration instead of in it
        Map<String, Object> broken = Map.of(
                "CachePolicyConfig",
                Map.of(
                        "Name",
                        "x",
                        "MinTTL",
                        0,
                        "MaxTTL",
                        1,
                        "DefaultTTL",
                        0,
                        "ParametersInCacheKeyAndForwardedToOrigin",
                        Map.of()),
                "DefaultTTL",
                5);

        // then
        assertThat(schema("AWS::CloudFront::CachePolicy").validate(JSON.valueToTree(broken)))
                .isNotEmpty();
    }

    /** The distribution's configuration with the parameters' conditions applied and references named. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> distribution(Policies policies) {
        Map<String, Object> properties = (Map<String, Object>)
                resolve(SamTemplate.properties(Template.SAM.resources().get("EdgeDistribution")), policies);
        return (Map<String, Object>) properties.get("DistributionConfig");
    }

    /** Cache policies by the reference a behavior names them with. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> cachePolicies(Policies policies) {
        Map<String, Map<String, Object>> byRef = new LinkedHashMap<>();
        Template.SAM
                .resourcesOfType("AWS::CloudFront::CachePolicy")
                .forEach((id, policy) -> byRef.put("ref:" + id, (Map<String, Object>)
                        ((Map<String, Object>) resolve(SamTemplate.properties(policy), policies))
                                .get("CachePolicyConfig")));
        return byRef;
    }

    /**
     * The behavior CloudFront picks for a path: the first cache behavior whose pattern matches, in order, else the
     * default ("*" any characters, "?" one, case-sensitive; CloudFront developer guide, "Path pattern").
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> behaviorFor(Map<String, Object> config, String path) {
        for (Map<String, Object> behavior : (List<Map<String, Object>>) config.get("CacheBehaviors")) {
            String pattern = String.valueOf(behavior.get("PathPattern"));
            String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (path.matches(regex)) {
                return behavior;
            }
        }
        return (Map<String, Object>) config.get("DefaultCacheBehavior");
    }

    /**
     * Conditions applied; parameters, pseudo parameters and mappings resolved; a reference to a resource named
     * {@code ref:Id} (and its attributes {@code ref:Id.Attribute}), which is what a schema checks: a string.
     */
    static Object resolve(Object node, Policies policies) {
        Object chosen = policies.applyConditions(node);
        if (chosen instanceof Map<?, ?> map && map.size() == 1) {
            Object key = map.keySet().iterator().next();
            Object argument = map.get(key);
            if ("Ref".equals(key) && Template.SAM.resources().containsKey(String.valueOf(argument))) {
                return "ref:" + argument;
            }
            if ("Fn::GetAtt".equals(key)) {
                return "ref:"
                        + String.join(
                                ".",
                                ((List<?>) argument)
                                        .stream().map(String::valueOf).toList());
            }
            if ("Fn::Sub".equals(key) && argument instanceof String text) {
                return substitute(text, policies);
            }
            if (String.valueOf(key).equals("Ref") || String.valueOf(key).startsWith("Fn::")) {
                return policies.resolved(chosen);
            }
        }
        if (chosen instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object value = resolve(v, policies);
                if (value != null) {
                    out.put(String.valueOf(k), value);
                }
            });
            return out;
        }
        if (chosen instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> {
                Object value = resolve(item, policies);
                if (value != null) {
                    out.add(value);
                }
            });
            return out;
        }
        return chosen;
    }

    /** {@code ${Resource}} and {@code ${Resource.Attribute}} named, the rest as CloudFormation resolves it. */
    private static String substitute(String text, Policies policies) {
        StringBuilder out = new StringBuilder();
        var matcher = Pattern.compile("\\$\\{([^}!]+)}").matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            String value =
                    Template.SAM.resources().containsKey(head) ? "ref:" + name : policies.resolved(Map.of("Ref", name));
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static JsonSchema schema(String type) throws IOException {
        String file = "/schemas/cloudformation/" + type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
        try (InputStream in = EdgeTemplateTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file + " on the test classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static long number(Object value) {
        return Long.parseLong(String.valueOf(value));
    }
}
