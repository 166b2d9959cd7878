package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gophersite.local.runtime.ProxyJson;
import dev.gophersite.project.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code infra/local/invoke} runs one function once, like {@code sam local invoke}: the response alone on stdout. */
class InvokeScriptIT {
    @Test
    void invoke_prints_the_proxy_response_of_one_invocation_on_stdout() throws Exception {
        // given
        Path event = Path.of(
                InvokeScriptIT.class.getResource("/events/get-page.json").toURI());
        ProcessBuilder builder = new ProcessBuilder(
                        Repo.root().resolve("infra/local/invoke").toString(), "PagesApiFunction", event.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LOCAL_SKIP_BUILD", "1");

        // when
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);

        // then
        assertThat(exited).isTrue();
        assertThat(process.exitValue()).isZero();
        JsonNode response = ProxyJson.MAPPER.readTree(stdout);
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("ETag").asText()).isNotEmpty();
        assertThat(ProxyJson.MAPPER
                        .readTree(response.path("body").asText())
                        .path("slug")
                        .asText())
                .isEqualTo("why-go");
    }

    @Test
    void invoke_of_an_unknown_function_fails_naming_the_known_ones() throws Exception {
        // given
        ProcessBuilder builder = new ProcessBuilder(
                        Repo.root().resolve("infra/local/invoke").toString(), "NoSuchFunction", "-")
                .redirectErrorStream(true);
        builder.environment().put("LOCAL_SKIP_BUILD", "1");
        builder.environment().put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");

        // when
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);

        // then
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("no function NoSuchFunction in the template; it has [PagesApiFunction");
    }
}
