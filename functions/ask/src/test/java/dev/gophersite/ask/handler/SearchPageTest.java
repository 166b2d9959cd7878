package dev.gophersite.ask.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.fakes.TestSettings;
import dev.gophersite.ask.record.SearchResults;
import dev.gophersite.ask.record.Source;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.testing.InMemoryContentStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /search}: the site search without JavaScript, in the site's layout. */
class SearchPageTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final List<PageSummary> NAV = List.of(
            new PageSummary("home", "Go", "s", 1, "Home"),
            new PageSummary("who-uses-go", "Who uses Go", "s", 6, "Who uses it"));
    private final InMemoryContentStore store = TestContent.store();
    private final SearchHandler handler = TestSettings.searchHandler(store);

    private static APIGatewayProxyRequestEvent searchPage(String q) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/get-search-page.json");
        event.setQueryStringParameters(q == null ? null : Map.of("q", q));
        event.setMultiValueQueryStringParameters(q == null ? null : Map.of("q", List.of(q)));
        return event;
    }

    @Test
    void lists_the_sections_that_match_in_the_site_layout_under_the_stage_base() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(searchPage("goroutine stack size"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders())
                .containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store")
                .containsKey("Content-Security-Policy");
        String html = response.getBody();
        assertThat(html)
                .contains(
                        "<title>Search: goroutine stack size · Go:goroutine</title>",
                        "<meta name=\"robots\" content=\"noindex, nofollow\">",
                        "<nav class=\"site-nav\"",
                        "<form class=\"site-search\" role=\"search\" aria-label=\"Site\" method=\"get\" action=\"/prod/search\">",
                        "<h1>Search</h1>",
                        "value=\"goroutine stack size\"",
                        "for “goroutine stack size”</h2>\n<ol class=\"search-list\">");
        assertThat(html)
                .contains("<li><span class=\"search-hit-page\">Essentials: the Go 8</span>"
                        + "<a href=\"/prod/essentials#goroutines\">Goroutines</a>");
        assertThat(html.split("<li><span class=\"search-hit-page\">")).hasSizeGreaterThan(2);
    }

    @Test
    void without_a_query_it_is_the_search_form() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(searchPage(null), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody())
                .contains(
                        "<form class=\"search-form\" role=\"search\" aria-label=\"Search again\" method=\"get\" action=\"/prod/search\">",
                        "<label for=\"search-page-q\">Search the site</label>")
                .doesNotContain("search-list", "role=\"alert\"");
    }

    @Test
    void a_refused_query_is_a_400_page_that_says_why_without_echoing_it() {
        // when
        APIGatewayProxyResponseEvent response = handler.handleRequest(searchPage("x".repeat(201) + SCRIPT), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(response.getBody())
                .contains("<p class=\"search-error\" role=\"alert\">")
                .doesNotContain(SCRIPT)
                .doesNotContain("xxxxxxxxxx");
    }

    @Test
    void other_methods_are_refused() {
        // when
        APIGatewayProxyResponseEvent response =
                handler.handleRequest(searchPage("go").withHttpMethod("POST"), null);

        // then
        assertThat(response.getStatusCode()).isEqualTo(405);
        assertThat(response.getHeaders()).containsEntry("Allow", "GET");
    }

    @Test
    void every_text_is_escaped_and_a_section_is_listed_once() {
        // given
        SearchResults results = new SearchResults(
                SCRIPT,
                List.of(
                        new Source(
                                "who-uses-go",
                                "Who <b>uses</b> Go",
                                "Project \"Corsa\"",
                                "/who-uses-go#project-corsa",
                                "Project \"Corsa\"\nOn 2025-03-11 <img src=x onerror=alert(1)> published.",
                                3.2),
                        new Source(
                                "who-uses-go",
                                "Who <b>uses</b> Go",
                                "Project \"Corsa\"",
                                "/who-uses-go#project-corsa",
                                "a second part of the same section",
                                1.1)));

        // when
        String html = SearchPage.render("/prod", NAV, SCRIPT, results, null);

        // then
        assertThat(html)
                .doesNotContain(SCRIPT)
                .doesNotContain("<img")
                .doesNotContain("<b>")
                .contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .contains("1 result for “&lt;script&gt;alert(1)&lt;/script&gt;”")
                .contains("<a href=\"/prod/who-uses-go#project-corsa\">Project &quot;Corsa&quot;</a>")
                .contains("<p>On 2025-03-11 &lt;img src=x onerror=alert(1)&gt; published.</p>")
                .containsOnlyOnce("/prod/who-uses-go#project-corsa");
    }

    @Test
    void no_results_say_so_and_offer_the_question_to_the_chat() {
        // when
        String html = SearchPage.render("", NAV, "wasm & js", new SearchResults("wasm & js", List.of()), null);

        // then
        assertThat(html)
                .contains("No results for “wasm &amp; js”", "<a href=\"/ask?q=wasm+%26+js\">ask about it</a>")
                .doesNotContain("search-list");
    }

    @Test
    void a_long_passage_is_cut_at_a_word() {
        // given
        String text = "Heading\n" + "word ".repeat(100);

        // when
        String snippet = SearchPage.snippet(new Source("s", "T", "Heading", "/s#h", text, 1));

        // then
        assertThat(snippet)
                .startsWith("word word")
                .endsWith("word …")
                .hasSizeLessThanOrEqualTo(SearchPage.SNIPPET_CHARS + 2);
    }
}
