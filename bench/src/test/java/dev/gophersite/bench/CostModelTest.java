package dev.gophersite.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.project.Repo;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The cost tables in docs/cost.md and the README are what the model computes from the files they come from. */
class CostModelTest {
    private final Path root = Repo.root();

    @Test
    void the_documented_cost_tables_are_computed_from_the_current_measurements_and_prices() throws IOException {
        // given
        CostModel model = CostModel.load(root);

        // then: otherwise run bench/run cost (or bench/run edge to measure again)
        assertThat(CostModel.between(root.resolve("docs/cost.md"), CostModel.DOCS_BEGIN, CostModel.DOCS_END))
                .isEqualTo(model.detail());
        assertThat(CostModel.between(root.resolve("README.md"), CostModel.README_BEGIN, CostModel.README_END))
                .isEqualTo(model.summary());
    }

    @Test
    void the_edge_costs_less_per_page_view_and_questions_cost_the_same_plus_the_edge_request() throws IOException {
        // given
        CostModel model = CostModel.load(root);

        // then
        double without = model.pages(false).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        double with = model.pages(true).values().stream()
                .mapToDouble(Double::doubleValue)
                .sum();
        assertThat(with).isLessThan(without);
        assertThat(model.questions(true))
                .containsAllEntriesOf(model.questions(false))
                .containsKey("CloudFront requests");
    }

    @Test
    void lambda_bills_whole_milliseconds_and_at_least_one() {
        assertThat(CostModel.billedMillis(0.138)).isEqualTo(1);
        assertThat(CostModel.billedMillis(5.226)).isEqualTo(6);
        assertThat(CostModel.billedMillis(7.0)).isEqualTo(7);
    }
}
