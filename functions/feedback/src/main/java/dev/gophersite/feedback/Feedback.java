package dev.gophersite.feedback;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gophersite.common.http.JsonBody;
import dev.gophersite.common.http.JsonFields;
import dev.gophersite.common.http.Parsed;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A vote on an answer, read field by field so a bad request is told exactly what to fix. Lengths are counted in
 * code points and the body is bounded in bytes, so a stored vote stays far below DynamoDB's 400 KB item limit.
 * A {@code question} field is still accepted from clients that send it, and checked like any text, but not kept:
 * the question of record is the one the ask function stored with the answer's id.
 */
public record Feedback(String answerId, String vote, Optional<String> comment) {
    public static final int MAX_BODY_BYTES = 8 * 1024;
    public static final int MAX_QUESTION = 1000;
    public static final int MAX_COMMENT = 1000;
    private static final Pattern ANSWER_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Set<String> FIELDS = Set.of("answerId", "question", "vote", "comment");

    public static Parsed<Feedback> read(APIGatewayProxyRequestEvent event) {
        return switch (JsonBody.read(event, MAX_BODY_BYTES, "the vote", FIELDS)) {
            case Parsed.Invalid<ObjectNode> invalid -> invalid.as();
            case Parsed.Valid<ObjectNode>(ObjectNode body) -> fromBody(body);
        };
    }

    private static Parsed<Feedback> fromBody(ObjectNode body) {
        JsonFields fields = new JsonFields(body);
        String answerId = fields.required("answerId", 64);
        if (fields.ok() && !ANSWER_ID.matcher(answerId).matches()) {
            fields.refuse("\"answerId\" must be 8 to 64 letters, digits, '-' or '_'.");
        }
        fields.optional("question", MAX_QUESTION);
        String vote = fields.required("vote", 4);
        if (fields.ok() && !vote.equals("up") && !vote.equals("down")) {
            fields.refuse("\"vote\" must be \"up\" or \"down\".");
        }
        Optional<String> comment = fields.optional("comment", MAX_COMMENT);
        return fields.result(() -> new Feedback(answerId, vote, comment));
    }
}
