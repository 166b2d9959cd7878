package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code sam local start-api} as docs/sam-local.md runs it, checked without Docker: which environment each
 * function's container gets from template.yaml and {@code infra/local/env.json}, and whether the addresses in it can
 * be reached from a Lambda container on the network of {@code infra/docker-compose.yml}.
 *
 * <p>SAM CLI's rules, as read in its source (aws/aws-sam-cli, recent 1.x; the env.json merge below is the mixed
 * format PR #4132 introduced in 2022, and no later version read changes it):
 * <ul>
 *   <li>samcli/local/lambdafn/env_vars.py, {@code EnvironmentVariables.resolve} (commit 3495f4aa53f5): a container
 *       gets the {@code AWS_*} set of {@code _get_aws_variables} plus only the variables the function declares;
 *       for each declared one the value is the override (env.json), else the shell's variable of that name, else
 *       the template's value. Names in env.json that the function does not declare are never looked at.
 *       {@code _stringify_value} turns a value still holding an intrinsic (dict or list) or null into "".</li>
 *   <li>samcli/commands/local/lib/local_lambda.py, {@code LocalLambdaRunner._make_env_vars}: the overrides are the
 *       env.json {@code "Parameters"} object (every function) updated with the function's own object, looked up
 *       by logical id, then function id, function name, full path; so a function's section wins. Every top-level
 *       value must be an object, else SAM stops with OverridesNotWellDefinedError.</li>
 *   <li>aws/serverless-application-model samtranslator/translator/translator.py, {@code prepare_plugins}: the
 *       GlobalsPlugin runs before, so Globals.Function.Environment.Variables count as declared by every function
 *       (a function's own value for the same name wins).</li>
 *   <li>samcli/lib/intrinsic_resolver/intrinsics_symbol_table.py, {@code resolve_symbols} (commit ff94b5dd1a36):
 *       {@code !Ref} to a parameter resolves to its Default, to a resource to its logical id, so without env.json
 *       {@code TABLE_NAME} would be "ContentTable", a table nobody creates.</li>
 *   <li>samcli/local/docker/lambda_container.py, {@code _get_debug_settings} (commit 8413a357e6cc): the
 *       {@code --container-env-vars} file is applied only when debug ports are given, and merged flat.</li>
 *   <li>samcli/local/docker/container.py, {@code Container.create} (commit 666b712e4431), with manager.py setting
 *       {@code container.network_id}: {@code --docker-network} connects each Lambda container to that existing
 *       network besides the default bridge, where Docker's DNS resolves Compose service names.</li>
 * </ul>
 * Compose names a project's default network {@code <project name>_default} unless {@code networks.default.name}
 * sets it (docs.docker.com, "Networking in Compose").
 */
class SamLocalEnvironmentTest {
    static final String ENV_VARS_FILE = "infra/local/env.json";
    static final String COMPOSE_FILE = "infra/docker-compose.yml";
    static final String GUIDE = "docs/sam-local.md";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOST_LOOPBACK =
            List.of("localhost", "127.0.0.1", "host.docker.internal", "[::1]", "0.0.0.0");

    /** infra/local/env.json as committed before the fix, kept here to show the checks catch it. */
    static final String OLD_ENV_JSON = """
            {
              "Parameters": {
                "TABLE_NAME": "gopher-site-content",
                "FEEDBACK_TABLE": "gopher-site-feedback",
                "ANSWER_CACHE_TABLE": "gopher-site-answer-cache",
                "CONTENT_POINTER_TTL_MILLIS": "500",
                "OLLAMA_BASE_URL": "http://host.docker.internal:11434"
              }
            }
            """;
    /** infra/local/container-env.json as committed before the fix (passed with --container-env-vars). */
    static final String OLD_CONTAINER_ENV_JSON = """
            {
              "Parameters": {
                "AWS_ENDPOINT_URL_DYNAMODB": "http://host.docker.internal:4566",
                "AWS_ACCESS_KEY_ID": "test",
                "AWS_SECRET_ACCESS_KEY": "test"
              }
            }
            """;

    @Test
    void every_function_that_talks_to_dynamodb_reaches_the_compose_localstack() {
        // given
        Map<String, Map<String, Object>> declared = declaredVariables(Template.SAM);
        Compose compose = Compose.load(Repo.root().resolve(COMPOSE_FILE));

        // when
        Map<String, Map<String, String>> env =
                resolve(declared, readJson(Repo.root().resolve(ENV_VARS_FILE)));

        // then
        assertThat(dynamoFunctions(Template.SAM))
                .as("functions with DynamoDB permissions")
                .containsExactlyInAnyOrderElementsOf(Template.functions().keySet());
        assertThat(missingDynamoEndpoints(env, dynamoFunctions(Template.SAM), compose))
                .isEmpty();
        assertThat(compose.serviceWithImage("localstack/localstack"))
                .as("the compose DynamoDB service")
                .isPresent();
    }

    @Test
    void every_table_variable_names_a_table_the_seed_creates() {
        // given
        Map<String, Map<String, Object>> declared = declaredVariables(Template.SAM);

        // when
        Map<String, Map<String, String>> env =
                resolve(declared, readJson(Repo.root().resolve(ENV_VARS_FILE)));

        // then
        assertThat(wrongTableNames(declared, env, Template.SAM)).isEmpty();
    }

    @Test
    void ask_function_gets_ollama_in_the_compose_network_and_the_templates_ollama_model() {
        // given
        Compose compose = Compose.load(Repo.root().resolve(COMPOSE_FILE));
        String ollama = compose.serviceWithImage("ollama/ollama").orElseThrow();

        // when
        Map<String, String> ask = resolve(
                        declaredVariables(Template.SAM), readJson(Repo.root().resolve(ENV_VARS_FILE)))
                .get("AskFunction");

        // then
        assertThat(ask).containsEntry("MODEL_PROVIDER", "ollama");
        URI endpoint = URI.create(ask.get("MODEL_ENDPOINT"));
        assertThat(endpoint.getHost()).isEqualTo(ollama);
        assertThat(compose.containerPorts(ollama)).contains(port(endpoint));
        // the model the guide pulls into that container
        assertThat(ask.get("MODEL_ID"))
                .isEqualTo(Template.SAM.section("Parameters", "OllamaModel").get("Default"));
    }

    @Test
    void every_variable_in_env_json_is_declared_by_a_function_it_applies_to() {
        // given
        Map<String, Map<String, Object>> declared = declaredVariables(Template.SAM);

        // when
        List<String> dropped = undeclared(declared, readJson(Repo.root().resolve(ENV_VARS_FILE)));

        // then: SAM would drop these without a word
        assertThat(dropped).isEmpty();
    }

    @Test
    void every_host_in_env_json_is_a_compose_service_on_the_network_the_guide_passes_to_sam() throws IOException {
        // given
        Compose compose = Compose.load(Repo.root().resolve(COMPOSE_FILE));
        JsonNode envVars = readJson(Repo.root().resolve(ENV_VARS_FILE));

        // when
        List<String> foreign = hostsOutsideCompose(envVars, compose);
        ShellCommand sam = ShellCommand.find(readGuide(), "sam local start-api")
                .orElseThrow(() -> new AssertionError(GUIDE + " has no `sam local start-api` command in a code block"));

        // then
        assertThat(foreign).isEmpty();
        assertThat(sam.option("--docker-network")).as("guide --docker-network").contains(compose.defaultNetwork());
        assertThat(sam.option("--env-vars")).as("guide --env-vars").contains(ENV_VARS_FILE);
        // applied only with --debug-port (which suspends the JVM until a debugger attaches): never the way in
        assertThat(sam.option("--container-env-vars"))
                .as("guide --container-env-vars")
                .isEmpty();
    }

    @Test
    void the_guide_runs_sam_in_the_region_it_seeds_localstack_in() throws IOException {
        // given: LocalStack keeps tables per region, and SAM gives the containers AWS_REGION from --region
        String guide = readGuide();

        // when
        ShellCommand seed = ShellCommand.find(guide, "infra/local/start --seed")
                .orElseThrow(
                        () -> new AssertionError(GUIDE + " has no `infra/local/start --seed` command in a code block"));
        ShellCommand sam = ShellCommand.find(guide, "sam local start-api").orElseThrow();

        // then
        assertThat(seed.env()).containsKey("AWS_REGION");
        assertThat(sam.option("--region")).contains(seed.env().get("AWS_REGION"));
        assertThat(URI.create(seed.env().get("AWS_ENDPOINT_URL_DYNAMODB")).getHost())
                .isIn("localhost", "127.0.0.1");
    }

    @Test
    void no_value_in_env_json_points_at_the_host_loopback() {
        // given
        JsonNode envVars = readJson(Repo.root().resolve(ENV_VARS_FILE));

        // when
        List<String> loopback = loopbackValues(envVars);

        // then: inside a Lambda container these are the container itself, or on Linux a gateway where nothing listens
        assertThat(loopback).isEmpty();
    }

    @Test
    void the_rule_gives_a_function_section_precedence_and_ignores_names_a_function_does_not_declare() {
        // given
        Map<String, Map<String, Object>> declared = Map.of(
                "A", Map.of("X", "template", "Y", Map.of("Ref", "SomeTable")),
                "B", Map.of("X", "template"));
        JsonNode envVars = readJson("""
                {"Parameters": {"X": "all", "Z": "nobody"}, "A": {"X": "only A", "W": "not in A"}}""");

        // when
        Map<String, Map<String, String>> env = resolve(declared, envVars);

        // then
        assertThat(env.get("A")).containsExactlyInAnyOrderEntriesOf(Map.of("X", "only A", "Y", ""));
        assertThat(env.get("B")).containsExactlyInAnyOrderEntriesOf(Map.of("X", "all"));
        assertThat(undeclared(declared, envVars)).containsExactlyInAnyOrder("Parameters.Z", "A.W");
    }

    @Test
    void the_checks_fail_on_the_setup_before_the_fix() {
        // given
        Map<String, Map<String, Object>> declared = declaredVariables(Template.SAM);
        Compose compose = Compose.load(Repo.root().resolve(COMPOSE_FILE));
        JsonNode oldEnvVars = readJson(OLD_ENV_JSON);

        // when: an older version of the guide passed container-env.json without --debug-port
        Map<String, String> containerEnv = containerEnvVars(readJson(OLD_CONTAINER_ENV_JSON), false);
        Map<String, Map<String, String>> env = resolve(declared, oldEnvVars);

        // then
        assertThat(containerEnv).isEmpty();
        assertThat(containerEnvVars(readJson(OLD_CONTAINER_ENV_JSON), true)).containsOnlyKeys("Parameters");
        assertThat(missingDynamoEndpoints(env, dynamoFunctions(Template.SAM), compose))
                .hasSize(Template.functions().size())
                .allMatch(problem -> problem.contains("DYNAMODB_ENDPOINT_URL"));
        assertThat(undeclared(declared, oldEnvVars)).contains("Parameters.OLLAMA_BASE_URL");
        assertThat(hostsOutsideCompose(oldEnvVars, compose)).isNotEmpty();
        assertThat(loopbackValues(oldEnvVars)).isNotEmpty();
        assertThat(env.get("AskFunction").get("MODEL_PROVIDER")).isNotEqualTo("ollama");
    }

    // ---- SAM CLI's rule, in this project's terms ----

    /** Per function logical id: the variables it declares, Globals merged under the function's own. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> declaredVariables(SamTemplate template) {
        Map<String, Object> globals = variables(template.section("Globals", "Function"));
        Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            Map<String, Object> merged = new LinkedHashMap<>(globals);
            merged.putAll(variables(SamTemplate.properties(function)));
            declared.put(id, merged);
        });
        return declared;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        if (functionProperties.get("Environment") instanceof Map<?, ?> environment
                && environment.get("Variables") instanceof Map<?, ?> variables) {
            return (Map<String, Object>) variables;
        }
        return Map.of();
    }

    /**
     * What each function's container ends up with for its declared variables: the function's env.json section
     * over {@code Parameters} over the template's value. Template values that are intrinsics come out blank here;
     * SAM resolves some of them first (a parameter's Default, a resource's logical id), which the checks never
     * rely on. The shell's variables (SAM's middle priority) are left out: the guide does not set any.
     */
    static Map<String, Map<String, String>> resolve(Map<String, Map<String, Object>> declared, JsonNode envVars) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        declared.forEach((function, variables) -> {
            Map<String, String> overrides = new LinkedHashMap<>(fields(envVars.get("Parameters")));
            overrides.putAll(fields(envVars.get(function)));
            Map<String, String> env = new LinkedHashMap<>();
            variables.forEach((name, value) ->
                    env.put(name, overrides.containsKey(name) ? overrides.get(name) : templateValue(value)));
            result.put(function, env);
        });
        return result;
    }

    private static String templateValue(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return "";
        }
        return value instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(value);
    }

    /**
     * The {@code --container-env-vars} file as SAM applies it: not at all without debug ports, else its top-level
     * entries as variables, so {@code {"Parameters": {...}}} becomes one variable named {@code Parameters}.
     */
    static Map<String, String> containerEnvVars(JsonNode file, boolean debugPort) {
        Map<String, String> env = new LinkedHashMap<>();
        if (debugPort) {
            file.properties()
                    .forEach(e -> env.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
        }
        return env;
    }

    /** Entries of env.json that reach no container: {@code Parameters.NAME} or {@code Function.NAME}. */
    static List<String> undeclared(Map<String, Map<String, Object>> declared, JsonNode envVars) {
        List<String> dropped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = envVars.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> section = it.next();
            if (!section.getValue().isObject()) {
                dropped.add(section.getKey() + " (not an object: SAM refuses the file)");
                continue;
            }
            boolean everyFunction = section.getKey().equals("Parameters");
            if (!everyFunction && !declared.containsKey(section.getKey())) {
                dropped.add(section.getKey() + " (no function with this logical id)");
                continue;
            }
            for (String name : fields(section.getValue()).keySet()) {
                boolean reaches = everyFunction
                        ? declared.values().stream().anyMatch(vars -> vars.containsKey(name))
                        : declared.get(section.getKey()).containsKey(name);
                if (!reaches) {
                    dropped.add(section.getKey() + "." + name);
                }
            }
        }
        return dropped;
    }

    // ---- the checks ----

    /** Functions whose role, as deployed with the template's defaults, grants any DynamoDB action. */
    static Set<String> dynamoFunctions(SamTemplate template) {
        Set<String> result = new LinkedHashSet<>();
        Policies policies = new Policies(template, Map.of());
        template.resourcesOfType("AWS::Serverless::Function").keySet().forEach(id -> {
            if (policies.grants(id).stream().anyMatch(grant -> grant.startsWith("dynamodb:"))) {
                result.add(id);
            }
        });
        return result;
    }

    static List<String> missingDynamoEndpoints(
            Map<String, Map<String, String>> env, Set<String> functions, Compose compose) {
        Optional<String> localstack = compose.serviceWithImage("localstack/localstack");
        List<String> problems = new ArrayList<>();
        for (String function : functions) {
            String endpoint = env.getOrDefault(function, Map.of()).getOrDefault("DYNAMODB_ENDPOINT_URL", "");
            Optional<URI> uri = httpUri(endpoint);
            if (uri.isEmpty()
                    || localstack.isEmpty()
                    || !localstack.get().equals(uri.get().getHost())
                    || !compose.containerPorts(localstack.get()).contains(port(uri.get()))) {
                problems.add(function + ": DYNAMODB_ENDPOINT_URL is \"" + endpoint + "\", not the compose service "
                        + localstack
                                .map(s -> "http://" + s + ":"
                                        + compose.containerPorts(s).stream()
                                                .findFirst()
                                                .map(String::valueOf)
                                                .orElse("?"))
                                .orElse("(none)")
                        + " (blank means real DynamoDB in the region, with the shell's credentials)");
            }
        }
        return problems;
    }

    /** Table variables ({@code !Ref} to a table) must carry the local name the seed creates (TableNames). */
    static List<String> wrongTableNames(
            Map<String, Map<String, Object>> declared, Map<String, Map<String, String>> env, SamTemplate template) {
        Set<String> tables = template.resourcesOfType("AWS::DynamoDB::Table").keySet();
        List<String> problems = new ArrayList<>();
        declared.forEach((function, variables) -> variables.forEach((name, value) -> {
            if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String table && tables.contains(table)) {
                String expected = seededTableName(table);
                String actual = env.get(function).get(name);
                if (!expected.equals(actual)) {
                    problems.add(function + "." + name + " is \"" + actual + "\", the seed creates " + expected);
                }
            }
        }));
        return problems;
    }

    /**
     * infra/local's TableNames rule (not on this module's classpath): {@code gopher-site-} plus the logical id in
     * kebab case without {@code Table}.
     */
    static String seededTableName(String logicalId) {
        String base = logicalId.endsWith("Table") ? logicalId.substring(0, logicalId.length() - 5) : logicalId;
        return "gopher-site-" + base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static List<String> hostsOutsideCompose(JsonNode envVars, Compose compose) {
        List<String> problems = new ArrayList<>();
        allValues(envVars)
                .forEach((key, value) -> httpUri(value).ifPresent(uri -> {
                    if (!compose.services().containsKey(uri.getHost())) {
                        problems.add(key + " = " + value + ": " + uri.getHost() + " is not a service of " + COMPOSE_FILE
                                + " " + compose.services().keySet());
                    } else if (!compose.containerPorts(uri.getHost()).contains(port(uri))) {
                        problems.add(key + " = " + value + ": " + uri.getHost() + " listens on "
                                + compose.containerPorts(uri.getHost()));
                    }
                }));
        return problems;
    }

    static List<String> loopbackValues(JsonNode envVars) {
        List<String> problems = new ArrayList<>();
        allValues(envVars).forEach((key, value) -> {
            String lower = value.toLowerCase(Locale.ROOT);
            HOST_LOOPBACK.stream()
                    .filter(lower::contains)
                    .findFirst()
                    .ifPresent(host -> problems.add(key + " = " + value + " (" + host + ")"));
        });
        return problems;
    }

    // ---- reading the files ----

    /** {@code Section.NAME -> value} for every string value of env.json. */
    private static Map<String, String> allValues(JsonNode envVars) {
        Map<String, String> values = new LinkedHashMap<>();
        envVars.properties()
                .forEach(section -> fields(section.getValue())
                        .forEach((name, value) -> values.put(section.getKey() + "." + name, value)));
        return values;
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties()
                    .forEach(e -> fields.put(
                            e.getKey(),
                            e.getValue().isTextual()
                                    ? e.getValue().asText()
                                    : e.getValue().toString()));
        }
        return fields;
    }

    private static Optional<URI> httpUri(String value) {
        try {
            URI uri = new URI(value.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    static JsonNode readJson(Path path) {
        try {
            return JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readGuide() throws IOException {
        return Files.readString(Repo.root().resolve(GUIDE), StandardCharsets.UTF_8);
    }

    /** The parts of docker-compose.yml that decide what a container on its network can reach. */
    record Compose(String defaultNetwork, Map<String, Map<String, Object>> services) {

        @SuppressWarnings("unchecked")
        static Compose load(Path file) {
            Map<String, Object> root;
            try {
                root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String project = String.valueOf(root.getOrDefault(
                            "name", file.toAbsolutePath().getParent().getFileName()))
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_-]", "");
            String network = project + "_default";
            if (root.get("networks") instanceof Map<?, ?> networks
                    && networks.get("default") instanceof Map<?, ?> def
                    && def.get("name") instanceof String name) {
                network = name;
            }
            return new Compose(network, (Map<String, Map<String, Object>>) root.getOrDefault("services", Map.of()));
        }

        Optional<String> serviceWithImage(String repository) {
            return services.entrySet().stream()
                    .filter(e -> String.valueOf(e.getValue().get("image")).startsWith(repository + ":"))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }

        /** Container-side ports of a service's port mappings ({@code [ip:]host:container[/proto]}). */
        List<Integer> containerPorts(String service) {
            Object ports = services.getOrDefault(service, Map.of()).get("ports");
            List<Integer> result = new ArrayList<>();
            if (ports instanceof List<?> list) {
                for (Object mapping : list) {
                    String[] parts = String.valueOf(mapping).split("/")[0].split(":");
                    result.add(Integer.parseInt(parts[parts.length - 1]));
                }
            }
            return result;
        }
    }

    /**
     * A shell command from a fenced code block of a Markdown guide: leading {@code NAME=value} assignments, the words
     * after them, continuation lines joined. Quotes are not interpreted; the guide's commands need none.
     */
    record ShellCommand(Map<String, String> env, List<String> words) {

        static Optional<ShellCommand> find(String markdown, String command) {
            List<String> lines = markdown.lines().toList();
            boolean inCode = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("```")) {
                    inCode = !inCode;
                    continue;
                }
                if (!inCode || line.startsWith("#")) {
                    continue;
                }
                StringBuilder joined = new StringBuilder();
                int j = i;
                String current = line;
                while (current.endsWith("\\") && j + 1 < lines.size()) {
                    joined.append(current, 0, current.length() - 1).append(' ');
                    current = lines.get(++j).strip();
                }
                joined.append(current);
                String text = joined.toString().replaceAll("\\s+#.*$", "");
                int at = text.indexOf(command);
                if (at < 0) {
                    continue;
                }
                Map<String, String> env = new LinkedHashMap<>();
                for (String word : text.substring(0, at).strip().split("\\s+")) {
                    int eq = word.indexOf('=');
                    if (eq > 0) {
                        env.put(word.substring(0, eq), word.substring(eq + 1));
                    }
                }
                return Optional.of(
                        new ShellCommand(env, List.of(text.substring(at).strip().split("\\s+"))));
            }
            return Optional.empty();
        }

        /** The value of {@code --name value} or {@code --name=value}. */
        Optional<String> option(String name) {
            for (int i = 0; i < words.size(); i++) {
                if (words.get(i).equals(name) && i + 1 < words.size()) {
                    return Optional.of(words.get(i + 1));
                }
                if (words.get(i).startsWith(name + "=")) {
                    return Optional.of(words.get(i).substring(name.length() + 1));
                }
            }
            return Optional.empty();
        }
    }
}
