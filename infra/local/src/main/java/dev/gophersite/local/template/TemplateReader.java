package dev.gophersite.local.template;

import dev.gophersite.project.SamTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what the dev server serves from template.yaml: each {@code AWS::Serverless::Function} with its
 * {@code Type: Api} events, handler, code, limits and environment, Globals merged in as SAM does.
 */
public final class TemplateReader {
    private static final int SAM_DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int SAM_DEFAULT_MEMORY_MB = 128;
    private static final Pattern HANDLER =
            Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*(::[A-Za-z_$][\\w$]*)?");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[^{}/]+|\\{[A-Za-z0-9._-]+\\+?}");
    /** Event sources that are not HTTP: nothing to route, so they are listed and skipped, as sam local start-api does. */
    private static final Set<String> NON_HTTP_EVENTS = Set.of(
            "Schedule",
            "ScheduleV2",
            "SQS",
            "SNS",
            "S3",
            "DynamoDB",
            "Kinesis",
            "EventBridgeRule",
            "CloudWatchEvent",
            "CloudWatchLogs",
            "IoTRule",
            "AlexaSkill",
            "Cognito",
            "MSK",
            "MQ",
            "SelfManagedKafka",
            "DocumentDB");

    /**
     * @param parameters    template parameter values for a local run (the model provider), like
     *                      {@code sam local --parameter-overrides}; the others take their Default
     * @param localDefaults variable values that suit a local run better than the template's (shorter cache TTLs)
     * @param processEnv    the dev server's environment: it overrides variables the template or the local
     *                      defaults declare, like {@code sam local --env-vars}, and adds nothing else
     */
    public record Settings(
            Map<String, String> tableNames,
            String region,
            Map<String, String> parameters,
            Map<String, String> localDefaults,
            Map<String, String> processEnv) {}

    /** The served functions, and notes on what was skipped (non-HTTP events). */
    public record Result(List<FunctionSpec> functions, List<String> notes) {}

    private final SamTemplate template;
    private final Settings settings;
    private final Intrinsics intrinsics;

    public TemplateReader(SamTemplate template, Settings settings) {
        this.template = template;
        this.settings = settings;
        this.intrinsics = new Intrinsics(template, settings.tableNames(), settings.region(), settings.parameters());
    }

    public Result read() {
        Map<String, Object> globals = template.section("Globals", "Function");
        List<FunctionSpec> functions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> routeOwners = new HashMap<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> {
            FunctionSpec spec = function(id, globals, SamTemplate.properties(resource), notes);
            for (ApiRoute route : spec.routes()) {
                String key = route.method() + " " + route.path();
                String other = routeOwners.putIfAbsent(key, id);
                if (other != null) {
                    throw new TemplateException(id, key + " is also served by " + other);
                }
            }
            functions.add(spec);
        });
        return new Result(List.copyOf(functions), List.copyOf(notes));
    }

    private FunctionSpec function(
            String id, Map<String, Object> globals, Map<String, Object> props, List<String> notes) {
        String handler = text(id, "Handler", setting("Handler", props, globals));
        if (handler.isEmpty()) {
            throw new TemplateException(id, "Handler is missing");
        }
        if (!HANDLER.matcher(handler).matches()) {
            throw new TemplateException(id, "Handler '" + handler + "' is not 'package.Class::method'");
        }
        Object codeUri = setting("CodeUri", props, globals);
        if (!(codeUri instanceof String code) || code.isBlank()) {
            throw new TemplateException(id, "CodeUri must be the path of the built jar, found " + codeUri);
        }
        Path codePath =
                template.path().toAbsolutePath().getParent().resolve(code).normalize();
        int timeout = number(id, "Timeout", setting("Timeout", props, globals), SAM_DEFAULT_TIMEOUT_SECONDS);
        int memory = number(id, "MemorySize", setting("MemorySize", props, globals), SAM_DEFAULT_MEMORY_MB);
        Map<String, String> environment = environment(id, handler, timeout, memory, globals, props);
        List<ApiRoute> routes = routes(id, props, notes);
        return new FunctionSpec(id, handler, codePath, Duration.ofSeconds(timeout), memory, environment, routes);
    }

    private Map<String, String> environment(
            String id,
            String handler,
            int timeout,
            int memory,
            Map<String, Object> globals,
            Map<String, Object> props) {
        Map<String, String> declared = new LinkedHashMap<>();
        addVariables(id, "Globals.Function.Environment", variables(globals), declared);
        addVariables(id, "Environment", variables(props), declared);
        declared.putAll(settings.localDefaults());
        declared.replaceAll((name, value) -> settings.processEnv().getOrDefault(name, value));
        Map<String, String> environment = new LinkedHashMap<>(declared);
        // what the Lambda service itself sets; a template cannot change these
        environment.put("AWS_REGION", settings.region());
        environment.put("AWS_DEFAULT_REGION", settings.region());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", id);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memory));
        environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(timeout));
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + id);
        environment.put("_HANDLER", handler);
        return environment;
    }

    private void addVariables(String id, String where, Map<?, ?> variables, Map<String, String> into) {
        variables.forEach((name, value) -> {
            try {
                String resolved = intrinsics.resolve(value);
                if (resolved == null) {
                    into.remove(String.valueOf(name));
                } else {
                    into.put(String.valueOf(name), resolved);
                }
            } catch (IllegalArgumentException e) {
                throw new TemplateException(id, where + ".Variables." + name + ": " + e.getMessage(), e);
            }
        });
    }

    private static Map<?, ?> variables(Map<String, Object> props) {
        return props.get("Environment") instanceof Map<?, ?> environment
                        && environment.get("Variables") instanceof Map<?, ?> variables
                ? variables
                : Map.of();
    }

    private List<ApiRoute> routes(String id, Map<String, Object> props, List<String> notes) {
        List<ApiRoute> routes = new ArrayList<>();
        if (!(props.getOrDefault("Events", Map.of()) instanceof Map<?, ?> events)) {
            throw new TemplateException(id, "Events must be a map of named events");
        }
        events.forEach((name, value) -> {
            String event = id + ".Events." + name;
            if (!(value instanceof Map<?, ?> definition)) {
                throw new TemplateException(event, "must be a map with Type and Properties");
            }
            String type = String.valueOf(definition.get("Type"));
            Map<?, ?> eventProps = definition.get("Properties") instanceof Map<?, ?> p ? p : Map.of();
            if (type.equals("Api")) {
                routes.add(route(id, String.valueOf(name), event, eventProps));
            } else if (type.equals("HttpApi")) {
                throw new TemplateException(
                        event,
                        "Type HttpApi (payload format 2.0) is not served by the dev"
                                + " server; the site's handlers take REST API (Type: Api) events");
            } else if (NON_HTTP_EVENTS.contains(type)) {
                notes.add(event + " (" + type + ") is not an HTTP event: not routed; try it with infra/local/invoke");
            } else {
                throw new TemplateException(event, "unknown event Type '" + type + "'");
            }
        });
        return routes;
    }

    private ApiRoute route(String id, String name, String event, Map<?, ?> props) {
        String path = text(event, "Path", props.get("Path"));
        String method = text(event, "Method", props.get("Method")).toUpperCase(Locale.ROOT);
        if (!path.startsWith("/")) {
            throw new TemplateException(event, "Path '" + path + "' must start with /");
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean root = path.equals("/");
            if (!root && !PATH_SEGMENT.matcher(segment).matches()) {
                throw new TemplateException(
                        event,
                        "Path '" + path + "': segment '" + segment
                                + "' must be literal text, {name} or a final {name+}");
            }
            if (segment.endsWith("+}") && i != segments.length - 1) {
                throw new TemplateException(event, "Path '" + path + "': a greedy {name+} must be the last segment");
            }
        }
        if (method.equals("*")) {
            method = "ANY";
        }
        if (!Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "ANY")
                .contains(method)) {
            throw new TemplateException(event, "Method '" + method + "' is not an HTTP method API Gateway routes");
        }
        Map<String, Object> api = apiOf(props);
        return new ApiRoute(id, name, method, path, cors(api), requestModel(event, props, api));
    }

    private static Optional<RequestModel> requestModel(String event, Map<?, ?> props, Map<String, Object> api) {
        if (!(props.get("RequestModel") instanceof Map<?, ?> model)
                || !Boolean.parseBoolean(String.valueOf(model.get("ValidateBody")))) {
            return Optional.empty();
        }
        String name = String.valueOf(model.get("Model"));
        if (!(api.get("Models") instanceof Map<?, ?> models) || !(models.get(name) instanceof Map<?, ?> schema)) {
            throw new TemplateException(event, "RequestModel " + name + " is not in the API's Models");
        }
        int status = 400;
        String body = RequestModel.DEFAULT_INVALID_BODY;
        if (api.get("GatewayResponses") instanceof Map<?, ?> responses
                && responses.get("BAD_REQUEST_BODY") instanceof Map<?, ?> custom) {
            status =
                    custom.containsKey("StatusCode") ? Integer.parseInt(String.valueOf(custom.get("StatusCode"))) : 400;
            if (custom.get("ResponseTemplates") instanceof Map<?, ?> templates
                    && templates.get("application/json") instanceof String json) {
                body = json;
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) schema;
        return Optional.of(new RequestModel(
                name, typed, Boolean.parseBoolean(String.valueOf(model.get("Required"))), status, body));
    }

    /** The API the event names (its properties over Globals.Api, as SAM merges them), or the implicit API. */
    private Map<String, Object> apiOf(Map<?, ?> props) {
        Map<String, Object> api = new HashMap<>(template.section("Globals", "Api"));
        if (props.get("RestApiId") instanceof Map<?, ?> ref
                && ref.get("Ref") instanceof String apiId
                && template.resources().get(apiId) instanceof Map<String, Object> explicit) {
            api.putAll(SamTemplate.properties(explicit));
        }
        return api;
    }

    private Cors cors(Map<String, Object> apiProps) {
        Object setting = apiProps.get("Cors");
        if (setting == null) {
            return Cors.NONE;
        }
        if (!(setting instanceof Map<?, ?> map)
                || map.containsKey("Ref")
                || map.keySet().stream().anyMatch(k -> String.valueOf(k).startsWith("Fn::"))) {
            return new Cors(true, corsValue(setting), "", "", "", false);
        }
        return new Cors(
                true,
                corsValue(map.get("AllowOrigin")),
                corsValue(map.get("AllowMethods")),
                corsValue(map.get("AllowHeaders")),
                corsValue(map.get("MaxAge")),
                Boolean.parseBoolean(String.valueOf(map.get("AllowCredentials"))));
    }

    /** API Gateway wants CORS values as quoted literals ({@code "'GET,POST'"}); the header carries them unquoted. */
    private String corsValue(Object value) {
        if (value == null) {
            return "";
        }
        String text;
        try {
            text = intrinsics.resolve(value);
        } catch (IllegalArgumentException e) {
            throw new TemplateException("Cors", e.getMessage(), e);
        }
        if (text == null) {
            return "";
        }
        text = text.strip();
        return text.length() >= 2 && text.startsWith("'") && text.endsWith("'")
                ? text.substring(1, text.length() - 1)
                : text;
    }

    private static Object setting(String key, Map<String, Object> props, Map<String, Object> globals) {
        return props.containsKey(key) ? props.get(key) : globals.get(key);
    }

    private String text(String where, String key, Object value) {
        if (value == null) {
            return "";
        }
        try {
            String text = intrinsics.resolve(value);
            return text == null ? "" : text.strip();
        } catch (IllegalArgumentException e) {
            throw new TemplateException(where, key + ": " + e.getMessage(), e);
        }
    }

    private int number(String id, String key, Object value, int fallback) {
        String text = text(id, key, value);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text);
            if (number <= 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new TemplateException(id, key + " must be a positive whole number, found '" + text + "'");
        }
    }
}
