package dev.gophersite.local.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The local edge reads the distribution from the real template, as the dev server reads its routes. */
class EdgeConfigTest {
    private final EdgeConfig config = EdgeConfig.fromTemplate(
                    SamTemplate.load(Repo.root().resolve("template.yaml")))
            .orElseThrow();

    @Test
    void the_origin_is_the_stage_and_says_the_site_is_at_the_root() {
        assertThat(config.originPath()).isEqualTo("/prod");
        assertThat(config.originHeaders()).containsEntry("X-Forwarded-Prefix", "/");
    }

    @Test
    void questions_votes_and_searches_pass_through_and_everything_else_is_kept_by_path() {
        for (String path : new String[] {"/ask", "/api/feedback", "/api/search", "/search"}) {
            EdgeConfig.Behavior behavior = config.behaviorFor(path);
            assertThat(behavior.ttl().neverCaches()).as(path).isTrue();
            assertThat(behavior.forwardQuery()).as(path).isTrue();
        }
        for (String path :
                new String[] {"/", "/history", "/assets/site.css", "/api/pages", "/api/pages/history", "/asks", "/ask/x"
                }) {
            EdgeConfig.Behavior behavior = config.behaviorFor(path);
            assertThat(behavior.ttl().max()).as(path).isEqualTo(Duration.ofDays(365));
            assertThat(behavior.allowedMethods()).as(path).containsExactlyInAnyOrder("GET", "HEAD");
            assertThat(behavior.forwardQuery()).as(path).isFalse();
        }
        assertThat(config.behaviorFor("/ask").allowedMethods()).contains("POST");
        assertThat(config.behaviorFor("/ask").forwardHeaders()).containsExactly("content-type");
    }
}
