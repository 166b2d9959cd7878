package dev.gophersite.ask.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.ask.handler.AskHandler;
import java.io.IOException;

/** POST /ask with the sample question of {@code events/post-ask.json}, as API Gateway delivers it. */
final class SampleQuestion {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleQuestion() {}

    /** The answer's JSON; whatever the model does, /ask answers 200. */
    static JsonNode ask(AskHandler handler) throws IOException {
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(EventLoader.loadApiGatewayRestEvent("events/post-ask.json"), null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }
}
