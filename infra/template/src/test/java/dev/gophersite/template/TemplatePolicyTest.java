package dev.gophersite.template;

import dev.gophersite.infra.SamTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege and edge protection, read from template.yaml. */
class TemplatePolicyTest {

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
    void page_readers_can_only_read_and_feedback_can_only_write() {
        // then
        assertThat(policyNames("PagesApiFunction")).containsExactly("DynamoDBReadPolicy");
        assertThat(policyNames("SiteFunction")).containsExactly("DynamoDBReadPolicy");
        assertThat(policyNames("FeedbackFunction")).containsExactly("DynamoDBWritePolicy");
        assertThat(policyNames("AskFunction")).containsExactly("DynamoDBReadPolicy", "Statement");
    }

    @Test
    @SuppressWarnings("unchecked")
    void ask_function_may_only_get_and_put_cached_answers() {
        Map<String, Object> statement = (Map<String, Object>) Template.policies(Template.functions().get("AskFunction"))
                .stream().map(p -> (Map<String, Object>) p).filter(p -> p.containsKey("Statement"))
                .findFirst().orElseThrow();
        List<Map<String, Object>> statements = (List<Map<String, Object>>) statement.get("Statement");
        assertThat(statements).hasSize(1);
        assertThat((List<String>) statements.getFirst().get("Action")).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem");
        assertThat(statements.getFirst().get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of("AnswerCacheTable", "Arn")));
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

    @SuppressWarnings("unchecked")
    private static List<String> policyNames(String function) {
        return Template.policies(Template.functions().get(function)).stream()
                .map(p -> p instanceof Map<?, ?> m ? (String) m.keySet().iterator().next() : String.valueOf(p))
                .toList();
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
