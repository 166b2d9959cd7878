package dev.gophersite.local.testfn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stream handler for the dev server's tests: answers with facts about the event JSON it was given. */
public class StreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String facts = "hasHttpMethod=" + event.contains("\"httpMethod\":\"POST\"") + " hasBody="
                + event.contains("\"body\":\"ping\"");
        output.write(("{\"statusCode\":201,\"headers\":{\"X-Mode\":\"stream\"},\"body\":\"" + facts + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
