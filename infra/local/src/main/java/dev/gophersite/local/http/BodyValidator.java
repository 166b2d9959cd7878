package dev.gophersite.local.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gophersite.local.runtime.ProxyJson;
import dev.gophersite.local.template.RequestModel;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API Gateway's body validation: a JSON body is checked against the route's model (JSON Schema draft 4, as API
 * Gateway models are); bodies of other content types are not checked, as no model is mapped to them.
 */
final class BodyValidator {
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    /** By model instance: compiled on first use, as few routes have one and the library is slow to load. */
    private final Map<RequestModel, JsonSchema> schemas = Collections.synchronizedMap(new IdentityHashMap<>());

    /** Why the body is refused, or empty when it may reach the function. */
    Optional<String> problem(RequestModel model, String contentType, byte[] body) {
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.isEmpty() && !mediaType.equals("application/json")) {
            return Optional.empty();
        }
        if (body.length == 0) {
            return model.required() ? Optional.of("the body is required") : Optional.empty();
        }
        JsonNode json;
        try {
            json = ProxyJson.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return Optional.of("the body is not JSON");
        } catch (IOException e) {
            return Optional.of("the body could not be read");
        }
        JsonSchema schema =
                schemas.computeIfAbsent(model, m -> factory.getSchema(ProxyJson.MAPPER.valueToTree(m.schema())));
        Set<ValidationMessage> messages = schema.validate(json);
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        List<String> details = messages.stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .limit(3)
                .toList();
        return Optional.of("the body does not match " + model.name() + ": " + String.join("; ", details));
    }
}
