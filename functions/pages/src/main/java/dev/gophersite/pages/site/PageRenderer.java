package dev.gophersite.pages.site;

import static dev.gophersite.common.http.Html.escape;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Presentation.Role;
import dev.gophersite.common.content.Presentation.SectionLook;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.web.Layout;
import dev.gophersite.common.web.Links;

/**
 * Server-rendered pages. Section HTML is trusted (rendered from content/ at load time, raw HTML escaped there); the
 * page's presentation (its layout, badges, which sections are cards or timeline entries) was declared in the
 * content and checked by the loader, and only chooses the markup around the sections here.
 */
public final class PageRenderer {
    private PageRenderer() {}

    public static String page(String base, SiteIndex index, Page page) {
        Presentation look = page.presentation();
        StringBuilder main = new StringBuilder(8192);
        main.append("<article class=\"page page-").append(look.layout().wire()).append("\">\n");
        if (look.layout() == Presentation.Layout.HERO) {
            hero(main, base, page);
        } else {
            eyebrow(main, look);
            main.append("<h1>")
                    .append(escape(page.title()))
                    .append("</h1>\n")
                    .append("<p class=\"lead\">")
                    .append(escape(page.summary()))
                    .append("</p>\n");
        }
        boolean toc = look.layout() != Presentation.Layout.HERO && look.layout() != Presentation.Layout.TIMELINE;
        Role open = null;
        for (Section section : page.sections()) {
            SectionLook sectionLook = look.look(section.id());
            boolean intro = section.id().equals("intro");
            if (look.layout() == Presentation.Layout.HERO && (intro || sectionLook.role() == Role.HERO)) {
                continue;
            }
            Role role = intro ? Role.PLAIN : sectionLook.role() == Role.WIDE_CARD ? Role.CARD : sectionLook.role();
            if (!intro && toc) {
                // after the introduction, before the first headed section
                close(main, open);
                open = null;
                toc(main, page);
                toc = false;
            }
            if (role != open) {
                close(main, open);
                open(main, role);
                open = role;
            }
            switch (role) {
                case CARD -> {
                    main.append("<section id=\"")
                            .append(escape(section.id()))
                            .append("\" class=\"")
                            .append(sectionLook.role() == Role.WIDE_CARD ? "card card-wide" : "card")
                            .append("\">\n");
                    heading(main, section);
                    badge(main, sectionLook);
                }
                case ENTRY -> {
                    main.append("<li class=\"entry\"><section id=\"")
                            .append(escape(section.id()))
                            .append("\">\n");
                    main.append("<h2><a class=\"anchor\" href=\"#")
                            .append(escape(section.id()))
                            .append("\">")
                            .append("<time datetime=\"")
                            .append(escape(sectionLook.date()))
                            .append("\">")
                            .append(escape(sectionLook.date().replace('-', '\u00b7')))
                            .append("</time> ")
                            .append("<span class=\"entry-title\">")
                            .append(escape(sectionLook.label()))
                            .append("</span></a></h2>\n");
                    badge(main, sectionLook);
                }
                default -> {
                    main.append("<section id=\"").append(escape(section.id())).append("\">\n");
                    if (!intro) {
                        heading(main, section);
                        badge(main, sectionLook);
                    }
                }
            }
            main.append(Links.rebase(section.html(), base))
                    .append("\n</section>")
                    .append(role == Role.ENTRY ? "</li>\n" : "\n");
        }
        close(main, open);
        main.append("<p class=\"updated\">Updated <time datetime=\"")
                .append(escape(page.updatedAt()))
                .append("\">")
                .append(escape(
                        page.updatedAt().length() >= 10 ? page.updatedAt().substring(0, 10) : page.updatedAt()))
                .append("</time></p>\n</article>");
        return Layout.render(base, index.pages(), page.slug(), page.title(), page.summary(), main.toString());
    }

    /** The title, the introduction and the sections marked as part of the hero, without the table of contents. */
    private static void hero(StringBuilder main, String base, Page page) {
        Presentation look = page.presentation();
        main.append("<div class=\"hero\">\n");
        eyebrow(main, look);
        main.append("<h1>").append(escape(page.title())).append("</h1>\n");
        for (Section section : page.sections()) {
            SectionLook sectionLook = look.look(section.id());
            if (section.id().equals("intro")) {
                main.append("<section id=\"intro\" class=\"hero-intro\">\n");
            } else if (sectionLook.role() == Role.HERO) {
                main.append("<section id=\"").append(escape(section.id())).append("\" class=\"hero-part\">\n");
                heading(main, section);
                badge(main, sectionLook);
            } else {
                continue;
            }
            main.append(Links.rebase(section.html(), base)).append("\n</section>\n");
        }
        main.append("</div>\n");
    }

    private static void toc(StringBuilder main, Page page) {
        long headed =
                page.sections().stream().filter(s -> !s.id().equals("intro")).count();
        if (headed < 2) {
            return;
        }
        main.append("<nav class=\"toc\" aria-label=\"On this page\"><h2 class=\"toc-title\">On this page</h2><ol>\n");
        for (Section section : page.sections()) {
            if (!section.id().equals("intro")) {
                main.append("<li><a href=\"#")
                        .append(escape(section.id()))
                        .append("\">")
                        .append(escape(section.heading()))
                        .append("</a></li>\n");
            }
        }
        main.append("</ol></nav>\n");
    }

    /** "History : Timeline": the page's short name and its code-style badge, above the title. */
    private static void eyebrow(StringBuilder main, Presentation look) {
        if (!look.badge().isEmpty()) {
            main.append("<p class=\"eyebrow\">")
                    .append(escape(look.navLabel()))
                    .append(" : <code class=\"badge\">")
                    .append(escape(look.badge()))
                    .append("</code></p>\n");
        }
    }

    private static void badge(StringBuilder main, SectionLook look) {
        if (!look.badge().isEmpty()) {
            main.append("<p class=\"section-badge\"><code class=\"badge\">")
                    .append(escape(look.badge()))
                    .append("</code></p>\n");
        }
    }

    private static void heading(StringBuilder main, Section section) {
        main.append("<h2><a class=\"anchor\" href=\"#")
                .append(escape(section.id()))
                .append("\">")
                .append(escape(section.heading()))
                .append("</a></h2>\n");
    }

    private static void open(StringBuilder main, Role role) {
        switch (role) {
            case CARD -> main.append("<div class=\"cards\">\n");
            case ENTRY -> main.append("<ol class=\"timeline\">\n");
            default -> {}
        }
    }

    private static void close(StringBuilder main, Role role) {
        if (role == Role.CARD) {
            main.append("</div>\n");
        } else if (role == Role.ENTRY) {
            main.append("</ol>\n");
        }
    }

    public static String notFound(String base, SiteIndex index) {
        String main = "<article class=\"page\"><h1>Page not found</h1>"
                + "<p class=\"lead\">There is no page at this address. The pages of the site are listed in the "
                + "navigation; the chat can also point you to the right one.</p></article>";
        return Layout.render(base, index.pages(), null, "Page not found", "Page not found", main);
    }

    /**
     * A plain error page, standing alone: it is what the site answers when the store (and so the navigation) may
     * be unavailable. {@code code} is for machines and stays out of the page.
     */
    public static APIGatewayProxyResponseEvent error(int status, String code, String message) {
        String title = switch (status) {
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 503 -> "Temporarily unavailable";
            default -> "Something went wrong";
        };
        String body = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><main><h1>" + title + "</h1><p>" + escape(message)
                + (status == 503 ? " Please reload in a few seconds." : "") + "</p></main></body></html>";
        return Responses.noStore(Responses.html(status, body));
    }
}
