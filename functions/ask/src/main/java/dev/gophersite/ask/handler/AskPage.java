package dev.gophersite.ask.handler;

import dev.gophersite.ask.record.Answer;
import dev.gophersite.ask.record.Source;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.http.Html;
import dev.gophersite.common.web.Layout;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /ask}: the chat without JavaScript. A plain form in the site's layout, and the answer when the form
 * was submitted ({@code ?q=}). Every piece of text is escaped; citations [n] become links to their sources.
 */
final class AskPage {
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,2})]");

    private AskPage() {}

    static String render(String base, List<PageSummary> nav, String question, Answer answer, String error) {
        StringBuilder main = new StringBuilder(4096)
                .append("<article class=\"page ask-page\">\n<h1>Ask about Go</h1>\n")
                .append("<p class=\"lead\">Answers come from this site's pages only, with links to the sections ")
                .append("they are drawn from.</p>\n")
                .append("<form class=\"ask-form\" method=\"get\" action=\"")
                .append(Html.escape(base))
                .append("/ask\">")
                .append("<label for=\"q\">Your question</label>")
                .append("<textarea id=\"q\" name=\"q\" rows=\"3\" maxlength=\"")
                .append(AskRequestReader.MAX_QUESTION_CHARS)
                .append("\" required>")
                .append(Html.escape(question))
                .append("</textarea>")
                .append("<button type=\"submit\">Ask</button></form>\n");
        if (error != null) {
            main.append("<p class=\"ask-error\" role=\"alert\">")
                    .append(Html.escape(error))
                    .append("</p>\n");
        }
        if (answer != null) {
            main.append("<section class=\"ask-answer\" aria-labelledby=\"answer-title\">")
                    .append("<h2 id=\"answer-title\">Answer</h2>\n");
            String badge = switch (answer.mode()) {
                case EXTRACTIVE -> "Answered from the pages without the AI model";
                case REFUSED -> "Not covered by this site";
                default -> null;
            };
            if (badge != null) {
                main.append("<p class=\"ask-badge\">").append(badge).append("</p>\n");
            }
            boolean inList = false;
            for (String line : answer.answer().split("\n+")) {
                String text = line.strip();
                boolean item = text.startsWith("- ") || text.startsWith("* ");
                if (item != inList) {
                    main.append(item ? "<ul>\n" : "</ul>\n");
                    inList = item;
                }
                if (!text.isEmpty()) {
                    String html = citationsToLinks(
                            Html.escape(item ? text.substring(2).strip() : text), base, answer.sources());
                    main.append(item ? "<li>" : "<p>").append(html).append(item ? "</li>\n" : "</p>\n");
                }
            }
            if (inList) {
                main.append("</ul>\n");
            }
            if (!answer.sources().isEmpty()) {
                main.append("<h3>Sources</h3>\n<ol class=\"ask-sources\">\n");
                for (Source s : answer.sources()) {
                    main.append("<li><a href=\"")
                            .append(Html.escape(base + s.url()))
                            .append("\">")
                            .append(Html.escape(s.title()))
                            .append(" — ")
                            .append(Html.escape(s.section()))
                            .append("</a></li>\n");
                }
                main.append("</ol>\n");
            }
            main.append("</section>\n");
        }
        main.append("</article>");
        return Layout.render(
                base,
                nav,
                null,
                "Ask about Go",
                "Ask a question about Go; answers cite this site's pages.",
                main.toString(),
                false);
    }

    private static String citationsToLinks(String escaped, String base, List<Source> sources) {
        Matcher m = CITATION.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String replacement = n >= 1 && n <= sources.size()
                    ? "<a href=\"" + Html.escape(base + sources.get(n - 1).url()) + "\">[" + n + "]</a>"
                    : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
