package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.project.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Least privilege and edge protection, read from template.yaml and expanded as a deployment would get them. */
class TemplatePolicyTest {
    /** Exactly what each function's code calls, and its own log stream; nothing else may be granted. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "PagesApiFunction", Set.of("dynamodb:GetItem on ContentTable"),
            "SiteFunction", Set.of("dynamodb:GetItem on ContentTable"),
            "AskFunction",
                    Set.of(
                            "dynamodb:GetItem on ContentTable",
                            "dynamodb:Query on ContentTable",
                            "dynamodb:GetItem on AnswerCacheTable",
                            "dynamodb:PutItem on AnswerCacheTable",
                            "dynamodb:PutItem on FeedbackTable"),
            "SearchFunction", Set.of("dynamodb:GetItem on ContentTable", "dynamodb:Query on ContentTable"),
            "FeedbackFunction", Set.of("dynamodb:UpdateItem on FeedbackTable"));

    private static final String PROFILE =
            "arn:aws:bedrock:us-east-1:000000000000:inference-profile/us.amazon.nova-micro-v1:0";
    private static final Set<String> BEDROCK_GRANTS = Set.of(
            "bedrock:InvokeModel on " + PROFILE,
            "bedrock:InvokeModel on arn:aws:bedrock:*::foundation-model/amazon.nova-micro-v1:0"
                    + " if StringEquals bedrock:InferenceProfileArn=" + PROFILE);

    @ParameterizedTest
    @ValueSource(strings = {"bedrock", "ollama", "none"})
    void each_function_is_granted_exactly_what_its_code_uses_for_every_model_provider(String provider) {
        // given
        Policies policies = new Policies(Template.SAM, Map.of("ModelProvider", provider));

        // when / then
        Template.functions().keySet().forEach(function -> {
            Set<String> expected = new java.util.TreeSet<>(ALLOWED.get(function));
            expected.add("logs:CreateLogStream on " + function + "Logs");
            expected.add("logs:PutLogEvents on " + function + "Logs");
            if (function.equals("AskFunction") && provider.equals("bedrock")) {
                expected.addAll(BEDROCK_GRANTS);
            }
            assertThat(policies.grants(function))
                    .as(function + " with " + provider)
                    .isEqualTo(expected);
        });
    }

    @Test
    void the_expansion_sees_what_sam_policy_templates_really_grant() {
        // given a function written with SAM's read template, as the site's readers once were
        Map<String, Object> root = new java.util.LinkedHashMap<>(Template.SAM.root());
        Map<String, Object> resources = new java.util.LinkedHashMap<>(Template.SAM.resources());
        resources.put(
                "Reader",
                Map.of(
                        "Type",
                        "AWS::Serverless::Function",
                        "Properties",
                        Map.of(
                                "Policies",
                                List.of(Map.of(
                                        "DynamoDBReadPolicy", Map.of("TableName", Map.of("Ref", "ContentTable")))))));
        resources.put(
                "Managed",
                Map.of(
                        "Type",
                        "AWS::Serverless::Function",
                        "Properties",
                        Map.of("Policies", List.of("AmazonDynamoDBFullAccess"))));
        root.put("Resources", resources);
        Policies policies = new Policies(new SamTemplate(Template.SAM.path(), root), Map.of());

        // then Scan, BatchGetItem, DescribeTable and the indexes come with it, and SAM's logs on every log group,
        // and a managed policy is refused
        assertThat(policies.grants("Reader"))
                .hasSize(13)
                .contains(
                        "dynamodb:Scan on ContentTable",
                        "dynamodb:Query on ContentTable/index/*",
                        "dynamodb:DescribeTable on ContentTable",
                        "logs:CreateLogGroup on *",
                        "logs:PutLogEvents on *");
        assertThatThrownBy(() -> policies.grants("Managed")).hasMessageContaining("managed policy");
    }

    @Test
    void the_model_call_is_the_only_permission_beyond_tables_and_logs_and_names_one_model() {
        // given
        Policies bedrock = new Policies(
                Template.SAM,
                Map.of(
                        "ModelProvider",
                        "bedrock",
                        "BedrockInvocation",
                        "in-region",
                        "BedrockModelId",
                        "anthropic.claude-3-haiku-20240307-v1:0"));

        // then
        assertThat(bedrock.grants("AskFunction"))
                .filteredOn(grant -> !grant.startsWith("dynamodb:") && !grant.startsWith("logs:"))
                .containsExactly("bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/"
                        + "anthropic.claude-3-haiku-20240307-v1:0");
    }

    /**
     * Expanded for every model setting: a wildcard only where nothing narrower exists, the foundation model's region
     * behind a profile (limited by its condition to calls through that one profile) and what AWS's VPC policy
     * grants to a function in a VPC.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bedrock", "bedrock in-region", "ollama", "ollama in a VPC", "none"})
    void no_function_is_granted_a_wildcard_but_the_profile_routing_and_the_vpc_network_interfaces(String setting) {
        // given
        Map<String, String> parameters = switch (setting) {
            case "bedrock in-region" -> Map.of("ModelProvider", "bedrock", "BedrockInvocation", "in-region");
            case "ollama in a VPC" ->
                Map.of("ModelProvider", "ollama", "OllamaSubnetIds", "subnet-1", "OllamaSecurityGroupIds", "sg-1");
            default -> Map.of("ModelProvider", setting);
        };
        Policies policies = new Policies(Template.SAM, parameters);
        Set<String> vpcPolicy = new java.util.TreeSet<>();
        Policies.MANAGED.get("AWSLambdaVPCAccessExecutionRole").forEach(action -> vpcPolicy.add(action + " on *"));

        // when
        List<String> wildcards = new ArrayList<>();
        Template.functions()
                .keySet()
                .forEach(function -> policies.grants(function).stream()
                        .filter(grant -> grant.contains("*"))
                        .filter(grant -> !(grant.contains(":bedrock:*::foundation-model/")
                                && grant.contains(
                                        " if StringEquals bedrock:InferenceProfileArn=arn:aws:bedrock:us-east-1:")))
                        .filter(grant -> !(setting.equals("ollama in a VPC")
                                && function.equals("AskFunction")
                                && vpcPolicy.contains(grant)))
                        .forEach(grant -> wildcards.add(function + ": " + grant)));

        // then
        assertThat(wildcards).isEmpty();
    }

    @Test
    void per_ip_rate_limit_is_a_waf_rule_that_exists_only_when_asked_for() {
        // given
        Map<String, Object> acl = Template.SAM.resources().get("SiteWebAcl");
        Map<String, Object> association = Template.SAM.resources().get("SiteWebAclAssociation");

        // then
        assertThat(acl).containsEntry("Condition", "LimitPerIp");
        assertThat(association).containsEntry("Condition", "LimitPerIp");
        assertThat(Template.SAM.section("Parameters", "PerIpRequestsPer5Min").get("Default"))
                .isEqualTo("0");
        assertThat(String.valueOf(SamTemplate.properties(acl).get("Rules"))).contains("RateBasedStatement");
    }

    @Test
    @SuppressWarnings("unchecked")
    void behind_the_edge_the_per_ip_rule_counts_the_client_address_cloudfront_forwards() {
        // given
        Map<String, Object> rule = ((List<Map<String, Object>>)
                        SamTemplate.properties(Template.SAM.resources().get("SiteWebAcl"))
                                .get("Rules"))
                .getFirst();
        Object statement = ((Map<String, Object>) rule.get("Statement")).get("RateBasedStatement");

        // when
        Object edge =
                EdgeTemplateTest.resolve(statement, new Policies(Template.SAM, Map.of("PerIpRequestsPer5Min", "100")));
        Object direct = EdgeTemplateTest.resolve(
                statement, new Policies(Template.SAM, Map.of("PerIpRequestsPer5Min", "100", "EdgeCache", "disabled")));

        // then every request would come from a CloudFront address, and the rule would block them all together
        assertThat((Map<String, Object>) edge)
                .containsEntry("AggregateKeyType", "FORWARDED_IP")
                .containsEntry(
                        "ForwardedIPConfig", Map.of("HeaderName", "X-Forwarded-For", "FallbackBehavior", "MATCH"));
        assertThat((Map<String, Object>) direct)
                .containsEntry("AggregateKeyType", "IP")
                .doesNotContainKey("ForwardedIPConfig");
    }

    @Test
    void alarms_cover_api_errors_function_errors_and_throttles_and_model_fallbacks() {
        // given
        Map<String, Map<String, Object>> alarms = Template.SAM.resourcesOfType("AWS::CloudWatch::Alarm");

        // then
        assertThat(alarms)
                .containsKeys(
                        "ApiServerErrorsAlarm", "FunctionErrorsAlarm", "FunctionThrottlesAlarm", "AskFallbackAlarm");
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
        Map<String, Object> api =
                SamTemplate.properties(Template.SAM.resources().get("SiteApi"));
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
            Object logGroup =
                    ((Map<String, Object>) SamTemplate.properties(function).get("LoggingConfig")).get("LogGroup");
            assertThat(logGroup).as(id).isEqualTo(Map.of("Ref", id + "Logs"));
            Map<String, Object> props = SamTemplate.properties(logGroups.get(id + "Logs"));
            assertThat(props.get("RetentionInDays")).isEqualTo(Map.of("Ref", "LogRetentionDays"));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void request_bodies_are_validated_and_bounded_at_the_api() {
        Map<String, Object> api =
                SamTemplate.properties(Template.SAM.resources().get("SiteApi"));
        Map<String, Object> models = (Map<String, Object>) api.get("Models");
        Map<String, Object> ask =
                (Map<String, Object>) ((Map<String, Object>) models.get("AskRequest")).get("properties");
        assertThat(((Map<String, Object>) ask.get("question")).get("maxLength")).isEqualTo(1000);
        assertThat(((Map<String, Object>) ask.get("history")).get("maxItems")).isEqualTo(20);
        Map<String, Object> askEvent =
                Template.apiEvents(Template.functions().get("AskFunction")).get("Ask");
        assertThat((Map<String, Object>) askEvent.get("RequestModel"))
                .containsEntry("Model", "AskRequest")
                .containsEntry("ValidateBody", true);
        Map<String, Object> feedbackEvent =
                Template.apiEvents(Template.functions().get("FeedbackFunction")).get("Feedback");
        assertThat((Map<String, Object>) feedbackEvent.get("RequestModel"))
                .containsEntry("Model", "FeedbackRequest")
                .containsEntry("ValidateBody", true);
    }

    @Test
    @SuppressWarnings("unchecked")
    void api_gateway_errors_use_the_site_error_format() {
        Map<String, Object> responses = (Map<String, Object>)
                SamTemplate.properties(Template.SAM.resources().get("SiteApi")).get("GatewayResponses");
        assertThat(responses).containsKeys("BAD_REQUEST_BODY", "THROTTLED", "DEFAULT_4XX", "DEFAULT_5XX");
        responses.values().forEach(r -> {
            Map<String, Object> templates = (Map<String, Object>) ((Map<String, Object>) r).get("ResponseTemplates");
            assertThat((String) templates.get("application/json"))
                    .startsWith("{\"error\":{\"code\":")
                    .doesNotContain("$input");
        });
    }
}
