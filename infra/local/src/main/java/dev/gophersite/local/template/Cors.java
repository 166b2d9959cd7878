package dev.gophersite.local.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API's {@code Cors} setting, with the single quotes API Gateway needs already removed. API Gateway answers
 * the preflight itself (a mock integration SAM adds), so the functions never see OPTIONS.
 */
public record Cors(
        boolean enabled,
        String allowOrigin,
        String allowMethods,
        String allowHeaders,
        String maxAge,
        boolean allowCredentials) {
    public static final Cors NONE = new Cors(false, "", "", "", "", false);

    /** Preflight headers; {@code methodsOfPath} is SAM's default when AllowMethods is not set. */
    public Map<String, String> preflightHeaders(String methodsOfPath) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", allowOrigin);
        headers.put("Access-Control-Allow-Methods", allowMethods.isEmpty() ? methodsOfPath : allowMethods);
        if (!allowHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", allowHeaders);
        }
        if (!maxAge.isEmpty()) {
            headers.put("Access-Control-Max-Age", maxAge);
        }
        if (allowCredentials) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        return headers;
    }
}
