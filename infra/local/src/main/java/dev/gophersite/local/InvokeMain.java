package dev.gophersite.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gophersite.local.runtime.Functions;
import dev.gophersite.local.runtime.Outcome;
import dev.gophersite.local.runtime.ProxyJson;
import dev.gophersite.local.template.FunctionSpec;
import dev.gophersite.local.template.TableNames;
import dev.gophersite.local.template.TemplateException;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code infra/local/invoke <LogicalId> <event.json|->}, like {@code sam local invoke}: one invocation in a fresh
 * execution environment. The response (or Lambda's error object) goes to stdout, everything else to stderr.
 */
public final class InvokeMain {
    private InvokeMain() {}

    public static void main(String[] args) {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        if (args.length != 2) {
            System.err.println("usage: infra/local/invoke <LogicalId> <event.json | ->");
            System.exit(64);
        }
        int status;
        try {
            status = invoke(args[0], args[1], LocalSettings.fromEnvironment(), stdout);
        } catch (TemplateException | IllegalArgumentException | IllegalStateException | IOException e) {
            System.err.println("invoke failed: " + e.getMessage());
            status = 2;
        }
        stdout.flush();
        System.exit(status);
    }

    static int invoke(String functionId, String eventFile, LocalSettings settings, PrintStream out) throws IOException {
        SamTemplate template = SamTemplate.load(settings.template());
        List<FunctionSpec> specs = LocalSite.functionsOf(template, settings);
        FunctionSpec spec = specs.stream()
                .filter(s -> s.logicalId().equals(functionId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("no function " + functionId + " in the template; it has "
                                + specs.stream().map(FunctionSpec::logicalId).toList()));
        byte[] json = eventFile.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(eventFile));
        APIGatewayProxyRequestEvent event = ProxyJson.MAPPER.readValue(json, APIGatewayProxyRequestEvent.class);
        String requestId =
                event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                        ? event.getRequestContext().getRequestId()
                        : UUID.randomUUID().toString();

        try (Functions functions = Functions.start(List.of(spec), 1, Duration.ofSeconds(1));
                LocalBackend backend = LocalBackend.start(
                        template,
                        TableNames.of(template),
                        settings.dynamoEndpoint(),
                        settings.region(),
                        settings.content())) {
            Log.info("invoking " + functionId + " (request " + requestId + ") with DynamoDB at " + backend.endpoint());
            Outcome outcome = functions.invoke(functionId, event, requestId);
            return switch (outcome) {
                case Outcome.Response r -> {
                    out.println(
                            ProxyJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r.event()));
                    yield 0;
                }
                case Outcome.FunctionError f -> error(out, "FunctionError", f.message());
                case Outcome.Timeout t ->
                    error(out, "Timeout", "Task timed out after " + t.limit().toSeconds() + " seconds");
                case Outcome.Throttled t -> error(out, "TooManyRequestsException", "no execution environment was free");
            };
        }
    }

    private static int error(PrintStream out, String type, String message) {
        ObjectNode error =
                ProxyJson.MAPPER.createObjectNode().put("errorMessage", message).put("errorType", type);
        out.println(error.toPrettyString());
        return 1;
    }
}
