package dev.gophersite.ask.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gophersite.ask.question.AskRequest;
import dev.gophersite.ask.question.Turn;
import dev.gophersite.common.http.JsonBody;
import dev.gophersite.common.http.JsonFields;
import dev.gophersite.common.http.Parsed;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what people send to the ask function: the {@code POST /ask} body, and the {@code q} of {@code GET /ask}
 * and {@code GET /api/search}. Same limits and the same text check for all of them; error messages name the rule
 * that failed, never the input.
 */
public final class AskRequestReader {
    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final int MAX_QUESTION_CHARS = 1000;
    /** How many earlier turns a request may carry; only the last few reach the model (PromptBuilder). */
    public static final int MAX_HISTORY_TURNS_ACCEPTED = 20;

    public static final int MAX_TURN_CHARS = 4000;
    public static final int MAX_SEARCH_QUERY_CHARS = 200;
    private static final Set<String> FIELDS = Set.of("question", "history");
    private static final Set<String> TURN_FIELDS = Set.of("role", "content");

    private AskRequestReader() {}

    public static Parsed<AskRequest> body(APIGatewayProxyRequestEvent event) {
        return switch (JsonBody.read(event, MAX_BODY_BYTES, "the question", FIELDS)) {
            case Parsed.Invalid<ObjectNode> invalid -> invalid.as();
            case Parsed.Valid<ObjectNode>(ObjectNode body) -> fromBody(body);
        };
    }

    /** The {@code q} query parameter as a question ({@code GET /ask}) or a search ({@code GET /api/search}). */
    public static Parsed<String> query(APIGatewayProxyRequestEvent event, int maxChars) {
        String q = Requests.queryParameter(event, "q");
        if (q == null || q.isBlank()) {
            return Parsed.Invalid.badRequest("Add the question or search as ?q=.");
        }
        String text = q.strip();
        return UserText.problem("The query", text, maxChars)
                .or(() -> UserText.nothingToLookUp("The query", text))
                .<Parsed<String>>map(Parsed.Invalid::badRequest)
                .orElseGet(() -> new Parsed.Valid<>(text));
    }

    private static Parsed<AskRequest> fromBody(ObjectNode body) {
        JsonFields fields = new JsonFields(body);
        String question = fields.required("question", MAX_QUESTION_CHARS);
        if (fields.ok()) {
            UserText.nothingToLookUp("\"question\"", question).ifPresent(fields::refuse);
        }
        List<Turn> turns = new ArrayList<>();
        fields.array("history").ifPresent(history -> {
            if (history.size() > MAX_HISTORY_TURNS_ACCEPTED) {
                fields.refuse("\"history\" has more than " + MAX_HISTORY_TURNS_ACCEPTED + " turns.");
                return;
            }
            for (JsonNode turn : history) {
                if (!turn.isObject()) {
                    fields.refuse("Each history turn must be an object with \"role\" and \"content\".");
                    return;
                }
                if (JsonBody.unknownField(turn, TURN_FIELDS).isPresent()) {
                    fields.refuse("A history turn has only \"role\" and \"content\".");
                    return;
                }
                JsonFields turnFields = new JsonFields(turn, "A history turn's ");
                String role = turnFields.required("role", 16);
                String content = turnFields.required("content", MAX_TURN_CHARS);
                if (turnFields.ok() && !role.equals("user") && !role.equals("assistant")) {
                    turnFields.refuse("A history turn's \"role\" must be \"user\" or \"assistant\".");
                }
                if (turnFields.ok()) {
                    UserText.nothingToLookUp("A history turn's \"content\"", content)
                            .ifPresent(turnFields::refuse);
                }
                if (!fields.include(turnFields)) {
                    return;
                }
                turns.add(new Turn(role.equals("user") ? Turn.Role.USER : Turn.Role.ASSISTANT, content));
            }
        });
        return fields.result(() -> new AskRequest(question, turns));
    }
}
