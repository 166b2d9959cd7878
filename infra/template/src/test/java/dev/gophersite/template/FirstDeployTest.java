package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.local.template.Intrinsics;
import dev.gophersite.project.SamTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a first {@code sam deploy} with default answers does on a new account, in any region, checked by the rules
 * CloudFormation, SAM and the services apply (each rule is cited where it is encoded; docs/deploying.md lists what
 * was run to confirm them).
 */
class FirstDeployTest {
    private static final String ACCOUNT = "000000000000";
    private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";

    @Test
    void with_default_answers_no_function_reserves_concurrency_so_a_new_account_with_a_quota_of_10_can_deploy() {
        // given Lambda keeps 100 of the account's concurrency unreserved (Lambda developer guide, "Configuring
        // reserved concurrency"): any reservation fails the stack on an account whose quota is below 100 + it
        Policies defaults = new Policies(Template.SAM, Map.of());

        // when
        Map<String, Object> reserved = new TreeMap<>();
        Template.functions().forEach((id, function) -> {
            Object value =
                    defaults.applyConditions(SamTemplate.properties(function).get("ReservedConcurrentExecutions"));
            if (value != null) {
                reserved.put(id, value);
            }
        });

        // then
        assertThat(reserved).isEmpty();
    }

    @Test
    void the_ask_reservation_is_there_when_asked_for() {
        // given
        Policies reserving = new Policies(Template.SAM, Map.of("AskReservedConcurrency", "20"));

        // when
        Object value = reserving.applyConditions(
                SamTemplate.properties(Template.functions().get("AskFunction")).get("ReservedConcurrentExecutions"));

        // then
        assertThat(new Intrinsics(Template.SAM, Map.of(), Policies.REGION, Map.of("AskReservedConcurrency", "20"))
                        .resolve(value))
                .isEqualTo("20");
    }

    @ParameterizedTest
    @CsvSource({
        "us-east-1, us",
        "us-east-2, us",
        "us-west-2, us",
        "eu-west-1, eu",
        "eu-central-1, eu",
        "eu-north-1, eu",
        "ap-southeast-2, apac",
        "ap-northeast-1, apac",
        "ap-south-1, apac"
    })
    void the_default_bedrock_model_is_nova_micro_through_the_geographic_profile_of_the_stack_region(
            String region, String prefix) {
        // given Nova Micro is invokable on demand only in us-east-1 (and GovCloud); elsewhere only through the
        // us., eu. and apac. inference profiles (Bedrock user guide, "Supported Regions and models for batch
        // inference", Nova Micro row, read 2026-11)
        Map<String, String> bedrock = Map.of("ModelProvider", "bedrock");

        // when
        String modelId = environment("AskFunction", region, bedrock).get("MODEL_ID");

        // then
        assertThat(modelId).isEqualTo(prefix + "." + NOVA_MICRO);
    }

    @Test
    void a_profile_is_granted_on_itself_and_on_its_model_in_any_region_it_routes_to_but_only_through_it() {
        // given (Bedrock user guide, "Geographic cross-Region inference": the profile, the model in the source
        // Region and in every destination Region; "Prerequisites for inference profiles": the
        // bedrock:InferenceProfileArn condition limits the model to calls through the profile)
        Policies policies = new Policies(Template.SAM, Map.of("ModelProvider", "bedrock"), "eu-west-1");
        String profile = "arn:aws:bedrock:eu-west-1:" + ACCOUNT + ":inference-profile/eu." + NOVA_MICRO;

        // when
        Set<String> grants = policies.grants("AskFunction");

        // then
        assertThat(grants)
                .filteredOn(grant -> grant.startsWith("bedrock:"))
                .containsExactlyInAnyOrder(
                        "bedrock:InvokeModel on " + profile,
                        "bedrock:InvokeModel on arn:aws:bedrock:*::foundation-model/" + NOVA_MICRO
                                + " if StringEquals bedrock:InferenceProfileArn=" + profile);
    }

