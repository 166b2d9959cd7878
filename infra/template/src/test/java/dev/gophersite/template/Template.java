package dev.gophersite.template;

import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** template.yaml for the checks, with helpers to reach into functions, events and policies. */
final class Template {
    static final SamTemplate SAM = SamTemplate.load(Repo.root().resolve("template.yaml"));

    private Template() {}

    static Map<String, Map<String, Object>> functions() {
        return SAM.resourcesOfType("AWS::Serverless::Function");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> apiEvents(Map<String, Object> function) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        Map<String, Object> events =
                (Map<String, Object>) SamTemplate.properties(function).getOrDefault("Events", Map.of());
        events.forEach((name, event) -> {
            Map<String, Object> e = (Map<String, Object>) event;
            if ("Api".equals(e.get("Type"))) {
                result.put(name, (Map<String, Object>) e.get("Properties"));
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<Object> policies(Map<String, Object> function) {
        return (List<Object>) SamTemplate.properties(function).getOrDefault("Policies", List.of());
    }

    static Object global(String... path) {
        Object node = SAM.root().get("Globals");
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }
}
