package dev.gophersite.common.web;

import static dev.gophersite.common.http.Html.escape;

import dev.gophersite.common.content.PageSummary;
import java.util.List;

/**
 * The HTML frame of every page: header with the brand, the site search and the chat widget's opener, navigation
 * with the current page marked, main content and footer. The search is a plain form to {@code /search}, which
 * {@code search.js} upgrades to results as you type; the opener is a link to the no-JavaScript {@code /ask} page,
 * which the widget script upgrades. No inline script or style, so the CSP can forbid both. Stylesheets and scripts
 * are linked by their content-hashed names ({@link AssetNames}).
 */
public final class Layout {
    public static final String SITE_NAME = "Go:goroutine";
    /** The id of the header's search field, for pages that point to it. */
    public static final String SEARCH_INPUT_ID = "site-search-q";

    private static final int SEARCH_MAX_CHARS = 200;
    private static final String SITE_CSS = "/assets/" + AssetNames.hashed("site.css");
    private static final String WIDGET_CSS = "/assets/" + AssetNames.hashed("widget.css");
    private static final String SEARCH_JS = "/assets/" + AssetNames.hashed("search.js");
    private static final String WIDGET_JS = "/assets/" + AssetNames.hashed("widget.js");

    private Layout() {}

    /**
     * @param base      path prefix of the site ({@code ""} or e.g. {@code /prod}), see Requests.basePath
     * @param current   slug of the page shown, or null
     * @param mainHtml  trusted HTML for the main element
     */
    public static String render(
            String base, List<PageSummary> nav, String current, String title, String description, String mainHtml) {
        return render(base, nav, current, title, description, mainHtml, true);
    }

    /** @param indexable false for pages that do work per visit (answers), which crawlers should not follow */
    public static String render(
            String base,
            List<PageSummary> nav,
            String current,
            String title,
            String description,
            String mainHtml,
            boolean indexable) {
        StringBuilder html = new StringBuilder(8192 + mainHtml.length());
        String b = escape(base);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append(indexable ? "" : "<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>")
                .append(escape(title))
                .append(" · ")
                .append(SITE_NAME)
                .append("</title>\n")
                .append("<meta name=\"description\" content=\"")
                .append(escape(description))
                .append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(b)
                .append(SITE_CSS)
                .append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"")
                .append(b)
                .append(WIDGET_CSS)
                .append("\">\n")
                .append("<script src=\"")
                .append(b)
                .append(SEARCH_JS)
                .append("\" defer></script>\n")
                .append("<script src=\"")
                .append(b)
                .append(WIDGET_JS)
                .append("\" defer></script>\n")
                .append("</head>\n<body data-base=\"")
                .append(b)
                .append("\">\n")
                .append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
                .append("<header class=\"site-header\">\n<div class=\"header-bar\">\n")
                .append("<a class=\"brand\" href=\"")
                .append(b)
                .append("/\">")
                .append("<span class=\"brand-go\">Go</span><span class=\"brand-rest\">:goroutine</span></a>\n")
                .append("<form class=\"site-search\" role=\"search\" aria-label=\"Site\" method=\"get\" action=\"")
                .append(b)
                .append("/search\">\n<label class=\"visually-hidden\" for=\"")
                .append(SEARCH_INPUT_ID)
                .append("\">Search the site</label>\n<input id=\"")
                .append(SEARCH_INPUT_ID)
                .append("\" class=\"search-input\" type=\"search\" name=\"q\" maxlength=\"")
                .append(SEARCH_MAX_CHARS)
                .append("\" placeholder=\"Search the site\" autocomplete=\"off\" spellcheck=\"false\">\n")
                .append(
                        "<button class=\"search-submit\" type=\"submit\"><svg viewBox=\"0 0 24 24\" aria-hidden=\"true\" ")
                .append(
                        "focusable=\"false\"><circle cx=\"10.5\" cy=\"10.5\" r=\"6.5\"/><path d=\"M15.5 15.5 21 21\"/></svg>")
                .append("<span class=\"visually-hidden\">Search</span></button>\n</form>\n")
                .append("<a class=\"ask-open\" id=\"ask-open\" href=\"")
                .append(b)
                .append("/ask\">Ask about Go</a>\n")
                .append("</div>\n<nav class=\"site-nav\" aria-label=\"Pages\"><ul>\n");
        for (PageSummary page : nav) {
            String href = page.slug().equals("home") ? b + "/" : b + "/" + escape(page.slug());
            html.append("<li><a href=\"").append(href).append('"');
            if (page.slug().equals(current)) {
                html.append(" aria-current=\"page\"");
            }
            html.append('>').append(escape(page.navLabel())).append("</a></li>\n");
        }
        html.append("</ul></nav>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n")
                .append(mainHtml)
                .append("\n</main>\n")
                .append("<footer class=\"site-footer\"><p>")
                .append(SITE_NAME)
                .append(" · content about the Go language. ")
                .append("Answers from the chat are drawn from these pages and cite them.</p></footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }
}
