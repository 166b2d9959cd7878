package dev.gophersite.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.common.http.UserText;

import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/** A vote on an answer, validated field by field so a bad request is told exactly what to fix. */
public record Feedback(String answerId, String question, String vote, String comment) {
    public static final int MAX_QUESTION = 1000;
    public static final int MAX_COMMENT = 1000;
    private static final Pattern ANSWER_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Set<String> FIELDS = Set.of("answerId", "question", "vote", "comment");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Thrown for input we refuse, with a reason written for the client that never echoes the input. */
    public static final class Invalid extends RuntimeException {
        private final String reason;

        public Invalid(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public static Feedback parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new Invalid("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new Invalid("The body must be a JSON object.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                throw new Invalid("Unknown field; allowed are answerId, question, vote and comment.");
            }
        }
        String answerId = text(root, "answerId", true);
        if (!ANSWER_ID.matcher(answerId).matches()) {
            throw new Invalid("answerId must be 8 to 64 letters, digits, '-' or '_'.");
        }
        String question = text(root, "question", true);
        if (question.isBlank() || question.length() > MAX_QUESTION) {
            throw new Invalid("question must be 1 to " + MAX_QUESTION + " characters.");
        }
        String vote = text(root, "vote", true);
        if (!vote.equals("up") && !vote.equals("down")) {
            throw new Invalid("vote must be \"up\" or \"down\".");
        }
        String comment = text(root, "comment", false);
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new Invalid("comment must be at most " + MAX_COMMENT + " characters.");
        }
        return new Feedback(answerId, question.strip(), vote, comment == null || comment.isBlank() ? null : comment.strip());
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Invalid(field + " is required.");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new Invalid(field + " must be a string.");
        }
        String value = node.textValue();
        if (UserText.hasControlCharacters(value)) {
            throw new Invalid(field + " must not contain control characters.");
        }
        return value;
    }
}
