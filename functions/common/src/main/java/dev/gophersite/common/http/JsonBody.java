package dev.gophersite.common.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a JSON object body the way every function that takes one must: JSON media type, bounded size, strict
 * UTF-8, no duplicate keys, nothing after the object, and no field the API's request model does not declare
 * (API Gateway checks the same model, but a function must not rely on the edge it sits behind). Needs Jackson,
 * which the functions that read JSON bring; the pages functions never load this class.
 */
public final class JsonBody {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {}

    /**
     * @param what   how the error messages name the body ("the question", "the vote")
     * @param fields the only top-level fields allowed
     */
    public static Parsed<ObjectNode> read(
            APIGatewayProxyRequestEvent event, int maxBytes, String what, Set<String> fields) {
        String raw = event.getBody();
        // base64 is 4/3 the size of what it encodes; anything larger cannot decode to an acceptable body
        if (raw != null && raw.length() > maxBytes * 4 / 3 + 4) {
            return tooLarge(maxBytes);
        }
        if (Requests.headerValues(event, "Content-Type").stream().distinct().count() > 1) {
            // which one an edge validated and which one arrives may differ: refuse rather than guess
            return Parsed.Invalid.badRequest("Send one Content-Type header.");
        }
        if (!"application/json".equals(Requests.mediaType(event))) {
            return new Parsed.Invalid<>(415, "unsupported_media_type", "Send " + what + " as application/json.");
        }
        byte[] bytes = Requests.bodyBytes(event);
        if (bytes == null) {
            return Parsed.Invalid.badRequest("The body is marked base64 but is not valid base64.");
        }
        if (bytes.length > maxBytes) {
            return tooLarge(maxBytes);
        }
        if (bytes.length == 0) {
            return Parsed.Invalid.badRequest("The body is empty; send " + what + " as a JSON object.");
        }
        Optional<String> text = UserText.strictUtf8(bytes);
        if (text.isEmpty()) {
            return Parsed.Invalid.badRequest("The body is not valid UTF-8.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text.get());
        } catch (JsonProcessingException e) {
            return Parsed.Invalid.badRequest("The body is not valid JSON.");
        }
        if (!(root instanceof ObjectNode object)) {
            return Parsed.Invalid.badRequest("The body must be a JSON object.");
        }
        Optional<String> unknown = unknownField(object, fields);
        if (unknown.isPresent()) {
            return Parsed.Invalid.badRequest("Unknown field; allowed are "
                    + String.join(", ", fields.stream().sorted().toList()) + ".");
        }
        return new Parsed.Valid<>(object);
    }

    /** The first field of {@code object} that is not in {@code allowed}. */
    public static Optional<String> unknownField(JsonNode object, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static <T> Parsed<T> tooLarge(int maxBytes) {
        return new Parsed.Invalid<>(
                413,
                "payload_too_large",
                "The body is larger than " + (maxBytes % 1024 == 0 ? maxBytes / 1024 + " KB." : maxBytes + " bytes."));
    }
}
