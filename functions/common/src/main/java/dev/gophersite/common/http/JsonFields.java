package dev.gophersite.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object, keeping the first refusal: after a field is refused, later reads return
 * placeholders that {@link #result} never lets out. Text fields are stripped and pass {@link UserText#problem}.
 */
public final class JsonFields {
    private final JsonNode object;
    private final String prefix;
    private Parsed.Invalid<?> refused;

    /** @param prefix how messages name the object's fields, e.g. {@code "A history turn's "}; empty for the body */
    public JsonFields(JsonNode object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    public JsonFields(JsonNode object) {
        this(object, "");
    }

    public String required(String field, int maxCodePoints) {
        return text(field, true, maxCodePoints).orElse("");
    }

    /** Absent, null or blank is empty. */
    public Optional<String> optional(String field, int maxCodePoints) {
        return text(field, false, maxCodePoints);
    }

    /** An array field, absent or null being empty. */
    public Optional<JsonNode> array(String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            refuse(name(field) + " must be an array.");
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /** Refuses the object for a rule of the caller's; the first refusal is the one reported. */
    public void refuse(String message) {
        if (refused == null) {
            refused = Parsed.Invalid.badRequest(message);
        }
    }

    /** Takes over the refusal of a nested object's fields, if any; true when there was none. */
    public boolean include(JsonFields nested) {
        if (nested.refused != null && refused == null) {
            refused = nested.refused;
        }
        return nested.ok();
    }

    public boolean ok() {
        return refused == null;
    }

    /** The refusal, or the value built from the fields read. */
    public <T> Parsed<T> result(Supplier<T> value) {
        return refused != null ? refused.as() : new Parsed.Valid<>(value.get());
    }

    private Optional<String> text(String field, boolean required, int maxCodePoints) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                refuse(name(field) + " is required.");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            refuse(name(field) + " must be a string.");
            return Optional.empty();
        }
        String value = node.textValue().strip();
        if (!required && value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = UserText.problem(name(field), value, maxCodePoints);
        problem.ifPresent(this::refuse);
        return problem.isPresent() ? Optional.empty() : Optional.of(value);
    }

    private String name(String field) {
        return prefix + "\"" + field + "\"";
    }
}
