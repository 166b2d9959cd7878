package dev.gophersite.common.web;

import dev.gophersite.common.content.PageSummary;

import java.util.List;

import static dev.gophersite.common.http.Html.escape;

/**
 * The HTML frame of every page: header, navigation with the current page marked, main content, the chat widget's
 * opener and footer. The opener is a link to the no-JavaScript {@code /ask} page; the widget script upgrades it.
 * No inline script or style, so the CSP can forbid both.
 */
public final class Layout {
    public static final String SITE_NAME = "gopher-site";

    private Layout() {
    }

    /**
     * @param base      path prefix of the site ({@code ""} or e.g. {@code /prod}), see Requests.basePath
     * @param current   slug of the page shown, or null
     * @param mainHtml  trusted HTML for the main element
     */
    public static String render(String base, List<PageSummary> nav, String current, String title, String description,
                                String mainHtml) {
        return render(base, nav, current, title, description, mainHtml, true);
    }

    /** @param indexable false for pages that do work per visit (answers), which crawlers should not follow */
    public static String render(String base, List<PageSummary> nav, String current, String title, String description,
                                String mainHtml, boolean indexable) {
        StringBuilder html = new StringBuilder(8192 + mainHtml.length());
        String b = escape(base);
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append(indexable ? "" : "<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(title)).append(" · ").append(SITE_NAME).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(escape(description)).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(b).append("/assets/site.css\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(b).append("/assets/widget.css\">\n")
                .append("<script src=\"").append(b).append("/assets/widget.js\" defer></script>\n")
                .append("</head>\n<body data-base=\"").append(b).append("\">\n")
                .append("<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n")
                .append("<header class=\"site-header\"><a class=\"brand\" href=\"").append(b).append("/\">")
                .append("<span class=\"brand-mark\" aria-hidden=\"true\">Go</span> ").append(SITE_NAME).append("</a>")
                .append("<a class=\"ask-open\" id=\"ask-open\" href=\"").append(b).append("/ask\">Ask about Go</a>")
                .append("</header>\n<div class=\"layout\">\n<nav class=\"site-nav\" aria-label=\"Pages\"><ul>\n");
        for (PageSummary page : nav) {
            String href = page.slug().equals("home") ? b + "/" : b + "/" + escape(page.slug());
            html.append("<li><a href=\"").append(href).append('"');
            if (page.slug().equals(current)) {
                html.append(" aria-current=\"page\"");
            }
            html.append('>').append(escape(page.title())).append("</a></li>\n");
        }
        html.append("</ul></nav>\n<main id=\"main\" tabindex=\"-1\">\n").append(mainHtml).append("\n</main>\n</div>\n")
                .append("<footer class=\"site-footer\"><p>Content about the Go language. Answers from the chat are ")
                .append("drawn from these pages and cite them.</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }
}
