package dev.gophersite.local;

import dev.gophersite.project.Repo;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the dev server runs: the template and content to use, where to listen, and the process environment
 * that overrides the template's variables.
 *
 * @param port           0 for any free port
 * @param dynamoEndpoint an existing DynamoDB API to use instead of starting dynalite
 * @param poolSize       execution environments per function
 * @param stage          serve under {@code /<stage>/} as the API's execute-api URL does; empty serves at the root
 * @param edge           serve through the template's CloudFront distribution, emulated ({@code EDGE=1}): the edge at
 *                       {@code port}, the API behind it under the distribution's origin path
 */
public record LocalSettings(
        Path template,
        Path content,
        int port,
        Optional<URI> dynamoEndpoint,
        Map<String, String> processEnv,
        int poolSize,
        boolean watchContent,
        boolean logRequests,
        Optional<String> stage,
        boolean edge) {
    public static final int DEFAULT_PORT = 3000;
    private static final Pattern STAGE = Pattern.compile("[A-Za-z0-9_-]+");

    public LocalSettings {
        processEnv = Map.copyOf(processEnv);
        if (stage.isPresent() && !STAGE.matcher(stage.get()).matches()) {
            throw new IllegalArgumentException("STAGE must be letters, digits, '-' or '_', as an API Gateway stage"
                    + " name is; found '" + stage.get() + "'");
        }
    }

    public LocalSettings(
            Path template,
            Path content,
            int port,
            Optional<URI> dynamoEndpoint,
            Map<String, String> processEnv,
            int poolSize,
            boolean watchContent,
            boolean logRequests) {
        this(
                template,
                content,
                port,
                dynamoEndpoint,
                processEnv,
                poolSize,
                watchContent,
                logRequests,
                Optional.empty());
    }

    public LocalSettings(
            Path template,
            Path content,
            int port,
            Optional<URI> dynamoEndpoint,
            Map<String, String> processEnv,
            int poolSize,
            boolean watchContent,
            boolean logRequests,
            Optional<String> stage) {
        this(template, content, port, dynamoEndpoint, processEnv, poolSize, watchContent, logRequests, stage, false);
    }

    /**
     * From the environment: {@code PORT}, {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code STAGE}, {@code EDGE}; template
     * and content from the repository.
     */
    public static LocalSettings fromEnvironment() {
        Map<String, String> env = System.getenv();
        Path root = Repo.root();
        String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_DYNAMODB", "").strip();
        String stage = env.getOrDefault("STAGE", "").strip();
        return new LocalSettings(
                root.resolve("template.yaml"),
                root.resolve("content"),
                port(env.get("PORT")),
                endpoint.isEmpty() ? Optional.empty() : Optional.of(URI.create(endpoint)),
                env,
                defaultPoolSize(),
                true,
                true,
                stage.isEmpty() ? Optional.empty() : Optional.of(stage),
                env.getOrDefault("EDGE", "").strip().equals("1"));
    }

    public LocalSettings withStage(String name) {
        return new LocalSettings(
                template,
                content,
                port,
                dynamoEndpoint,
                processEnv,
                poolSize,
                watchContent,
                logRequests,
                Optional.of(name),
                edge);
    }

    public LocalSettings withEdge() {
        return new LocalSettings(
                template, content, port, dynamoEndpoint, processEnv, poolSize, watchContent, logRequests, stage, true);
    }

    public String region() {
        String region = processEnv.getOrDefault("AWS_REGION", processEnv.getOrDefault("AWS_DEFAULT_REGION", ""));
        return region.isBlank() ? "us-east-1" : region.strip();
    }

    /** Lambda scales out per request; a few environments per function are enough to show it locally. */
    static int defaultPoolSize() {
        return Math.min(4, Runtime.getRuntime().availableProcessors() * 2);
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a port number, found '" + value + "'");
        }
    }
}
