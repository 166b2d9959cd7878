package dev.gophersite.ask.handler;

import dev.gophersite.ask.answer.Answer;
import dev.gophersite.ask.answer.Source;
import dev.gophersite.common.http.Html;

/**
 * {@code GET /ask}: a plain form that works without JavaScript, and the answer when the form was submitted
 * ({@code ?q=}). Every piece of text is escaped; the answer's Markdown is shown as text.
 */
final class AskPage {
    private AskPage() {
    }

    static String form(String question, Answer answer, String error) {
        StringBuilder html = new StringBuilder(2048)
                .append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Ask about Go</title></head><body><main>")
                .append("<h1>Ask about Go</h1>")
                .append("<form method=\"get\" action=\"ask\"><label for=\"q\">Question</label> ")
                .append("<input id=\"q\" name=\"q\" maxlength=\"").append(AskRequestReader.MAX_QUESTION_CHARS)
                .append("\" required value=\"").append(Html.escape(question)).append("\"> ")
                .append("<button type=\"submit\">Ask</button></form>");
        if (error != null) {
            html.append("<p role=\"alert\">").append(Html.escape(error)).append("</p>");
        }
        if (answer != null) {
            html.append("<section aria-label=\"Answer\"><h2>Answer</h2>");
            for (String paragraph : answer.answer().split("\n")) {
                if (!paragraph.isBlank()) {
                    html.append("<p>").append(Html.escape(paragraph)).append("</p>");
                }
            }
            if (!answer.sources().isEmpty()) {
                html.append("<h2>Sources</h2><ol>");
                for (Source s : answer.sources()) {
                    html.append("<li><a href=\"").append(Html.escape(s.url().substring(1))).append("\">")
                            .append(Html.escape(s.title())).append(" — ").append(Html.escape(s.section()))
                            .append("</a></li>");
                }
                html.append("</ol>");
            }
            html.append("</section>");
        }
        return html.append("</main></body></html>\n").toString();
    }
}
