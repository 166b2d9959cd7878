package dev.gophersite.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.common.content.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentParserTest {
    private final ContentParser parser = new ContentParser();

    private static final String VALID = """
            ---
            slug: sample
            title: Sample page
            summary: A page for tests.
            order: 2
            ---
            Lead paragraph with `code`.

            ## First part

            Text of the first part.

            ### A detail

            More text.

            ## Second part

            ```go
            func main() {}
            ```
            """;

    @Test
    void splits_page_into_intro_and_one_section_per_h2() {
        // when
        ParsedPage page = parser.parse(Path.of("sample.md"), VALID);

        // then
        assertThat(page.slug()).isEqualTo("sample");
        assertThat(page.title()).isEqualTo("Sample page");
        assertThat(page.order()).isEqualTo(2);
        assertThat(page.sections()).extracting(Section::id).containsExactly("intro", "first-part", "second-part");
        assertThat(page.sections())
                .extracting(Section::heading)
                .containsExactly("Sample page", "First part", "Second part");
        assertThat(page.sections().get(1).html()).contains("<h3 id=\"a-detail\">A detail</h3>");
        assertThat(page.sections().get(2).html()).contains("<code class=\"language-go\">func main() {}");
        assertThat(page.sections().get(2).text()).contains("func main() {}");
    }

    @Test
    void renders_tables_and_escapes_raw_html() {
        // given
        String source =
                VALID + "\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n";

        // when
        ParsedPage page = parser.parse(Path.of("sample.md"), source);
        String html = page.sections().get(2).html();

        // then
        assertThat(html).contains("<table>").contains("<td>1</td>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(html).doesNotContain("javascript:");
    }

    @Test
    void headings_with_code_keep_their_words_without_quotes() {
        // when
        ParsedPage page = parser.parse(Path.of("s.md"), VALID.replace("## First part", "## The `defer` statement"));

        // then
        assertThat(page.sections().get(1).heading()).isEqualTo("The defer statement");
        assertThat(page.sections().get(1).id()).isEqualTo("the-defer-statement");
    }

    @Test
    void hash_changes_with_content_and_not_otherwise() {
        // when
        String first = parser.parse(Path.of("a.md"), VALID).hash();
        String again = parser.parse(Path.of("b.md"), VALID).hash();
        String edited = parser.parse(Path.of("a.md"), VALID.replace("More text.", "Other text."))
                .hash();

        // then
        assertThat(again).isEqualTo(first);
        assertThat(edited).isNotEqualTo(first);
    }

    @Test
    void missing_title_names_file_and_line() {
        // given
        String source = VALID.replace("title: Sample page\n", "");

        // then
        assertThatThrownBy(() -> parser.parse(Path.of("content/sample.md"), source))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("content/sample.md:1")
                .hasMessageContaining("lacks 'title'");
    }

    @Test
    void bad_front_matter_yaml_reports_its_line() {
        // given
        String source = VALID.replace("order: 2", "order: [2");

        // then
        assertThatThrownBy(() -> parser.parse(Path.of("sample.md"), source))
                .isInstanceOf(ContentException.class)
                .satisfies(e -> assertThat(((ContentException) e).line()).isBetween(5, 7))
                .hasMessageContaining("bad front matter");
    }

    @Test
    void rejects_unknown_keys_bad_slugs_non_numeric_order_and_missing_front_matter() {
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), VALID.replace("order: 2", "order: 2\nauthor: x")))
                .hasMessageContaining("s.md:6")
                .hasMessageContaining("unknown front matter key 'author'");
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), VALID.replace("slug: sample", "slug: ../etc")))
                .hasMessageContaining("s.md:2")
                .hasMessageContaining("slug");
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), VALID.replace("order: 2", "order: first")))
                .hasMessageContaining("s.md:5")
                .hasMessageContaining("order must be a whole number");
        assertThatThrownBy(() -> parser.parse(Path.of("s.md"), "# Just markdown\n"))
                .hasMessageContaining("s.md:1")
                .hasMessageContaining("front matter missing");
    }

    @Test
    void duplicate_slug_names_both_files(@TempDir Path dir) throws IOException {
        // given
        Files.writeString(dir.resolve("a.md"), VALID);
        Files.writeString(dir.resolve("b.md"), VALID.replace("order: 2", "order: 3"));

        // then
        assertThatThrownBy(() -> parser.parseDirectory(dir))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("b.md:2")
                .hasMessageContaining("duplicate slug 'sample'")
                .hasMessageContaining("a.md");
    }

    @Test
    void parses_the_real_content_directory_in_order() {
        // when
        List<ParsedPage> pages = parser.parseDirectory(TestPaths.content());

        // then
        assertThat(pages)
                .extracting(ParsedPage::slug)
                .containsExactly(
                        "home", "what-is-go", "history", "essentials", "why-go", "who-uses-go", "compare", "future");
        assertThat(pages).allSatisfy(p -> assertThat(p.sections()).isNotEmpty());
        assertThat(pages.stream().filter(p -> p.slug().equals("compare")).findFirst().orElseThrow().sections().stream()
                        .map(Section::html))
                .anyMatch(html -> html.contains("<table>"));
    }
}
