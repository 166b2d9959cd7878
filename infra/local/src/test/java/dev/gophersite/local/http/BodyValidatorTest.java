package dev.gophersite.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.local.template.RequestModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyValidatorTest {
    private static final Map<String, Object> SCHEMA = Map.of(
            "type",
            "object",
            "required",
            List.of("question"),
            "additionalProperties",
            false,
            "properties",
            Map.of("question", Map.of("type", "string", "minLength", 1)));
    private final BodyValidator validator = new BodyValidator();

    @Test
    void json_body_matching_the_model_passes() {
        // when / then
        assertThat(validator.problem(model(false), "application/json; charset=utf-8", bytes("{\"question\":\"go?\"}")))
                .isEmpty();
    }

    @Test
    void json_body_breaking_the_model_is_refused_with_the_reasons() {
        // when / then
        assertThat(validator.problem(model(false), "application/json", bytes("{\"question\":\"\",\"extra\":1}")))
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("the body does not match Ask: ")
                        .contains("extra"));
        assertThat(validator.problem(model(false), null, bytes("not json"))).hasValue("the body is not JSON");
    }

    @Test
    void other_content_types_are_not_validated_as_no_model_is_mapped_to_them() {
        // when / then
        assertThat(validator.problem(model(true), "application/x-www-form-urlencoded", bytes("question=")))
                .isEmpty();
    }

    @Test
    void empty_body_is_refused_only_when_the_model_is_required() {
        // when / then
        assertThat(validator.problem(model(true), "application/json", new byte[0]))
                .hasValue("the body is required");
        assertThat(validator.problem(model(false), "application/json", new byte[0]))
                .isEmpty();
    }

    private static RequestModel model(boolean required) {
        return new RequestModel("Ask", SCHEMA, required, 400, "{}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
