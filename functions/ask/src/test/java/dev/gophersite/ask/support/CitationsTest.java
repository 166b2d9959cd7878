package dev.gophersite.ask.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CitationsTest {

    @Test
    void keeps_citations_of_passages_that_were_given() {
        // when
        Citations.Checked checked = Citations.check("Goroutines start small [1]. Channels connect them [2].", 3);

        // then
        assertThat(checked.text()).isEqualTo("Goroutines start small [1]. Channels connect them [2].");
        assertThat(checked.cited()).containsExactly(1, 2);
    }

    @Test
    void removes_citations_out_of_range_with_the_blank_before_them() {
        // when
        Citations.Checked checked = Citations.check("Go is fast [7]. It is simple [0] [2].", 3);

        // then
        assertThat(checked.text()).isEqualTo("Go is fast. It is simple [2].");
        assertThat(checked.cited()).containsExactly(2);
    }

    @Test
    void keeps_only_valid_numbers_of_a_citation_list() {
        // when
        Citations.Checked checked = Citations.check("Both say so [1, 9; 3].", 3);

        // then
        assertThat(checked.text()).isEqualTo("Both say so [1, 3].");
        assertThat(checked.cited()).containsExactly(1, 3);
    }

    @Test
    void reports_an_answer_without_any_valid_citation() {
        // when
        Citations.Checked checked = Citations.check("I don't know from this site's pages.", 3);

        // then
        assertThat(checked.citesAnything()).isFalse();
    }

    @Test
    void leaves_code_and_punctuation_alone() {
        // when
        Citations.Checked checked = Citations.check("Write `x := 1` and `a[0]` [1].", 1);

        // then
        assertThat(checked.text()).isEqualTo("Write `x := 1` and `a[0]` [1].");
        assertThat(checked.cited()).containsExactly(1);
    }

    @Test
    void recognises_a_citation_written_without_a_blank() {
        // when
        Citations.Checked checked = Citations.check("Go compiles fast[1].", 2);

        // then
        assertThat(checked.cited()).containsExactly(1);
    }
}
