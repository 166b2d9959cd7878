package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.project.Repo;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * With {@code AWS_ENDPOINT_URL_DYNAMODB} set (LocalStack in the Docker setup; a dynalite stands in for it here),
 * {@code start --seed} prepares that server for {@code sam local}, and the dev server uses it instead of its own.
 */
@ExtendWith(DynaliteExtension.class)
class ExternalDynamoIT {
    @Test
    void seed_creates_every_template_table_with_content_and_exits(Dynalite external) throws Exception {
        // given
        ProcessBuilder builder = new ProcessBuilder(
                        Repo.root().resolve("infra/local/start").toString(), "--seed")
                .redirectErrorStream(true);
        builder.environment().put("LOCAL_SKIP_BUILD", "1");
        builder.environment()
                .put("AWS_ENDPOINT_URL_DYNAMODB", external.endpoint().toString());

        // when
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);

        // then
        assertThat(exited).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        try (DynamoDbClient dynamo = LocalDynamo.client(external.endpoint())) {
            assertThat(dynamo.listTables().tableNames())
                    .contains("gopher-site-content", "gopher-site-feedback", "gopher-site-answer-cache");
        }
        assertThat(output).contains("content ");
    }

    @Test
    void dev_server_serves_from_the_given_endpoint_without_starting_dynalite(Dynalite external) throws Exception {
        // given
        LocalSettings settings = new LocalSettings(
                Repo.root().resolve("template.yaml"),
                Repo.root().resolve("content"),
                0,
                Optional.of(external.endpoint()),
                Map.of(),
                1,
                false,
                false);

        // when
        try (LocalSite site = LocalSite.start(settings)) {
            int status = new Http(site.url()).get("/api/pages").statusCode();

            // then
            assertThat(site.backend().ownsDynamo()).isFalse();
            assertThat(site.backend().endpoint()).isEqualTo(external.endpoint());
            assertThat(status).isEqualTo(200);
        }
    }
}