    @Test
    void a_plain_model_id_is_invoked_on_demand_in_the_stack_region_and_granted_there_only() {
        // given
        Map<String, String> inRegion = Map.of(
                "ModelProvider",
                "bedrock",
                "BedrockInvocation",
                "in-region",
                "BedrockModelId",
                "anthropic.claude-3-haiku-20240307-v1:0");
        Policies policies = new Policies(Template.SAM, inRegion, "eu-west-1");

        // when
        String modelId = environment("AskFunction", "eu-west-1", inRegion).get("MODEL_ID");
        Set<String> grants = policies.grants("AskFunction");

        // then
        assertThat(modelId).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(grants)
                .filteredOn(grant -> grant.startsWith("bedrock:"))
                .containsExactly(
                        "bedrock:InvokeModel on arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
    }

    @Test
    void every_region_of_the_profile_map_has_the_prefix_of_its_geography() {
        // given
        Map<String, Object> regions = Template.SAM.section("Mappings", "BedrockGeography");

        // then
        assertThat(regions).isNotEmpty();
        regions.forEach((region, settings) -> {
            String prefix = String.valueOf(((Map<?, ?>) settings).get("ProfilePrefix"));
            String expected = switch (region.substring(0, region.indexOf('-'))) {
                case "us" -> "us";
                case "eu" -> "eu";
                case "ap" -> "apac";
                default -> "none";
            };
            assertThat(prefix).as(region).isEqualTo(expected);
        });
    }

    /**
     * CloudFormation's MethodSetting.ResourcePath: "Forward slashes (/) are encoded as ~1 and the initial slash must
     * include a forward slash. For example, the path value /resource/subresource must be encoded as
     * /~1resource~1subresource." A path written unencoded names no resource, and the setting silently applies to
     * nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void every_method_setting_names_a_route_of_the_api_encoded_as_cloudformation_reads_it() {
        // given
        Map<String, String> encodedRoutes = new LinkedHashMap<>();
        Template.functions()
                .values()
                .forEach(function -> Template.apiEvents(function)
                        .values()
                        .forEach(event -> encodedRoutes.put(
                                encodeResourcePath(String.valueOf(event.get("Path"))) + " "
                                        + String.valueOf(event.get("Method")).toUpperCase(Locale.ROOT),
                                String.valueOf(event.get("Path")))));
        List<Map<String, Object>> settings = (List<Map<String, Object>>)
                SamTemplate.properties(Template.SAM.resources().get("SiteApi")).get("MethodSettings");

        // when
        List<String> unmatched = new ArrayList<>();
        for (Map<String, Object> setting : settings) {
            String path = String.valueOf(setting.get("ResourcePath"));
            String method = String.valueOf(setting.get("HttpMethod"));
            boolean stageWide = path.equals("/*") && method.equals("*");
            if (!stageWide && !encodedRoutes.containsKey(path + " " + method)) {
                unmatched.add(method + " " + path);
            }
        }

        // then
        assertThat(encodeResourcePath("/api/search")).isEqualTo("/~1api~1search");
        assertThat(settings).hasSizeGreaterThan(1);
        assertThat(unmatched).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void post_ask_has_its_own_throttle_below_the_stage_wide_one() {
        // given
        List<Map<String, Object>> settings = (List<Map<String, Object>>)
                SamTemplate.properties(Template.SAM.resources().get("SiteApi")).get("MethodSettings");

        // then
        assertThat(settings)
                .anySatisfy(s -> assertThat(s)
                        .containsEntry("ResourcePath", "/~1ask")
                        .containsEntry("HttpMethod", "POST")
                        .containsEntry("ThrottlingRateLimit", Map.of("Ref", "AskRateLimit"))
                        .containsEntry("ThrottlingBurstLimit", Map.of("Ref", "AskBurstLimit")));
    }

    @Test
    void search_runs_in_a_function_of_its_own_that_cannot_call_a_model() {
        // given
        Map<String, String> owners = new TreeMap<>();
        Template.functions()
                .forEach((id, function) -> Template.apiEvents(function)
                        .values()
                        .forEach(event -> owners.put(event.get("Method") + " " + event.get("Path"), id)));
        String search = owners.get("GET /api/search");
        Policies bedrock = new Policies(Template.SAM, Map.of("ModelProvider", "bedrock"));

        // then
        assertThat(search).isNotEqualTo(owners.get("POST /ask"));
        assertThat(owners.get("GET /search")).isEqualTo(search);
        assertThat(bedrock.grants(search)).noneMatch(grant -> grant.startsWith("bedrock:"));
        assertThat(environment(search, Policies.REGION, Map.of("ModelProvider", "bedrock")))
                .doesNotContainKeys("MODEL_PROVIDER", "MODEL_ID", "MODEL_ENDPOINT");
        assertThat(SamTemplate.properties(Template.functions().get(search)))
                .doesNotContainKey("ReservedConcurrentExecutions");
    }

    /**
     * SAM names a function's published version after its code location and its settings as written, references
     * unresolved (samtranslator 1.110.0, {@code SamFunction._construct_version}; a changed parameter value was
     * confirmed to keep every version id), so neither a content load nor a parameter change publishes a version,
     * and SnapStart primes a version only when it is published. The loader re-publishes every function after a
     * load: the stack must name them, and give whoever runs the loader exactly that.
     */
    @Test
    void the_stack_names_every_function_for_the_loader_and_grants_it_exactly_what_a_load_and_republish_call() {
        // given
        Map<String, Object> output = Template.SAM.section("Outputs", "FunctionNames");
        Policies policies = new Policies(Template.SAM, Map.of());

        // when
        Set<String> grants = policies.policyGrants("LoaderPolicy");

        // then
        assertThat(String.valueOf(output.get("Value")))
                .contains(Template.functions().keySet().stream()
                        .map(id -> "{Ref=" + id + "}")
                        .toList());
        Set<String> expected = new java.util.TreeSet<>(Set.of(
                "cloudformation:DescribeStacks on arn:aws:cloudformation:us-east-1:" + ACCOUNT
                        + ":stack/gopher-site-local/local",
                "dynamodb:BatchWriteItem on ContentTable",
                "dynamodb:DeleteItem on ContentTable",
                "dynamodb:GetItem on ContentTable",
                "dynamodb:PutItem on ContentTable",
                "dynamodb:Query on ContentTable",
                "cloudfront:CreateInvalidation on arn:aws:cloudfront::" + ACCOUNT + ":distribution/EdgeDistribution"));
        for (String function : Template.functions().keySet()) {
            for (String action : List.of(
                    "lambda:GetFunctionConfiguration",
                    "lambda:UpdateFunctionConfiguration",
                    "lambda:PublishVersion",
                    "lambda:UpdateAlias")) {
                expected.add(action + " on " + function);
                expected.add(action + " on arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + function + ":*");
            }
        }
        assertThat(grants).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0, true",
        "10, true",
        "2000, true",
        "2000000000, true",
        "1, false",
        "9, false",
        "-1, false",
        "2000000001, false",
        "ten, false"
    })
    void the_per_ip_limit_takes_only_what_waf_takes_or_zero_for_none(String value, boolean accepted) {
        // given WAF's RateBasedStatement.Limit: 10 to 2,000,000,000 (the CloudFormation resource schema, as
        // vendored in cfn-lint 1.51.0)
        Map<String, Object> parameter = Template.SAM.section("Parameters", "PerIpRequestsPer5Min");

        // then
        assertThat(ParameterConstraints.accepts(parameter, value)).as(value).isEqualTo(accepted);
    }

    @Test
    void content_and_feedback_tables_outlive_the_stack_and_a_replacement() {
        for (String table : List.of("ContentTable", "FeedbackTable")) {
            assertThat(Template.SAM.resources().get(table))
                    .as(table)
                    .containsEntry("DeletionPolicy", "Retain")
                    .containsEntry("UpdateReplacePolicy", "Retain");
        }
    }

    @Test
    void tables_use_the_free_owned_key_unless_kms_is_asked_for() {
        // given SSEEnabled true means an AWS managed KMS key, paid per request; absent or false, the owned key
        // (CloudFormation AWS::DynamoDB::Table SSESpecification)
        Policies defaults = new Policies(Template.SAM, Map.of());
        Policies kms = new Policies(Template.SAM, Map.of("TableEncryption", "kms"));

        // then
        Template.SAM.resourcesOfType("AWS::DynamoDB::Table").forEach((id, table) -> {
            Object sse = SamTemplate.properties(table).get("SSESpecification");
            assertThat(defaults.applyConditions(sse)).as(id).isNull();
            assertThat(kms.applyConditions(sse)).as(id).isEqualTo(Map.of("SSEEnabled", true, "SSEType", "KMS"));
        });
    }

    @Test
    void the_vpc_access_policy_is_attached_only_when_the_ask_function_runs_in_a_vpc() {
        // given
        Policies defaults = new Policies(Template.SAM, Map.of());
        Policies inVpc = new Policies(
                Template.SAM,
                Map.of("ModelProvider", "ollama", "OllamaSubnetIds", "subnet-1", "OllamaSecurityGroupIds", "sg-1"));

        // then
        Template.functions()
                .keySet()
                .forEach(function -> assertThat(defaults.managedPolicies(function))
                        .as(function)
                        .isEmpty());
        assertThat(inVpc.managedPolicies("AskFunction")).containsExactly("AWSLambdaVPCAccessExecutionRole");
    }

    /**
     * In metric math, an expression over series of which one has no datapoint in a period has no value there
     * (CloudWatch user guide, "Using math expressions": use FILL to give missing values one); a function that was
     * not invoked would hide the errors of the others.
     */
    @Test
    @SuppressWarnings("unchecked")
    void alarm_expressions_fill_every_series_that_can_be_missing() {
        List<String> bare = new ArrayList<>();
        Template.SAM.resourcesOfType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            List<Map<String, Object>> metrics =
                    (List<Map<String, Object>>) SamTemplate.properties(alarm).getOrDefault("Metrics", List.of());
            List<String> series = metrics.stream()
                    .filter(m -> m.containsKey("MetricStat"))
                    .map(m -> String.valueOf(m.get("Id")))
                    .toList();
            metrics.stream().filter(m -> m.containsKey("Expression")).forEach(m -> {
                String expression = String.valueOf(m.get("Expression"));
                for (String name : series) {
                    String unfilled = expression.replaceAll("FILL\\(\\s*" + name + "\\s*,\\s*0\\s*\\)", "");
                    if (Pattern.compile("\\b" + name + "\\b").matcher(unfilled).find()) {
                        bare.add(id + ": " + name + " in " + expression);
                    }
                }
            });
        });
        assertThat(bare).isEmpty();
    }

    static String encodeResourcePath(String path) {
        return path.equals("/") ? "/" : "/" + path.replace("/", "~1");
    }

    private static Map<String, String> environment(String function, String region, Map<String, String> parameters) {
        Intrinsics intrinsics = new Intrinsics(
                Template.SAM,
                Map.of("ContentTable", "content", "FeedbackTable", "feedback", "AnswerCacheTable", "cache"),
                region,
                parameters);
        Map<String, String> environment = new TreeMap<>();
        for (Object variables : List.of(
                variables(Template.SAM.section("Globals", "Function")),
                variables(SamTemplate.properties(Template.functions().get(function))))) {
            ((Map<?, ?>) variables).forEach((name, value) -> {
                String resolved = intrinsics.resolve(value);
                if (resolved == null) {
                    environment.remove(String.valueOf(name));
                } else {
                    environment.put(String.valueOf(name), resolved);
                }
            });
        }
        return environment;
    }

    private static Map<?, ?> variables(Map<String, Object> props) {
        return props.get("Environment") instanceof Map<?, ?> environment
                        && environment.get("Variables") instanceof Map<?, ?> variables
                ? variables
                : Map.of();
    }

    /** CloudFormation's checks of a parameter value against its declared constraints. */
    static final class ParameterConstraints {
        private ParameterConstraints() {}

        static boolean accepts(Map<String, Object> parameter, String value) {
            String type = String.valueOf(parameter.get("Type"));
            if (parameter.get("AllowedValues") instanceof List<?> allowed
                    && allowed.stream().map(String::valueOf).noneMatch(value::equals)) {
                return false;
            }
            if (type.equals("Number")) {
                double number;
                try {
                    number = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return false;
                }
                return !(parameter.get("MinValue") instanceof Number min && number < min.doubleValue())
                        && !(parameter.get("MaxValue") instanceof Number max && number > max.doubleValue());
            }
            if (parameter.get("AllowedPattern") instanceof String pattern) {
                Matcher matcher = Pattern.compile(pattern).matcher(value);
                return matcher.matches();
            }
            return true;
        }
    }
}
