package dev.gophersite.template;

import dev.gophersite.infra.SamTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Least privilege and edge protection, read from template.yaml and expanded as a deployment would get them. */
class TemplatePolicyTest {
    /** Exactly what each function's code calls; nothing else may be granted. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "PagesApiFunction", Set.of("dynamodb:GetItem on ContentTable"),
            "SiteFunction", Set.of("dynamodb:GetItem on ContentTable"),
            "AskFunction", Set.of("dynamodb:GetItem on ContentTable", "dynamodb:Query on ContentTable",
                    "dynamodb:GetItem on AnswerCacheTable", "dynamodb:PutItem on AnswerCacheTable",
                    "dynamodb:PutItem on FeedbackTable"),
            "FeedbackFunction", Set.of("dynamodb:UpdateItem on FeedbackTable"));
    private static final String BEDROCK_GRANT =
            "bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0";

    @ParameterizedTest
    @ValueSource(strings = {"bedrock", "ollama", "none"})
    void each_function_is_granted_exactly_what_its_code_uses_for_every_model_provider(String provider) {
        // given
        Policies policies = new Policies(Template.SAM, Map.of("ModelProvider", provider));

        // when / then
        Template.functions().keySet().forEach(function -> {
            Set<String> expected = new java.util.TreeSet<>(ALLOWED.get(function));
            if (function.equals("AskFunction") && provider.equals("bedrock")) {
                expected.add(BEDROCK_GRANT);
            }
            assertThat(policies.grants(function)).as(function + " with " + provider).isEqualTo(expected);
        });
    }

    @Test
    void the_expansion_sees_what_sam_policy_templates_really_grant() {
        // given a function written with SAM's read template, as the site's readers once were
        Map<String, Object> root = new java.util.LinkedHashMap<>(Template.SAM.root());
        Map<String, Object> resources = new java.util.LinkedHashMap<>(Template.SAM.resources());
        resources.put("Reader", Map.of("Type", "AWS::Serverless::Function", "Properties", Map.of(
                "Policies", List.of(Map.of("DynamoDBReadPolicy", Map.of("TableName", Map.of("Ref", "ContentTable")))))));
        resources.put("Managed", Map.of("Type", "AWS::Serverless::Function", "Properties", Map.of(
                "Policies", List.of("AmazonDynamoDBFullAccess"))));
        root.put("Resources", resources);
        Policies policies = new Policies(new SamTemplate(Template.SAM.path(), root), Map.of());

        // then Scan, BatchGetItem, DescribeTable and the indexes come with it, and a managed policy is refused
        assertThat(policies.grants("Reader")).hasSize(10).contains("dynamodb:Scan on ContentTable",
                "dynamodb:Query on ContentTable/index/*", "dynamodb:DescribeTable on ContentTable");
        assertThatThrownBy(() -> policies.grants("Managed")).hasMessageContaining("managed policy");
    }

    @Test
    void the_model_call_is_the_only_non_dynamodb_permission_and_names_one_model() {
        // given
        Policies bedrock = new Policies(Template.SAM, Map.of("ModelProvider", "bedrock",
                "BedrockModelId", "anthropic.claude-3-haiku-20240307-v1:0"));

        // then
        assertThat(bedrock.grants("AskFunction")).filteredOn(grant -> grant.startsWith("bedrock:"))
                .containsExactly("bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/"
                        + "anthropic.claude-3-haiku-20240307-v1:0");
    }

    @Test
    void no_policy_grants_wildcard_actions_or_resources() {
        List<String> wildcards = new ArrayList<>();
        Template.functions().forEach((id, function) -> {
            for (Object policy : Template.policies(function)) {
                collectWildcards(id, policy, wildcards);
            }
        });
        assertThat(wildcards).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ask_concurrency_has_a_ceiling_and_the_ask_route_its_own_throttle() {
        // given
        Map<String, Object> ask = SamTemplate.properties(Template.functions().get("AskFunction"));
        Map<String, Object> api = SamTemplate.properties(Template.SAM.resources().get("SiteApi"));
        List<Map<String, Object>> settings = (List<Map<String, Object>>) api.get("MethodSettings");

        // then
        assertThat(ask.get("ReservedConcurrentExecutions")).isEqualTo(Map.of("Fn::If",
                List.of("ReserveAskConcurrency", Map.of("Ref", "AskReservedConcurrency"), Map.of("Ref", "AWS::NoValue"))));
        assertThat(Template.SAM.section("Parameters", "AskReservedConcurrency").get("Default")).isEqualTo(10);
        assertThat(settings).anySatisfy(s -> assertThat(s).containsEntry("ResourcePath", "/ask")
                .containsEntry("HttpMethod", "POST").containsEntry("ThrottlingRateLimit", Map.of("Ref", "AskRateLimit")));
    }

    @Test
    void per_ip_rate_limit_is_a_waf_rule_that_exists_only_when_asked_for() {
        // given
        Map<String, Object> acl = Template.SAM.resources().get("SiteWebAcl");
        Map<String, Object> association = Template.SAM.resources().get("SiteWebAclAssociation");

        // then
        assertThat(acl).containsEntry("Condition", "LimitPerIp");
        assertThat(association).containsEntry("Condition", "LimitPerIp");
        assertThat(Template.SAM.section("Parameters", "PerIpRequestsPer5Min").get("Default")).isEqualTo(0);
        assertThat(String.valueOf(SamTemplate.properties(acl).get("Rules"))).contains("RateBasedStatement", "AggregateKeyType=IP");
    }

    @Test
    void alarms_cover_api_errors_function_errors_and_throttles_and_model_fallbacks() {
        // given
        Map<String, Map<String, Object>> alarms = Template.SAM.resourcesOfType("AWS::CloudWatch::Alarm");

        // then
        assertThat(alarms).containsKeys("ApiServerErrorsAlarm", "FunctionErrorsAlarm", "FunctionThrottlesAlarm",
                "AskFallbackAlarm");
        assertThat(alarms.get("AskFallbackAlarm")).containsEntry("Condition", "HasModel");
        assertThat(String.valueOf(alarms.get("AskFallbackAlarm"))).contains("AnswersExtractive", "AnswersLlm");
        Template.functions().keySet().forEach(function -> {
            assertThat(String.valueOf(alarms.get("FunctionErrorsAlarm"))).contains(function);
            assertThat(String.valueOf(alarms.get("FunctionThrottlesAlarm"))).contains(function);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void api_is_throttled_by_parameters_and_allows_no_other_origin() {
        Map<String, Object> api = SamTemplate.properties(Template.SAM.resources().get("SiteApi"));
        Map<String, Object> settings = ((List<Map<String, Object>>) api.get("MethodSettings")).getFirst();
        assertThat(settings.get("ThrottlingRateLimit")).isEqualTo(Map.of("Ref", "ApiRateLimit"));
        assertThat(settings.get("ThrottlingBurstLimit")).isEqualTo(Map.of("Ref", "ApiBurstLimit"));
        // same-origin pages need no CORS; without a Cors block API Gateway grants no cross-origin access
        assertThat(api).doesNotContainKey("Cors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_function_runs_java25_with_snapstart_and_a_log_group_with_retention() {
        assertThat(Template.global("Function", "Runtime")).isEqualTo("java25");
        assertThat(Template.global("Function", "SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        Map<String, Map<String, Object>> logGroups = Template.SAM.resourcesOfType("AWS::Logs::LogGroup");
        Template.functions().forEach((id, function) -> {
            Object logGroup = ((Map<String, Object>) SamTemplate.properties(function).get("LoggingConfig")).get("LogGroup");
            assertThat(logGroup).as(id).isEqualTo(Map.of("Ref", id + "Logs"));
            Map<String, Object> props = SamTemplate.properties(logGroups.get(id + "Logs"));
            assertThat(props.get("RetentionInDays")).isEqualTo(Map.of("Ref", "LogRetentionDays"));
        });
    }

    private static void collectWildcards(String function, Object node, List<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (("Action".equals(k) || "Resource".equals(k)) && String.valueOf(v).contains("*")) {
                    into.add(function + ": " + k + " " + v);
                }
                collectWildcards(function, v, into);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectWildcards(function, item, into));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void request_bodies_are_validated_and_bounded_at_the_api() {
        Map<String, Object> api = SamTemplate.properties(Template.SAM.resources().get("SiteApi"));
        Map<String, Object> models = (Map<String, Object>) api.get("Models");
        Map<String, Object> ask = (Map<String, Object>) ((Map<String, Object>) models.get("AskRequest")).get("properties");
        assertThat(((Map<String, Object>) ask.get("question")).get("maxLength")).isEqualTo(1000);
        assertThat(((Map<String, Object>) ask.get("history")).get("maxItems")).isEqualTo(20);
        Map<String, Object> askEvent = Template.apiEvents(Template.functions().get("AskFunction")).get("Ask");
        assertThat((Map<String, Object>) askEvent.get("RequestModel")).containsEntry("Model", "AskRequest").containsEntry("ValidateBody", true);
        Map<String, Object> feedbackEvent = Template.apiEvents(Template.functions().get("FeedbackFunction")).get("Feedback");
        assertThat((Map<String, Object>) feedbackEvent.get("RequestModel")).containsEntry("Model", "FeedbackRequest").containsEntry("ValidateBody", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void api_gateway_errors_use_the_site_error_format() {
        Map<String, Object> responses = (Map<String, Object>) SamTemplate.properties(Template.SAM.resources().get("SiteApi"))
                .get("GatewayResponses");
        assertThat(responses).containsKeys("BAD_REQUEST_BODY", "THROTTLED", "DEFAULT_4XX", "DEFAULT_5XX");
        responses.values().forEach(r -> {
            Map<String, Object> templates = (Map<String, Object>) ((Map<String, Object>) r).get("ResponseTemplates");
            assertThat((String) templates.get("application/json")).startsWith("{\"error\":{\"code\":").doesNotContain("$input");
        });
    }
}
