package dev.gophersite.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gophersite.local.runtime.ProxyJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Asks Ollama for its models ({@code GET /api/tags}), to tell the developer whether /ask will use a model. */
public final class OllamaProbe {
    private OllamaProbe() {}

    public static String describe(String baseUrl, String model, Duration timeout) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/tags"))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "answered HTTP " + response.statusCode() + " at " + base + "; /ask answers extractively";
            }
            List<String> models = new ArrayList<>();
            for (JsonNode entry : ProxyJson.MAPPER.readTree(response.body()).path("models")) {
                models.add(entry.path("name").asText());
            }
            if (model.isEmpty() || models.contains(model) || models.contains(model + ":latest")) {
                return "answering at " + base + (model.isEmpty() ? "" : " with " + model);
            }
            return "answering at " + base + ", but " + model + " is not pulled (run: ollama pull " + model
                    + "); /ask answers extractively until then";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not checked (interrupted)";
        } catch (Exception e) {
            return "not answering at " + base + "; /ask answers extractively from the pages";
        }
    }
}
