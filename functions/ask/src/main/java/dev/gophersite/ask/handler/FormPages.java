package dev.gophersite.ask.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.http.Parsed;
import dev.gophersite.common.http.Requests;
import dev.gophersite.common.http.Responses;
import dev.gophersite.common.store.ContentStore;
import java.util.List;
import java.util.function.Function;

/** The pages that work without JavaScript, {@code GET /ask} and {@code GET /search}: a form over {@code q}. */
final class FormPages {
    private FormPages() {}

    /** How a form page renders: the form alone, with what {@code q} gave, or with why it was refused. */
    interface FormView<R> {
        String render(String base, List<PageSummary> nav, String query, R result, String error);
    }

    /** Empty without {@code q}, the result for a valid one, the reason for a refusal. */
    static <R> APIGatewayProxyResponseEvent render(
            APIGatewayProxyRequestEvent event,
            ContentStore store,
            int maxChars,
            FormView<R> view,
            Function<String, R> result) {
        String base = Requests.basePath(event);
        List<PageSummary> nav = store.index().pages();
        String q = Requests.queryParameter(event, "q");
        if (q == null || q.isBlank()) {
            return Responses.noStore(Responses.html(200, view.render(base, nav, "", null, null)));
        }
        return switch (AskRequestReader.query(event, maxChars)) {
            case Parsed.Invalid<String> invalid ->
                Responses.noStore(
                        Responses.html(invalid.status(), view.render(base, nav, "", null, invalid.message())));
            case Parsed.Valid<String>(String query) ->
                Responses.noStore(Responses.html(200, view.render(base, nav, query, result.apply(query), null)));
        };
    }
}
