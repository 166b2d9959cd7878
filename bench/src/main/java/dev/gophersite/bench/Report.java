package dev.gophersite.bench;

import java.util.List;
import java.util.Map;

/** latest.md: the same numbers as latest.json, as tables a person reads. */
final class Report {
    private Report() {}

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        Map<String, Object> conditions = (Map<String, Object>) results.get("conditions");
        conditions.forEach(
                (k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        Map<String, Object> hello = (Map<String, Object>) results.get("jvm_hello_ms");
        md.append("\n## Cold start (ms, median / p90)\n\n")
                .append("Empty JVM (`jvm_hello_ms`, flags `")
                .append(hello.get("flags"))
                .append("`): **")
                .append(hello.get("median"))
                .append("** / ")
                .append(hello.get("p90"))
                .append(" (default flags: ")
                .append(hello.get("default_flags_median"))
                .append("). ")
                .append("Empty JVM that also sets up TLS, as any HTTPS client such as the SDK's must: ")
                .append(hello.get("tls_floor_median"))
                .append(" (")
                .append(hello.get("tls_floor_note"))
                .append(")\n\n")
                .append(
                        "| function | naive | lambda_c1 | tuned_flags | shipped | shipped / hello | naive / shipped |\n")
                .append("|---|---|---|---|---|---|---|\n");
        Map<String, Object> cold = (Map<String, Object>) results.get("cold");
        double helloMs = Targets.number(hello.get("median"));
        cold.forEach((name, value) -> {
            Map<String, Object> fn = (Map<String, Object>) value;
            md.append("| ").append(name);
            for (String config : new String[] {"naive", "lambda_c1", "tuned_flags", "shipped"}) {
                Map<String, Object> c = (Map<String, Object>) fn.get(config);
                md.append(" | ").append(c.get("median")).append(" / ").append(c.get("p90"));
            }
            double shipped = Targets.number(((Map<String, Object>) fn.get("shipped")).get("median"));
            double naive = Targets.number(((Map<String, Object>) fn.get("naive")).get("median"));
            md.append(" | ")
                    .append(Stats.fmt(shipped / helloMs))
                    .append("× | ")
                    .append(Stats.fmt(naive / shipped))
                    .append("× |\n");
        });
        md.append(
                "\nConfigs: `naive` = default JVM flags, SDK default provider chains; `lambda_c1` = `-XX:TieredStopAtLevel=1`, "
                        + "what Lambda's java25 runtime applies without SnapStart; `tuned_flags` = C1 + SerialGC + no perf data; "
                        + "`shipped` = tuned flags + an AOT cache trained on one invocation (the container-image path; "
                        + "zip deployments use SnapStart instead).\n");
        cold.forEach((name, value) -> {
            Map<String, Object> fn = (Map<String, Object>) value;
            md.append("- ")
                    .append(name)
                    .append(": event `")
                    .append(fn.get("event"))
                    .append("`, AOT cache ")
                    .append(fn.get("aot_cache_mb"))
                    .append(" MB, trained in ")
                    .append(fn.get("aot_training_ms"))
                    .append(" ms\n");
        });
        Map<String, Object> sdk = (Map<String, Object>) results.get("sdk_startup_phases_ms");
        md.append("\nWhere the SDK's start-up goes (ms, ")
                .append(sdk.get("note"))
                .append("): HTTP client with TLS setup ")
                .append(sdk.get("http_client_with_tls_ms"))
                .append(", DynamoDB client ")
                .append(sdk.get("dynamodb_client_ms"))
                .append(", first GetItem ")
                .append(sdk.get("first_get_item_ms"))
                .append(", second GetItem ")
                .append(sdk.get("second_get_item_ms"))
                .append(".\n");
        md.append("\n## Warm, in-process (ms; one JVM, shipped flags, after one untimed call)\n\n")
                .append("| route | runs | p50 | p99 | errors |\n|---|---|---|---|---|\n");
        ((Map<String, Object>) results.get("warm_in_process")).forEach((route, value) -> {
            Map<String, Object> w = (Map<String, Object>) value;
            md.append("| ")
                    .append(route)
                    .append(" | ")
                    .append(w.get("runs"))
                    .append(" | ")
                    .append(w.get("p50_ms"))
                    .append(" | ")
                    .append(w.get("p99_ms"))
                    .append(" | ")
                    .append(w.get("errors"))
                    .append(" |\n");
        });
        Map<String, Object> retrieval = (Map<String, Object>) results.get("retrieval_configs");
        if (retrieval != null) {
            double tls = Targets.number(hello.get("tls_floor_median"));
            md.append("\n## Retrieval configurations of /ask (ms; MB)\n\n")
                    .append(
                            "| configuration | cold, lambda_c1 | cold, shipped | shipped / TLS floor | meaning ready | warm p50 "
                                    + "| warm p99 | ask jar | model jar |\n|---|---|---|---|---|---|---|---|---|\n");
            retrieval.forEach((config, value) -> {
                if (value instanceof Map<?, ?> r) {
                    md.append("| ")
                            .append(config)
                            .append(" | ")
                            .append(r.get("cold_lambda_c1_median"))
                            .append(" | ")
                            .append(r.get("cold_shipped_median"))
                            .append(" | ")
                            .append(Stats.fmt(Targets.number(r.get("cold_shipped_median")) / tls))
                            .append("× | ")
                            .append(r.containsKey("meaning_ready_ms") ? r.get("meaning_ready_ms") : "–")
                            .append(" | ")
                            .append(r.get("p50_ms"))
                            .append(" | ")
                            .append(r.get("p99_ms"))
                            .append(" | ")
                            .append(r.get("ask_jar_mb"))
                            .append(" | ")
                            .append(r.get("model_jar_mb"))
                            .append(" |\n");
                }
            });
            md.append("\n").append(retrieval.get("note")).append(".\n");
        }
        Map<String, Object> placement = (Map<String, Object>) results.get("vector_placement");
        if (placement != null) {
            Map<String, Object> loader = (Map<String, Object>) placement.get("loader");
            md.append("\n## Statement vectors: computed at index build or stored by the loader (ms)\n\n")
                    .append("The loader's share: ")
                    .append(loader.get("statements"))
                    .append(" statements embedded in ")
                    .append(loader.get("embed_ms"))
                    .append(" ms, ")
                    .append(loader.get("bytes"))
                    .append(" bytes in ")
                    .append(loader.get("items"))
                    .append(" items written in ")
                    .append(loader.get("write_ms"))
                    .append(" ms, read back exactly: ")
                    .append(loader.get("read_back_exact"))
                    .append(".\n\n")
                    .append(
                            "| cold function | index | model load | vectors | meaning ready |\n|---|---|---|---|---|\n");
            for (String path : List.of("computed_at_index_build", "stored_by_loader")) {
                Map<String, Object> p = (Map<String, Object>) placement.get(path);
                md.append("| ")
                        .append(path)
                        .append(" | ")
                        .append(p.get("index_ms_median"))
                        .append(" | ")
                        .append(p.get("model_load_ms_median"))
                        .append(" | ")
                        .append(p.get("vectors_ms_median"))
                        .append(" | ")
                        .append(p.get("meaning_ready_ms_median"))
                        .append(" |\n");
            }
            md.append("\n").append(placement.get("note")).append(".\n");
        }
        Map<String, Object> dev = (Map<String, Object>) results.get("dev_server");
        md.append("\n## Dev server\n\n");
        if (dev.containsKey("skipped")) {
            md.append("Skipped: ").append(dev.get("skipped")).append('\n');
        } else {
            md.append("Time to ready: ")
                    .append(dev.get("time_to_ready_ms"))
                    .append(" ms (")
                    .append(dev.get("time_to_ready_note"))
                    .append("). RSS ")
                    .append(dev.get("rss_mib_before"))
                    .append(" MiB before load, ")
                    .append(dev.get("rss_mib_after"))
                    .append(" MiB after. Each route gets 3 s of unmeasured load first: ")
                    .append("execution environments are created on demand, as on Lambda, and their cold starts are ")
                    .append("measured above.\n\n")
                    .append("| route (wrk, ")
                    .append(dev.get("connections"))
                    .append(" connections) | s | requests | req/s | p50 | p90 | p99 | errors |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            ((Map<String, Object>) dev.get("wrk")).forEach((route, value) -> {
                Map<String, Object> w = (Map<String, Object>) value;
                md.append("| ")
                        .append(route)
                        .append(" | ")
                        .append(w.get("seconds"))
                        .append(" | ")
                        .append(w.get("requests"))
                        .append(" | ")
                        .append(w.get("requests_per_s"))
                        .append(" | ")
                        .append(w.get("p50_ms"))
                        .append(" | ")
                        .append(w.get("p90_ms"))
                        .append(" | ")
                        .append(w.get("p99_ms"))
                        .append(" | ")
                        .append(w.get("errors"))
                        .append(" |\n");
            });
        }
        md.append("\n## Jar sizes (MB)\n\n");
        ((Map<String, Object>) results.get("jar_mb"))
                .forEach((k, v) ->
                        md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Targets\n\n| target | value | limit | met |\n|---|---|---|---|\n");
        ((Map<String, Object>) results.get("targets")).forEach((k, v) -> {
            Map<String, Object> t = (Map<String, Object>) v;
            md.append("| ")
                    .append(k)
                    .append(" | ")
                    .append(t.get("value"))
                    .append(" | ")
                    .append(t.get("target"))
                    .append(" | ")
                    .append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**")
                    .append(" |\n");
        });
        Map<String, Object> replay = (Map<String, Object>) results.get("edge_replay");
        if (replay != null) {
            md.append("\n## Edge replay (a month of page views through the emulated distribution)\n\n");
            ((Map<String, Object>) replay.get("conditions"))
                    .forEach((k, v) ->
                            md.append("- ").append(k).append(": ").append(v).append('\n'));
            md.append("\n| scenario | edge requests | hit ratio | origin requests | origin requests per 1,000 views"
                    + " | bytes per view (gzip) |\n|---|---|---|---|---|---|\n");
            ((Map<String, Object>) replay.get("scenarios")).forEach((name, value) -> {
                Map<String, Object> s = (Map<String, Object>) value;
                md.append("| ")
                        .append(name)
                        .append(" | ")
                        .append(s.get("edge_requests"))
                        .append(" | ")
                        .append(s.get("hit_ratio"))
                        .append(" | ")
                        .append(s.get("origin_requests"))
                        .append(" | ")
                        .append(s.get("origin_requests_per_1000_views"))
                        .append(" | ")
                        .append(s.get("bytes_per_view"))
                        .append(" (")
                        .append(s.get("gzip_bytes_per_view"))
                        .append(") |\n");
            });
        }
        Map<String, Object> prompt = (Map<String, Object>) results.get("ask_prompt");
        if (prompt != null) {
            md.append("\n## /ask prompt sizes (the evaluation questions through the shipped pipeline)\n\n");
            prompt.forEach(
                    (k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        return md.toString();
    }
}
