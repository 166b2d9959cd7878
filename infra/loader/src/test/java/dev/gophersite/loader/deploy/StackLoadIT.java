package dev.gophersite.loader.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentParser;
import dev.gophersite.loader.ParsedPage;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code loader --stack}: the content into the stack's table on a real DynamoDB API, then every function the stack
 * names re-published through the real Lambda client, the stack read through the real CloudFormation client, both
 * against their wire protocols.
 */
@ExtendWith(DynaliteExtension.class)
class StackLoadIT {
    private static final String STACK = "gopher-site";
    private final WireMockServer aws = new WireMockServer(wireMockConfig().dynamicPort());
    private final List<String> log = new ArrayList<>();
    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void start(Dynalite dynalite) {
        aws.start();
        dynamo = LocalDynamo.client(dynalite.endpoint());
        table = "content-" + UUID.randomUUID();
        Tables.ensure(
                dynamo,
                SamTemplate.load(Repo.root().resolve("template.yaml")),
                Map.of("ContentTable", table),
                log::add);
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    @Test
    void loads_the_content_then_publishes_every_function_with_it_and_moves_its_alias_there() {
        // given
        AwsFakes.stack(aws, STACK, Map.of("ContentTableName", table, "FunctionNames", "gs-site, gs-ask"));
        AwsFakes.function(aws, "gs-site", "The server-rendered HTML site.", "4");
        AwsFakes.function(aws, "gs-ask", "POST /ask [content 000000000000]", "9");

        // when
        StackLoad.Result result = stackLoad().run(STACK, pages());

        // then the table serves the new version
        String version = result.content().version();
        assertThat(new DynamoContentStore(
                                dynamo,
                                new ContentSettings(table, Duration.ZERO),
                                new StoreBackoff(new JsonLog(StoreBackoff.class)))
                        .currentVersion())
                .isEqualTo(version);
        // and each function got this version's mark (an older mark replaced), a new version, and the alias on it
        aws.verify(putRequestedFor(urlPathEqualTo("/2015-03-31/functions/gs-site/configuration"))
                .withRequestBody(
                        equalToJson("{\"Description\":\"The server-rendered HTML site. [content " + version + "]\"}")));
        aws.verify(putRequestedFor(urlPathEqualTo("/2015-03-31/functions/gs-ask/configuration"))
                .withRequestBody(equalToJson("{\"Description\":\"POST /ask [content " + version + "]\"}")));
        aws.verify(postRequestedFor(urlPathEqualTo("/2015-03-31/functions/gs-ask/versions")));
        aws.verify(putRequestedFor(urlPathEqualTo("/2015-03-31/functions/gs-site/aliases/live"))
                .withRequestBody(containing("\"FunctionVersion\":\"4\"")));
        aws.verify(putRequestedFor(urlPathEqualTo("/2015-03-31/functions/gs-ask/aliases/live"))
                .withRequestBody(containing("\"FunctionVersion\":\"9\"")));
        assertThat(result.published())
                .containsExactly(
                        new FunctionVersions.Published("gs-site", "4"), new FunctionVersions.Published("gs-ask", "9"));
    }

    @Test
    void a_function_already_marked_with_this_content_is_published_without_a_change() {
        // given the content is loaded, and the function carries its mark
        AwsFakes.stack(aws, STACK, Map.of("ContentTableName", table, "FunctionNames", "gs-pages"));
        String version = dev.gophersite.loader.ContentLoader.siteVersion(pages());
        AwsFakes.function(aws, "gs-pages", "JSON pages [content " + version + "]", "3");

        // when
        stackLoad().run(STACK, pages());

        // then Lambda decides: with $LATEST unchanged since its last version, it publishes none and returns that one
        aws.verify(0, putRequestedFor(urlPathEqualTo("/2015-03-31/functions/gs-pages/configuration")));
        aws.verify(putRequestedFor(urlPathEqualTo("/2015-03-31/functions/gs-pages/aliases/live"))
                .withRequestBody(containing("\"FunctionVersion\":\"3\"")));
    }

    @Test
    void a_stack_without_the_outputs_is_refused_before_anything_is_written() {
        // given a stack deployed from an older template
        AwsFakes.stack(aws, STACK, Map.of("SiteUrl", "https://example.test/prod/"));

        // when / then
        assertThatThrownBy(() -> stackLoad().run(STACK, pages()))
                .hasMessageContaining("has no output ContentTableName");
        assertThat(dynamo.scan(b -> b.tableName(table)).count()).isZero();
    }

    @Test
    void after_the_functions_serve_the_new_content_the_edge_drops_what_the_load_changed(@TempDir Path dir)
            throws IOException {
        // given a stack with an edge, its content loaded once
        AwsFakes.stack(
                aws, STACK, Map.of("ContentTableName", table, "FunctionNames", "gs-site", "DistributionId", "EDGE123"));
        AwsFakes.function(aws, "gs-site", "HTML", "2");
        AwsFakes.distribution(aws, "EDGE123");
        copyContent(dir);
        StackLoad.Result first = stackLoad().run(STACK, new ContentParser().parseDirectory(dir));

        // when the history page's text changes, and nothing the navigation shows
        Path history = dir.resolve("history.md");
        Files.writeString(history, Files.readString(history) + "\nGo keeps its compatibility promise.\n");
        StackLoad.Result second = stackLoad().run(STACK, new ContentParser().parseDirectory(dir));

        // then the first load invalidated everything (every page was new), the second that page's HTML and JSON only
        assertThat(first.invalidation()).contains("I2J0I21PCUYOIK");
        assertThat(second.content().change().pages()).containsExactly("history");
        List<String> bodies =
                aws.findAll(postRequestedFor(urlPathEqualTo("/2020-05-31/distribution/EDGE123/invalidation"))).stream()
                        .map(request -> request.getBodyAsString())
                        .toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0))
                .contains(
                        "<Quantity>1</Quantity>",
                        "<Path>/*</Path>",
                        "<CallerReference>content-" + first.content().version() + "</CallerReference>");
        assertThat(bodies.get(1))
                .contains("<Quantity>2</Quantity>", "<Path>/history</Path>", "<Path>/api/pages/history</Path>")
                .doesNotContain("/*");
    }

    @Test
    void unchanged_content_invalidates_nothing() {
        // given
        AwsFakes.stack(
                aws, STACK, Map.of("ContentTableName", table, "FunctionNames", "gs-site", "DistributionId", "EDGE123"));
        AwsFakes.function(aws, "gs-site", "HTML", "2");
        AwsFakes.distribution(aws, "EDGE123");
        stackLoad().run(STACK, pages());

        // when
        StackLoad.Result again = stackLoad().run(STACK, pages());

        // then
        assertThat(again.invalidation()).isEmpty();
        aws.verify(1, postRequestedFor(urlPathEqualTo("/2020-05-31/distribution/EDGE123/invalidation")));
    }

    private StackLoad stackLoad() {
        FunctionVersions versions = new FunctionVersions(
                AwsFakes.lambda(aws), "live", Duration.ofSeconds(10), Duration.ofMillis(50), log::add);
        return new StackLoad(
                AwsFakes.cloudFormation(aws),
                dynamo,
                versions,
                new EdgeInvalidation(AwsFakes.cloudFront(aws)),
                Duration.ZERO,
                Clock.systemUTC(),
                log::add);
    }

    private static void copyContent(Path dir) throws IOException {
        try (var files = Files.list(Repo.root().resolve("content"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
    }

    private static List<ParsedPage> pages() {
        return new ContentParser().parseDirectory(Repo.root().resolve("content"));
    }
}
