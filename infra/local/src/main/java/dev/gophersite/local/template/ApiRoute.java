package dev.gophersite.local.template;

import java.util.Optional;

/** One {@code Type: Api} event: {@code method} is upper case or {@code ANY}; {@code path} as written in the template. */
public record ApiRoute(
        String functionId,
        String eventName,
        String method,
        String path,
        Cors cors,
        Optional<RequestModel> requestModel) {}
