package dev.gophersite.ask.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static Page page(Section... sections) {
        return new Page("essentials", "Essentials", "summary", 1, List.of(sections), "", "h", "");
    }

    @Test
    void keeps_a_short_section_as_one_passage_with_its_heading_and_anchor() {
        // given
        Page page = page(new Section("defer", "defer", "<p>x</p>", "Runs at function return."));

        // when
        List<Passage> passages = new Chunker().chunk(List.of(page));

        // then
        assertThat(passages).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("essentials#defer");
            assertThat(p.url()).isEqualTo("/essentials#defer");
            assertThat(p.text()).isEqualTo("defer\nRuns at function return.");
        });
    }

    @Test
    void splits_a_long_section_at_line_breaks_into_parts_sharing_the_section_anchor() {
        // given
        String text = IntStream.range(0, 12)
                .mapToObj(i -> "Line " + i + " " + "word ".repeat(15).strip())
                .collect(Collectors.joining("\n"));
        Page page = page(new Section("long", "Long", "", text));

        // when
        List<Passage> passages = new Chunker(300).chunk(List.of(page));

        // then
        assertThat(passages).hasSizeGreaterThan(1);
        assertThat(passages).allSatisfy(p -> {
            assertThat(p.body().length()).isLessThanOrEqualTo(300 + 300 / 4);
            assertThat(p.url()).isEqualTo("/essentials#long");
        });
        assertThat(passages)
                .extracting(Passage::id)
                .doesNotHaveDuplicates()
                .startsWith("essentials#long", "essentials#long~1");
        assertThat(passages.stream().map(Passage::body).collect(Collectors.joining("\n")))
                .isEqualTo(text);
    }

    @Test
    void turns_each_table_row_into_a_passage_under_the_header_row() {
        // given
        String table = "| Go| Java\nStartup time| milliseconds| seconds\nGenerics| since 2022| since 2004";
        Page page = page(new Section("table", "Comparison table", "", "Intro line.\n" + table));

        // when
        List<Passage> passages = new Chunker().chunk(List.of(page));

        // then
        assertThat(passages)
                .extracting(Passage::body)
                .containsExactly(
                        "Intro line.",
                        "| Go| Java\nStartup time| milliseconds| seconds",
                        "| Go| Java\nGenerics| since 2022| since 2004");
    }
}
