package dev.gophersite.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.local.template.ApiRoute;
import dev.gophersite.local.template.Cors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final Cors CORS = new Cors(true, "https://example.test", "", "Content-Type", "600", false);

    private final RouteTable table = new RouteTable(List.of(
            route("Site", "GET", "/"),
            route("Site", "GET", "/{slug}"),
            route("Site", "GET", "/assets/{file}"),
            route("Pages", "GET", "/api/pages"),
            route("Pages", "GET", "/api/pages/{slug}"),
            route("Ask", "POST", "/ask"),
            route("Ask", "GET", "/ask"),
            route("Files", "ANY", "/files/{path+}"),
            route("Readme", "GET", "/files/readme"),
            route("Named", "GET", "/files/{name}/raw")));

    @Test
    void literal_path_beats_a_parameter_so_get_ask_reaches_the_ask_function() {
        // when
        RouteTable.Match match = table.match("GET", "/ask");

        // then
        assertThat(match)
                .isInstanceOfSatisfying(
                        RouteTable.Found.class,
                        found -> assertThat(found.route().functionId()).isEqualTo("Ask"));
    }

    @Test
    void parameter_binds_the_decoded_segment_and_keeps_a_plus_sign() {
        // when
        RouteTable.Match spaced = table.match("GET", "/what%20is%20go");
        RouteTable.Match plus = table.match("GET", "/c++");

        // then
        assertThat(((RouteTable.Found) spaced).pathParameters()).isEqualTo(Map.of("slug", "what is go"));
        assertThat(((RouteTable.Found) plus).pathParameters()).isEqualTo(Map.of("slug", "c++"));
    }

    @Test
    void literal_beats_greedy_and_greedy_takes_the_rest_of_the_path() {
        // when
        RouteTable.Match literal = table.match("GET", "/files/readme");
        RouteTable.Match greedy = table.match("DELETE", "/files/a/b%2Fc/d");

        // then
        assertThat(((RouteTable.Found) literal).route().functionId()).isEqualTo("Readme");
        assertThat(greedy).isInstanceOfSatisfying(RouteTable.Found.class, found -> {
            assertThat(found.route().functionId()).isEqualTo("Files");
            assertThat(found.pathParameters()).isEqualTo(Map.of("path", "a/b/c/d"));
        });
    }

    @Test
    void parameter_beats_greedy_at_the_same_depth() {
        // when
        RouteTable.Match match = table.match("GET", "/files/notes/raw");

        // then
        assertThat(match).isInstanceOfSatisfying(RouteTable.Found.class, found -> {
            assertThat(found.route().functionId()).isEqualTo("Named");
            assertThat(found.pathParameters()).isEqualTo(Map.of("name", "notes"));
        });
    }

    @Test
    void encoded_slash_stays_inside_its_parameter() {
        // when
        RouteTable.Match match = table.match("GET", "/api/pages/a%2Fb");

        // then
        assertThat(match)
                .isInstanceOfSatisfying(
                        RouteTable.Found.class,
                        found -> assertThat(found.pathParameters()).isEqualTo(Map.of("slug", "a/b")));
    }

    @Test
    void root_and_trailing_slash_match_their_routes() {
        // when / then
        assertThat(((RouteTable.Found) table.match("GET", "/")).route().path()).isEqualTo("/");
        assertThat(((RouteTable.Found) table.match("GET", "/api/pages/"))
                        .route()
                        .path())
                .isEqualTo("/api/pages");
    }

    @Test
    void unknown_path_is_not_found() {
        // when / then
        assertThat(table.match("GET", "/api/pages/go/deeper")).isInstanceOf(RouteTable.NotFound.class);
        assertThat(table.match("GET", "/assets/css/site.css")).isInstanceOf(RouteTable.NotFound.class);
    }

    @Test
    void known_path_with_another_method_is_method_not_allowed_listing_the_allowed_ones() {
        // when
        RouteTable.Match match = table.match("DELETE", "/api/pages");

        // then
        assertThat(match)
                .isInstanceOfSatisfying(
                        RouteTable.MethodNotAllowed.class,
                        m -> assertThat(m.allowed()).containsExactly("GET", "HEAD", "OPTIONS"));
    }

    @Test
    void head_is_served_by_the_get_route_without_body() {
        // when
        RouteTable.Match match = table.match("HEAD", "/api/pages/why-go");

        // then
        assertThat(match).isInstanceOfSatisfying(RouteTable.Found.class, found -> {
            assertThat(found.head()).isTrue();
            assertThat(found.route().method()).isEqualTo("GET");
        });
    }

    @Test
    void options_on_a_path_of_a_cors_api_is_answered_as_preflight() {
        // when
        RouteTable.Match match = table.match("OPTIONS", "/ask");

        // then
        assertThat(match)
                .isInstanceOfSatisfying(
                        RouteTable.Preflight.class,
                        p -> assertThat(p.headers())
                                .containsEntry("Access-Control-Allow-Origin", "https://example.test")
                                .containsEntry("Access-Control-Allow-Methods", "POST,GET,HEAD,OPTIONS")
                                .containsEntry("Access-Control-Allow-Headers", "Content-Type")
                                .containsEntry("Access-Control-Max-Age", "600"));
    }

    @Test
    void invalid_percent_encoding_is_a_bad_path() {
        // when / then
        assertThat(table.match("GET", "/%zz")).isInstanceOf(RouteTable.BadPath.class);
    }

    private static ApiRoute route(String function, String method, String path) {
        return new ApiRoute(function, method + path, method, path, CORS, Optional.empty());
    }
}
