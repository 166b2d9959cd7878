package dev.gophersite.ask.handler;

import dev.gophersite.ask.record.SearchResults;
import dev.gophersite.ask.record.Source;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.http.Html;
import dev.gophersite.common.web.Layout;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /search}: the site search without JavaScript, in the site's layout. A form, and for {@code ?q=} the
 * ranked sections with their page, each linking to {@code /slug#section}. Every piece of text is escaped.
 */
final class SearchPage {
    static final int SNIPPET_CHARS = 220;

    private SearchPage() {}

    /**
     * @param results null when nothing was searched for
     * @param error   why the query was refused, or null
     */
    static String render(String base, List<PageSummary> nav, String query, SearchResults results, String error) {
        String b = Html.escape(base);
        StringBuilder main = new StringBuilder(4096)
                .append("<article class=\"page search-page\">\n<h1>Search</h1>\n")
                .append("<p class=\"lead\">Find the section of the site that covers a topic.</p>\n")
                .append(
                        "<form class=\"search-form\" role=\"search\" aria-label=\"Search again\" method=\"get\" action=\"")
                .append(b)
                .append("/search\">")
                .append("<label for=\"search-page-q\">Search the site</label>")
                .append("<input id=\"search-page-q\" type=\"search\" name=\"q\" maxlength=\"")
                .append(AskRequestReader.MAX_SEARCH_QUERY_CHARS)
                .append("\" value=\"")
                .append(Html.escape(query))
                .append("\" required>")
                .append("<button type=\"submit\">Search</button></form>\n");
        if (error != null) {
            main.append("<p class=\"search-error\" role=\"alert\">")
                    .append(Html.escape(error))
                    .append("</p>\n");
        }
        if (results != null) {
            List<Source> hits = distinctSections(results.results());
            main.append("<section class=\"search-results-page\" aria-labelledby=\"results-title\">")
                    .append("<h2 id=\"results-title\">");
            if (hits.isEmpty()) {
                main.append("No results for “")
                        .append(Html.escape(results.query()))
                        .append("”</h2>\n")
                        .append("<p>Try other words, or <a href=\"")
                        .append(b)
                        .append("/ask?q=")
                        .append(Html.escape(URLEncoder.encode(results.query(), StandardCharsets.UTF_8)))
                        .append("\">ask about it</a>.</p>\n");
            } else {
                main.append(hits.size())
                        .append(hits.size() == 1 ? " result" : " results")
                        .append(" for “")
                        .append(Html.escape(results.query()))
                        .append("”</h2>\n<ol class=\"search-list\">\n");
                for (Source hit : hits) {
                    main.append("<li><span class=\"search-hit-page\">")
                            .append(Html.escape(hit.title()))
                            .append("</span>")
                            .append("<a href=\"")
                            .append(Html.escape(base + hit.url()))
                            .append("\">")
                            .append(Html.escape(hit.section()))
                            .append("</a>")
                            .append("<p>")
                            .append(Html.escape(snippet(hit)))
                            .append("</p></li>\n");
                }
                main.append("</ol>\n");
            }
            main.append("</section>\n");
        }
        main.append("</article>");
        String title = results == null ? "Search" : "Search: " + results.query();
        return Layout.render(
                base, nav, null, title, "Search the pages of this site about the Go language.", main.toString(), false);
    }

    /** The best passage of each section; a long section can rank with several parts. */
    private static List<Source> distinctSections(List<Source> sources) {
        Set<String> seen = new HashSet<>();
        List<Source> distinct = new ArrayList<>();
        for (Source source : sources) {
            if (seen.add(source.url())) {
                distinct.add(source);
            }
        }
        return distinct;
    }

    /** The passage without its heading line, on one line, cut at a word. */
    static String snippet(Source hit) {
        String text = hit.text();
        int newline = text.indexOf('\n');
        if (newline > 0
                && text.substring(0, newline).strip().equals(hit.section().strip())) {
            text = text.substring(newline + 1);
        }
        text = text.replaceAll("\\s+", " ").strip();
        if (text.length() <= SNIPPET_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_CHARS);
        return text.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
    }
}
