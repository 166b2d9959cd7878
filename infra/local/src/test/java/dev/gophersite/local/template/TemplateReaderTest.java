package dev.gophersite.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.local.LocalSite;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {
    private static final Map<String, String> LOCAL_DEFAULTS = Map.of("CONTENT_POINTER_TTL_MILLIS", "500");

    @Test
    void real_template_routes_every_api_event_to_its_function() {
        // when
        List<FunctionSpec> functions = read(realTemplate(), Map.of()).functions();

        // then
        assertThat(functions.stream()
                        .flatMap(f -> f.routes().stream())
                        .map(r -> r.method() + " " + r.path() + " " + r.functionId()))
                .containsExactly(
                        "GET /api/pages PagesApiFunction",
                        "GET /api/pages/{slug} PagesApiFunction",
                        "GET / SiteFunction",
                        "GET /{slug} SiteFunction",
                        "GET /assets/{file} SiteFunction",
                        "POST /ask AskFunction",
                        "GET /ask AskFunction",
                        "GET /api/search SearchFunction",
                        "GET /search SearchFunction",
                        "POST /api/feedback FeedbackFunction");
    }

    @Test
    void function_settings_override_globals_and_code_uri_is_resolved_from_the_template_folder() {
        // when
        Map<String, FunctionSpec> functions = byId(read(realTemplate(), Map.of()));

        // then
        FunctionSpec ask = functions.get("AskFunction");
        assertThat(ask.timeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(ask.memoryMb()).isEqualTo(2048);
        assertThat(ask.handlerClass()).isEqualTo("dev.gophersite.ask.handler.AskHandler");
        assertThat(ask.handlerMethod()).isEqualTo("handleRequest");
        assertThat(ask.code()).isEqualTo(Repo.root().resolve("functions/ask/target/function.jar"));
        FunctionSpec pages = functions.get("PagesApiFunction");
        assertThat(pages.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pages.memoryMb()).isEqualTo(1024);
    }

    @Test
    void environment_merges_globals_with_the_function_and_resolves_refs_to_tables_and_parameters() {
        // when
        Map<String, FunctionSpec> functions = byId(read(realTemplate(), Map.of()));

        // then
        assertThat(functions.get("AskFunction").environment())
                .containsEntry("TABLE_NAME", "gopher-site-content")
                .containsEntry("LOG_MAX_TEXT", "80")
                .containsEntry("MODEL_PROVIDER", "ollama")
                .containsEntry("MODEL_ENDPOINT", "http://localhost:11434")
                .containsEntry("MODEL_ID", "qwen2.5:0.5b-instruct")
                .containsEntry("MODEL_TIMEOUT_MILLIS", "10000")
                .containsEntry("DYNAMODB_ENDPOINT_URL", "")
                .containsEntry("ANSWER_CACHE_TABLE", "gopher-site-answer-cache");
        assertThat(functions.get("FeedbackFunction").environment())
                .containsEntry("FEEDBACK_TABLE", "gopher-site-feedback")
                .containsEntry("FEEDBACK_TTL_DAYS", "90")
                .doesNotContainKey("MODEL_ENDPOINT");
    }

    @Test
    void conditions_follow_the_parameters_as_a_deployment_with_those_values_would() {
        // when the template's own defaults are used (a deployment), and the local overrides
        FunctionSpec deployed = byId(read(realTemplate(), Map.of(), Map.of())).get("AskFunction");
        FunctionSpec local = byId(read(realTemplate(), Map.of())).get("AskFunction");
        FunctionSpec none = byId(read(realTemplate(), Map.of("ModelProvider", "none"), Map.of()))
                .get("AskFunction");

        // then !If picks the Bedrock model (through the profile of the region, eu-west-1 here) and no endpoint on
        // AWS, the Ollama model and address locally
        assertThat(deployed.environment())
                .containsEntry("MODEL_PROVIDER", "bedrock")
                .containsEntry("MODEL_ID", "eu.amazon.nova-micro-v1:0")
                .containsEntry("MODEL_ENDPOINT", "");
        assertThat(local.environment())
                .containsEntry("MODEL_PROVIDER", "ollama")
                .containsEntry("MODEL_ID", "qwen2.5:0.5b-instruct")
                .containsEntry("MODEL_ENDPOINT", "http://localhost:11434");
        assertThat(none.environment()).containsEntry("MODEL_PROVIDER", "none").containsEntry("MODEL_ENDPOINT", "");
    }

    @Test
    void process_environment_overrides_declared_variables_and_adds_no_others() {
        // given
        Map<String, String> processEnv = Map.of("MODEL_ENDPOINT", "http://gpu-box:11434", "HOME", "/home/dev");

        // when
        FunctionSpec ask = byId(read(realTemplate(), processEnv)).get("AskFunction");

        // then
        assertThat(ask.environment())
                .containsEntry("MODEL_ENDPOINT", "http://gpu-box:11434")
                .doesNotContainKey("HOME");
    }

    @Test
    void local_defaults_replace_template_values_unless_the_process_environment_sets_them() {
        // when
        FunctionSpec byDefault = byId(read(realTemplate(), Map.of())).get("SiteFunction");
        FunctionSpec overridden = byId(read(realTemplate(), Map.of("CONTENT_POINTER_TTL_MILLIS", "42")))
                .get("SiteFunction");

        // then
        assertThat(byDefault.environment()).containsEntry("CONTENT_POINTER_TTL_MILLIS", "500");
        assertThat(overridden.environment()).containsEntry("CONTENT_POINTER_TTL_MILLIS", "42");
    }

    @Test
    void lambda_runtime_variables_are_set_and_cannot_be_overridden() {
        // when
        FunctionSpec ask = byId(read(realTemplate(), Map.of("AWS_LAMBDA_FUNCTION_NAME", "other")))
                .get("AskFunction");

        // then
        assertThat(ask.environment())
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "AskFunction")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "2048")
                .containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("_HANDLER", "dev.gophersite.ask.handler.AskHandler::handleRequest");
    }

    @Test
    void getatt_sub_join_and_refs_resolve_to_local_values() {
        // when
        FunctionSpec function =
                read(testTemplate("intrinsics.yaml"), Map.of()).functions().getFirst();

        // then
        assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(function.memoryMb()).isEqualTo(128);
        assertThat(function.environment())
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:eu-west-1:000000000000:table/gopher-site-cache")
                .containsEntry("LABEL", "dev-gopher-site-cache-eu-west-1-${Literal}")
                .containsEntry("WITH_VARS", "hi, dev")
                .containsEntry("JOINED", "a,dev,c")
                .containsEntry("SELF", "ResolvingFunction")
                .containsEntry("NUMBER", "42")
                .containsEntry("MAPPED", "eu");
    }

    @Test
    void the_real_api_has_no_cors_so_no_other_origin_is_allowed() {
        // when
        ApiRoute route =
                byId(read(realTemplate(), Map.of())).get("AskFunction").routes().getFirst();

        // then
        assertThat(route.cors()).isEqualTo(Cors.NONE);
    }

    @Test
    void request_models_with_body_validation_carry_the_schema_and_the_api_bad_request_body_response() {
        // when
        Map<String, FunctionSpec> functions = byId(read(realTemplate(), Map.of()));

        // then
        ApiRoute ask = functions.get("AskFunction").routes().getFirst();
        assertThat(ask.requestModel()).hasValueSatisfying(model -> {
            assertThat(model.name()).isEqualTo("AskRequest");
            assertThat(model.required()).isFalse();
            assertThat(model.schema()).containsKey("properties");
            assertThat(model.invalidStatus()).isEqualTo(400);
            assertThat(model.invalidBody()).contains("\"code\":\"bad_request\"");
        });
        assertThat(functions.get("FeedbackFunction").routes().getFirst().requestModel())
                .hasValueSatisfying(model -> assertThat(model.required()).isTrue());
        assertThat(functions.get("AskFunction").routes().get(1).requestModel()).isEmpty();
    }

    @Test
    void non_http_events_are_noted_and_not_routed() {
        // when
        TemplateReader.Result result = read(testTemplate("echo.yaml"), Map.of());

        // then
        assertThat(result.notes()).singleElement().asString().contains("EchoFunction.Events.Nightly (Schedule)");
        assertThat(byId(result).get("EchoFunction").routes())
                .extracting(ApiRoute::eventName)
                .doesNotContain("Nightly");
    }

    @Test
    void templates_the_dev_server_cannot_serve_are_rejected_naming_function_and_problem() {
        // when / then
        assertRejected(
                "bad-handler.yaml",
                "BrokenFunction: Handler 'dev.gophersite.local.testfn.TestHandler handleRequest'"
                        + " is not 'package.Class::method'");
        assertRejected("unknown-event.yaml", "TypoFunction.Events.Root: unknown event Type 'Apii'");
        assertRejected("http-api.yaml", "HttpFunction.Events.Root: Type HttpApi");
        assertRejected(
                "import-value.yaml",
                "ImportingFunction: Environment.Variables.SHARED_BUCKET: Fn::ImportValue"
                        + " cannot be resolved locally");
        assertRejected(
                "no-default.yaml",
                "UnresolvableFunction: Environment.Variables.NEEDS_INPUT: !Ref Required:"
                        + " the parameter has no Default");
        assertRejected("duplicate-route.yaml", "SecondFunction: GET /same is also served by FirstFunction");
    }

    @Test
    void table_names_are_kebab_case_logical_ids_without_the_table_suffix() {
        // when / then
        assertThat(TableNames.name("ContentTable")).isEqualTo("gopher-site-content");
        assertThat(TableNames.name("AnswerCacheTable")).isEqualTo("gopher-site-answer-cache");
        assertThat(TableNames.name("Votes")).isEqualTo("gopher-site-votes");
    }

    private static void assertRejected(String template, String message) {
        assertThatThrownBy(() -> read(testTemplate(template), Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("template.yaml: ")
                .hasMessageContaining(message);
    }

    private static TemplateReader.Result read(SamTemplate template, Map<String, String> processEnv) {
        return read(template, LocalSite.LOCAL_PARAMETERS, processEnv);
    }

    private static TemplateReader.Result read(
            SamTemplate template, Map<String, String> parameters, Map<String, String> processEnv) {
        return new TemplateReader(
                        template,
                        new TemplateReader.Settings(
                                TableNames.of(template), "eu-west-1", parameters, LOCAL_DEFAULTS, processEnv))
                .read();
    }

    private static Map<String, FunctionSpec> byId(TemplateReader.Result result) {
        return result.functions().stream().collect(java.util.stream.Collectors.toMap(FunctionSpec::logicalId, f -> f));
    }

    private static SamTemplate realTemplate() {
        return SamTemplate.load(Repo.root().resolve("template.yaml"));
    }

    private static SamTemplate testTemplate(String name) {
        try {
            return SamTemplate.load(Path.of(
                    TemplateReaderTest.class.getResource("/templates/" + name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
