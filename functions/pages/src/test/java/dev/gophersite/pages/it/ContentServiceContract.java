package dev.gophersite.pages.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.pages.handler.PagesApiHandler;
import dev.gophersite.pages.handler.SiteHandler;
import dev.gophersite.pages.wiring.PagesWiring;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The content service end to end against a real DynamoDB API: tables created from template.yaml, content/ loaded
 * by the loader, requests answered by the real handlers over the real SDK client. Run against dynalite always,
 * and against LocalStack when Docker is present.
 */
abstract class ContentServiceContract {
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private PagesApiHandler api;
    private SiteHandler site;

    protected abstract URI endpoint();

    @BeforeEach
    void loadContent() {
        DynamoDbClient admin = LocalDynamo.client(endpoint());
        String table = "content-" + UUID.randomUUID();
        Tables.ensure(
                admin,
                SamTemplate.load(Repo.root().resolve("template.yaml")),
                Map.of("ContentTable", table),
                System.out::println);
        new ContentLoader(admin, table).loadDirectory(Repo.root().resolve("content"));
        DynamoDbClient counted = LocalDynamo.builder(endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                }))
                .build();
        DynamoContentStore store = new DynamoContentStore(
                counted,
                new ContentSettings(table, Duration.ofMinutes(5)),
                new StoreBackoff(new JsonLog(StoreBackoff.class)));
        api = new PagesApiHandler(PagesWiring.of(store));
        site = new SiteHandler(PagesWiring.of(store));
    }

    static APIGatewayProxyRequestEvent event(String name) {
        return EventLoader.loadApiGatewayRestEvent("events/" + name + ".json");
    }

    @Test
    void serves_every_page_listed_in_the_index() {
        // when
        APIGatewayProxyResponseEvent list = api.handleRequest(event("api-pages-list"), null);

        // then
        assertThat(list.getStatusCode()).isEqualTo(200);
        for (String slug :
                List.of("home", "what-is-go", "history", "essentials", "why-go", "who-uses-go", "compare", "future")) {
            assertThat(list.getBody()).contains("\"slug\":\"" + slug + "\"");
            APIGatewayProxyRequestEvent request = event("api-page-history");
            request.setPathParameters(Map.of("slug", slug));
            APIGatewayProxyResponseEvent page = api.handleRequest(request, null);
            assertThat(page.getStatusCode()).as(slug).isEqualTo(200);
            assertThat(page.getBody()).contains("\"slug\":\"" + slug + "\"");
        }
    }

    @Test
    void returns_304_when_etag_matches_and_404_for_unknown_slugs() {
        // given
        String etag =
                api.handleRequest(event("api-page-history"), null).getHeaders().get("ETag");
        APIGatewayProxyRequestEvent conditional = event("api-page-history");
        conditional.getHeaders().put("If-None-Match", etag);
        APIGatewayProxyRequestEvent unknown = event("api-page-history");
        unknown.setPathParameters(Map.of("slug", "does-not-exist"));

        // then
        assertThat(api.handleRequest(conditional, null).getStatusCode()).isEqualTo(304);
        assertThat(api.handleRequest(unknown, null).getStatusCode()).isEqualTo(404);
        assertThat(site.handleRequest(event("site-page-unknown"), null).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void renders_the_compare_table_as_html() {
        // given
        APIGatewayProxyRequestEvent request = event("site-page-essentials");
        request.setPathParameters(Map.of("slug", "compare"));

        // when
        String html = site.handleRequest(request, null).getBody();

        // then
        assertThat(html).contains("<table>", "<th>Go</th>", "<th>Java</th>", "<th>Node.js</th>", "25 keywords");
    }

    @Test
    void reads_at_most_one_item_per_request_and_never_scans() {
        // given a warm function
        api.handleRequest(event("api-pages-list"), null);
        operations.clear();

        // when
        api.handleRequest(event("api-page-history"), null);
        int firstView = operations.size();
        for (int i = 0; i < 50; i++) {
            api.handleRequest(event("api-page-history"), null);
            site.handleRequest(event("site-page-essentials"), null);
        }

        // then
        assertThat(firstView).isEqualTo(1);
        assertThat(operations).hasSizeLessThanOrEqualTo(2).containsOnly("GetItem");
    }
}
