package dev.gophersite.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The targets, checked against this run's own numbers. */
final class Targets {
    private Targets() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> check(Map<String, Object> results) {
        Map<String, Object> targets = new LinkedHashMap<>();
        double hello = number(((Map<String, Object>) results.get("jvm_hello_ms")).get("median"));
        Map<String, Object> cold = (Map<String, Object>) results.get("cold");
        for (Map.Entry<String, Double> limit : Map.of("pages", 4.0, "ask", 6.0).entrySet()) {
            Map<String, Object> fn = (Map<String, Object>) cold.get(limit.getKey());
            double shipped = number(((Map<String, Object>) fn.get("shipped")).get("median"));
            double naive = number(((Map<String, Object>) fn.get("naive")).get("median"));
            targets.put(limit.getKey() + "_cold_over_hello", target(shipped / hello, limit.getValue(), true));
            targets.put(limit.getKey() + "_naive_over_shipped", target(naive / shipped, 2.0, false));
        }
        Map<String, Object> dev = (Map<String, Object>) results.get("dev_server");
        if (dev.get("wrk") instanceof Map<?, ?> wrk && wrk.get("GET /api/pages/{slug}") instanceof Map<?, ?> page) {
            targets.put("dev_server_page_p99_ms", target(number(page.get("p99_ms")), 10.0, true));
            targets.put("dev_server_page_errors", target(number(page.get("errors")), 0.0, true));
        }
        double jar = number(((Map<String, Object>) results.get("jar_mb")).get("pages"));
        targets.put("pages_jar_mb", target(jar, 15.0, true));
        return targets;
    }

    private static Map<String, Object> target(double value, double limit, boolean atMost) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("value", Math.round(value * 100) / 100.0);
        t.put("target", (atMost ? "<= " : ">= ") + limit);
        t.put("met", atMost ? value <= limit : value >= limit);
        return t;
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
