package dev.gophersite.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gophersite.dynalite.Repo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The template must pass the official SAM JSON schema, as `sam validate` would check it. */
class TemplateSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema samSchema() throws IOException {
        Path schema = Repo.root().resolve("../shared/schemas/sam.schema.json").normalize();
        Assumptions.assumeTrue(Files.exists(schema), () -> {
            System.out.println("SKIPPED SAM schema validation: " + schema + " not found");
            return "SAM schema not present";
        });
        try (InputStream in = Files.newInputStream(schema)) {
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
        resources.put("Broken", Map.of("Type", "AWS::Serverless::Function",
                "Properties", Map.of("Handler", "x::y", "Runtim", "java25", "CodeUri", "x.jar")));
        root.put("Resources", resources);

        // when
        Set<ValidationMessage> errors = schema.validate(MAPPER.valueToTree(root));

        // then
        assertThat(errors).isNotEmpty();
    }
}
