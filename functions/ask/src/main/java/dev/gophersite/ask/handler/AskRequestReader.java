package dev.gophersite.ask.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.answer.AskRequest;
import dev.gophersite.ask.generation.Turn;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.UserText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@code POST /ask} event into a valid {@link AskRequest} or the 4xx that explains what is wrong.
 * Error messages name the rule that failed, never the input.
 */
public final class AskRequestReader {
    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_QUESTION_CHARS = 1000;
    public static final int MAX_HISTORY_TURNS = 20;
    public static final int MAX_TURN_CHARS = 4000;
    static final String JSON = "application/json";

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public sealed interface Result {
    }

    public record Valid(AskRequest request) implements Result {
    }

    public record Invalid(int status, String code, String message) implements Result {
    }

    public Result read(APIGatewayProxyRequestEvent event) {
        String raw = event.getBody();
        // base64 is 4/3 the size of what it encodes; anything larger cannot decode to an acceptable body
        if (raw != null && raw.length() > MAX_BODY_BYTES * 4 / 3 + 4) {
            return tooLarge();
        }
        if (!JSON.equals(Requests.mediaType(event))) {
            return new Invalid(415, "unsupported_media_type", "Send the question as application/json.");
        }
        byte[] bytes = Requests.bodyBytes(event);
        if (bytes == null) {
            return badRequest("The body is marked base64 but is not valid base64.");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return tooLarge();
        }
        if (bytes.length == 0) {
            return badRequest("The body is empty; send {\"question\": \"...\"}.");
        }
        Optional<String> decoded = UserText.strictUtf8(bytes);
        if (decoded.isEmpty()) {
            return badRequest("The body is not valid UTF-8.");
        }
        String body = decoded.get();
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return badRequest("The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            return badRequest("The body must be a JSON object.");
        }
        JsonNode question = root.get("question");
        if (question == null || question.isNull()) {
            return badRequest("\"question\" is required.");
        }
        if (!question.isTextual()) {
            return badRequest("\"question\" must be a string.");
        }
        String text = question.textValue().strip();
        if (text.isEmpty()) {
            return badRequest("\"question\" must not be blank.");
        }
        if (UserText.hasControlCharacters(text)) {
            return badRequest("\"question\" must not contain control characters.");
        }
        if (text.codePointCount(0, text.length()) > MAX_QUESTION_CHARS) {
            return badRequest("\"question\" is longer than " + MAX_QUESTION_CHARS + " characters.");
        }
        JsonNode history = root.get("history");
        List<Turn> turns = new ArrayList<>();
        if (history != null && !history.isNull()) {
            if (!history.isArray()) {
                return badRequest("\"history\" must be an array of {\"role\", \"content\"} turns.");
            }
            if (history.size() > MAX_HISTORY_TURNS) {
                return badRequest("\"history\" has more than " + MAX_HISTORY_TURNS + " turns.");
            }
            for (JsonNode turn : history) {
                Result invalid = checkTurn(turn);
                if (invalid != null) {
                    return invalid;
                }
                Turn.Role role = "user".equals(turn.get("role").textValue()) ? Turn.Role.USER : Turn.Role.ASSISTANT;
                turns.add(new Turn(role, turn.get("content").textValue()));
            }
        }
        return new Valid(new AskRequest(text, turns));
    }

    private static Result checkTurn(JsonNode turn) {
        if (!turn.isObject()) {
            return badRequest("Each history turn must be an object with \"role\" and \"content\".");
        }
        JsonNode role = turn.get("role");
        if (role == null || !role.isTextual()
                || !("user".equals(role.textValue()) || "assistant".equals(role.textValue()))) {
            return badRequest("A history turn's \"role\" must be \"user\" or \"assistant\".");
        }
        JsonNode content = turn.get("content");
        if (content == null || !content.isTextual()) {
            return badRequest("A history turn's \"content\" must be a string.");
        }
        String text = content.textValue();
        if (text.isBlank()) {
            return badRequest("A history turn's \"content\" must not be blank.");
        }
        if (UserText.hasControlCharacters(text)) {
            return badRequest("A history turn must not contain control characters.");
        }
        if (text.codePointCount(0, text.length()) > MAX_TURN_CHARS) {
            return badRequest("A history turn is longer than " + MAX_TURN_CHARS + " characters.");
        }
        return null;
    }

    private static Invalid badRequest(String message) {
        return new Invalid(400, "bad_request", message);
    }

    private static Invalid tooLarge() {
        return new Invalid(413, "payload_too_large", "The body is larger than " + MAX_BODY_BYTES / 1024 + " KB.");
    }
}
