package dev.gophersite.local.template;

import java.util.Map;

/**
 * An event's {@code RequestModel} with {@code ValidateBody: true}: API Gateway checks JSON bodies against the
 * model's schema and answers {@code invalidStatus}/{@code invalidBody} (the API's BAD_REQUEST_BODY gateway
 * response) without invoking the function.
 */
public record RequestModel(
        String name, Map<String, Object> schema, boolean required, int invalidStatus, String invalidBody) {
    /** API Gateway's answer when the API does not customize BAD_REQUEST_BODY. */
    static final String DEFAULT_INVALID_BODY = "{\"message\": \"Invalid request body\"}";
}
