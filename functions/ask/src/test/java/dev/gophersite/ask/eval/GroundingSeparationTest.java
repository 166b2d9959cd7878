package dev.gophersite.ask.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroundingSeparationTest {

    @Test
    void a_score_that_orders_every_pair_right_has_a_threshold_without_errors() {
        // given
        List<Double> covered = List.of(0.4, 0.9, Double.POSITIVE_INFINITY);
        List<Double> uncovered = List.of(Double.NEGATIVE_INFINITY, -0.3, 0.1);

        // then
        assertThat(GroundingSeparation.auc(covered, uncovered)).isEqualTo(1.0);
        assertThat(GroundingSeparation.fewestErrors(covered, uncovered)).isZero();
        assertThat(GroundingSeparation.errors(covered, uncovered, 0)).isEqualTo(1);
    }

    @Test
    void overlapping_scores_leave_errors_that_no_threshold_removes() {
        // given: one uncovered question scores above two covered ones
        List<Double> covered = List.of(-0.2, 0.1, 0.5, 0.8);
        List<Double> uncovered = List.of(-0.5, 0.3);

        // then: 6 of 8 pairs in order; any threshold answers that one or refuses two covered ones
        assertThat(GroundingSeparation.auc(covered, uncovered)).isEqualTo(6 / 8.0);
        assertThat(GroundingSeparation.fewestErrors(covered, uncovered)).isEqualTo(1);
        assertThat(GroundingSeparation.errors(covered, uncovered, 0.4)).isEqualTo(2);
    }

    @Test
    void ties_count_half() {
        assertThat(GroundingSeparation.auc(List.of(0.0), List.of(0.0))).isEqualTo(0.5);
        assertThat(GroundingSeparation.auc(List.of(), List.of(0.0))).isNaN();
    }
}
