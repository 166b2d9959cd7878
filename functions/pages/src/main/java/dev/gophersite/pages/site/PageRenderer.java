package dev.gophersite.pages.site;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.web.Layout;

import static dev.gophersite.common.http.Html.escape;

/** Server-rendered pages. Section HTML is trusted (rendered from content/ at load time, raw HTML escaped there). */
public final class PageRenderer {
    private PageRenderer() {
    }

    public static String page(String base, SiteIndex index, Page page) {
        StringBuilder main = new StringBuilder(4096);
        main.append("<article class=\"page\">\n<h1>").append(escape(page.title())).append("</h1>\n")
                .append("<p class=\"lead\">").append(escape(page.summary())).append("</p>\n");
        long headed = page.sections().stream().filter(s -> !s.id().equals("intro")).count();
        if (headed >= 2) {
            main.append("<nav class=\"toc\" aria-label=\"On this page\"><h2 class=\"toc-title\">On this page</h2><ol>\n");
            for (Section section : page.sections()) {
                if (!section.id().equals("intro")) {
                    main.append("<li><a href=\"#").append(escape(section.id())).append("\">")
                            .append(escape(section.heading())).append("</a></li>\n");
                }
            }
            main.append("</ol></nav>\n");
        }
        for (Section section : page.sections()) {
            main.append("<section id=\"").append(escape(section.id())).append("\">\n");
            if (!section.id().equals("intro")) {
                main.append("<h2><a class=\"anchor\" href=\"#").append(escape(section.id())).append("\">")
                        .append(escape(section.heading())).append("</a></h2>\n");
            }
            main.append(section.html()).append("\n</section>\n");
        }
        main.append("<p class=\"updated\">Updated <time datetime=\"").append(escape(page.updatedAt())).append("\">")
                .append(escape(page.updatedAt().length() >= 10 ? page.updatedAt().substring(0, 10) : page.updatedAt()))
                .append("</time></p>\n</article>");
        return Layout.render(base, index.pages(), page.slug(), page.title(), page.summary(), main.toString());
    }

    public static String notFound(String base, SiteIndex index) {
        String main = "<article class=\"page\"><h1>Page not found</h1>"
                + "<p class=\"lead\">There is no page at this address. The pages of the site are listed in the "
                + "navigation; the chat can also point you to the right one.</p></article>";
        return Layout.render(base, index.pages(), null, "Page not found", "Page not found", main);
    }

    public static String unavailable() {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Temporarily unavailable</title>"
                + "</head><body><h1>Temporarily unavailable</h1><p>The site's content store is busy. "
                + "Please reload in a few seconds.</p></body></html>";
    }
}
