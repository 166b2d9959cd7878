package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The template must pass the official SAM JSON schema, as `sam validate` would check it. */
class TemplateSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The schema ships with this module (see schemas/NOTICE.md); a clone without it is broken, not skippable. */
    private static JsonSchema samSchema() throws IOException {
        try (InputStream in = TemplateSchemaTest.class.getResourceAsStream("/schemas/sam.schema.json")) {
            assertThat(in).as("schemas/sam.schema.json on the test classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @Test
    void template_is_valid_against_the_sam_schema() throws IOException {
        // given
        JsonSchema schema = samSchema();
        JsonNode template = MAPPER.valueToTree(Template.SAM.root());

        // when
        Set<ValidationMessage> errors = schema.validate(template);

        // then
        assertThat(errors).isEmpty();
    }

    @Test
    void schema_check_rejects_a_broken_function() throws IOException {
        // given a function with a misspelt property
        JsonSchema schema = samSchema();
        Map<String, Object> root = new LinkedHashMap<>(Template.SAM.root());
        Map<String, Object> resources = new LinkedHashMap<>(Template.SAM.resources());
        resources.put(
                "Broken",
                Map.of(
                        "Type",
                        "AWS::Serverless::Function",
                        "Properties",
                        Map.of("Handler", "x::y", "Runtim", "java25", "CodeUri", "x.jar")));
        root.put("Resources", resources);

        // when
        Set<ValidationMessage> errors = schema.validate(MAPPER.valueToTree(root));

        // then
        assertThat(errors).isNotEmpty();
    }
}
