package dev.gophersite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a million page views and a hundred thousand questions cost, with and without the edge, from the measured
 * figures in {@code bench/results/latest.json} (request mix, hit ratio and bytes from the edge replay; function
 * durations from the warm runs; prompt sizes from the evaluation questions), the dated list prices in
 * {@code bench/prices.json}, and the memory each function has in template.yaml. {@code bench/run cost} writes the
 * tables into docs/cost.md and the README between their markers; {@code CostModelTest} checks they are current.
 */
final class CostModel {
    static final String SCENARIO = "1M views/month, 10 locations";
    static final long VIEWS = 1_000_000;
    static final long QUESTIONS = 100_000;
    static final String DOCS_BEGIN = "<!-- cost:begin (bench/run cost writes this table) -->";
    static final String DOCS_END = "<!-- cost:end -->";
    static final String README_BEGIN = "<!-- cost-summary:begin (bench/run cost writes this table) -->";
    static final String README_END = "<!-- cost-summary:end -->";
    private static final double GB = 1e9;

    private final JsonNode latest;
    private final JsonNode prices;
    private final int siteMemoryMb;
    private final int askMemoryMb;

    CostModel(JsonNode latest, JsonNode prices, SamTemplate template) {
        this.latest = latest;
        this.prices = prices;
        Object globalMemory = template.section("Globals", "Function").get("MemorySize");
        this.siteMemoryMb = memory(template, "SiteFunction", globalMemory);
        this.askMemoryMb = memory(template, "AskFunction", globalMemory);
    }

    static CostModel load(Path root) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return new CostModel(
                json.readTree(root.resolve("bench/results/latest.json").toFile()),
                json.readTree(root.resolve("bench/prices.json").toFile()),
                SamTemplate.load(root.resolve("template.yaml")));
    }

    public static void main(String[] args) throws IOException {
        Path root = Repo.root();
        CostModel model = load(root);
        replace(root.resolve("docs/cost.md"), DOCS_BEGIN, DOCS_END, model.detail());
        replace(root.resolve("README.md"), README_BEGIN, README_END, model.summary());
        System.out.println(model.detail());
    }

    /** Line items, in USD. */
    Map<String, Double> pages(boolean edge) {
        JsonNode replay = latest.path("edge_replay").path("scenarios").path(SCENARIO);
        double requestsPerView = replay.path("edge_requests_per_view").asDouble();
        double originRequests = edge
                ? replay.path("origin_requests_per_1000_views").asDouble() * VIEWS / 1000
                : requestsPerView * VIEWS;
        double gigabytes = replay.path("gzip_bytes_per_view").asDouble() * VIEWS / GB;
        double billedSeconds = billedMillis(latest.path("warm_in_process")
                        .path("GET /essentials")
                        .path("p50_ms")
                        .asDouble())
                / 1000.0;
        Map<String, Double> lines = new LinkedHashMap<>();
        if (edge) {
            lines.put(
                    "CloudFront requests",
                    requestsPerView * VIEWS / 10_000 * price("cloudfront_per_10k_https_requests"));
            lines.put("CloudFront data out", gigabytes * price("cloudfront_data_transfer_out_per_gb"));
        }
        lines.put("API Gateway requests", originRequests / 1e6 * price("api_gateway_rest_per_million_requests"));
        lines.put("Lambda requests", originRequests / 1e6 * price("lambda_per_million_requests"));
        lines.put(
                "Lambda GB-s",
                originRequests * billedSeconds * siteMemoryMb / 1024.0 * price("lambda_per_gb_second_x86"));
        lines.put(
                "DynamoDB reads",
                originRequests
                        * assumption("dynamodb_reads_per_page_request")
                        / 1e6
                        * price("dynamodb_on_demand_per_million_read_units"));
        if (!edge) {
            lines.put("API Gateway data out", gigabytes * price("api_gateway_data_transfer_out_per_gb"));
        }
        return lines;
    }

    /** Line items for {@link #QUESTIONS} questions, in USD; with the edge, each also passes through it. */
    Map<String, Double> questions(boolean edge) {
        JsonNode prompt = latest.path("ask_prompt");
        double calls = prompt.path("model_calls_per_question").asDouble() * QUESTIONS;
        double inputTokens = calls * prompt.path("prompt_tokens_mean_estimate").asDouble();
        double outputTokens = calls * prompt.path("answer_tokens_max").asDouble();
        double computeSeconds = billedMillis(latest.path("warm_in_process")
                        .path("POST /ask (extractive)")
                        .path("p50_ms")
                        .asDouble())
                / 1000.0;
        double modelShare = calls / QUESTIONS;
        double seconds = computeSeconds + modelShare * assumption("model_latency_seconds");
        Map<String, Double> lines = new LinkedHashMap<>();
        if (edge) {
            lines.put("CloudFront requests", QUESTIONS / 10_000.0 * price("cloudfront_per_10k_https_requests"));
        }
        lines.put("API Gateway requests", QUESTIONS / 1e6 * price("api_gateway_rest_per_million_requests"));
        lines.put("Lambda requests", QUESTIONS / 1e6 * price("lambda_per_million_requests"));
        lines.put("Lambda GB-s", QUESTIONS * seconds * askMemoryMb / 1024.0 * price("lambda_per_gb_second_x86"));
        lines.put(
                "DynamoDB reads",
                QUESTIONS
                        * assumption("dynamodb_reads_per_question")
                        / 1e6
                        * price("dynamodb_on_demand_per_million_read_units"));
        lines.put(
                "DynamoDB writes",
                QUESTIONS
                        * assumption("dynamodb_writes_per_question")
                        / 1e6
                        * price("dynamodb_on_demand_per_million_write_units"));
        lines.put("Bedrock input tokens", inputTokens / 1e6 * price("bedrock_nova_micro_per_million_input_tokens"));
        lines.put("Bedrock output tokens", outputTokens / 1e6 * price("bedrock_nova_micro_per_million_output_tokens"));
        return lines;
    }

    /** The README's table: totals only. */
    String summary() {
        JsonNode replay = latest.path("edge_replay").path("scenarios").path(SCENARIO);
        return "| | per 1M page views | per 100k questions |\n|---|---|---|\n"
                + "| without the edge | " + usd(total(pages(false))) + " | " + usd(total(questions(false))) + " |\n"
                + "| with the edge (hit ratio "
                + percent(replay.path("hit_ratio").asDouble()) + ", "
                + whole(replay.path("origin_requests_per_1000_views").asDouble())
                + " origin requests per 1,000 views) | "
                + usd(total(pages(true))) + " | " + usd(total(questions(true))) + " |\n";
    }

    /** docs/cost.md's tables: every line, and what each figure came from. */
    String detail() {
        StringBuilder md = new StringBuilder();
        md.append("Prices read ")
                .append(prices.path("read").asText())
                .append(" (")
                .append(prices.path("region").asText())
                .append("); measurements from bench/results/latest.json (")
                .append(latest.path("conditions").path("date").asText())
                .append(" for the function timings).\n\n");
        md.append("| per 1M page views | without the edge | with the edge |\n|---|---|---|\n");
        table(md, pages(false), pages(true));
        md.append("\n| per 100k questions | without the edge | with the edge |\n|---|---|---|\n");
        table(md, questions(false), questions(true));
        JsonNode replay = latest.path("edge_replay").path("scenarios").path(SCENARIO);
        JsonNode prompt = latest.path("ask_prompt");
        md.append("\nInputs: ")
                .append(replay.path("edge_requests_per_view").asDouble())
                .append(" requests per view, ")
                .append(replay.path("gzip_bytes_per_view").asLong())
                .append(" bytes per view compressed, hit ratio ")
                .append(percent(replay.path("hit_ratio").asDouble()))
                .append(" and ")
                .append(whole(replay.path("origin_requests_per_1000_views").asDouble()))
                .append(" origin requests per 1,000 views (edge replay, ")
                .append(SCENARIO)
                .append("); ")
                .append(billedMillis(latest.path("warm_in_process")
                        .path("GET /essentials")
                        .path("p50_ms")
                        .asDouble()))
                .append(" ms billed per page request at ")
                .append(siteMemoryMb)
                .append(" MB; ")
                .append(prompt.path("model_calls_per_question").asDouble())
                .append(" model calls per question of ")
                .append(prompt.path("prompt_tokens_mean_estimate").asDouble())
                .append(" input tokens (estimated) and at most ")
                .append(prompt.path("answer_tokens_max").asInt())
                .append(" output tokens, at ")
                .append(askMemoryMb)
                .append(" MB for ")
                .append(billedMillis(latest.path("warm_in_process")
                        .path("POST /ask (extractive)")
                        .path("p50_ms")
                        .asDouble()))
                .append(" ms plus ")
                .append(assumption("model_latency_seconds"))
                .append(" s of model latency (assumed).\n");
        return md.toString();
    }

    private static void table(StringBuilder md, Map<String, Double> without, Map<String, Double> with) {
        Map<String, Double[]> rows = new LinkedHashMap<>();
        with.forEach((line, usd) -> rows.put(line, new Double[] {without.get(line), usd}));
        without.forEach((line, usd) -> rows.putIfAbsent(line, new Double[] {usd, null}));
        rows.forEach((line, pair) -> md.append("| ")
                .append(line)
                .append(" | ")
                .append(pair[0] == null ? "–" : usd(pair[0]))
                .append(" | ")
                .append(pair[1] == null ? "–" : usd(pair[1]))
                .append(" |\n"));
        md.append("| **total** | **")
                .append(usd(total(without)))
                .append("** | **")
                .append(usd(total(with)))
                .append("** |\n");
    }

    /** Lambda bills each invocation in whole milliseconds, at least one. */
    static long billedMillis(double measured) {
        return Math.max(1, (long) Math.ceil(measured));
    }

    private double price(String key) {
        JsonNode price = prices.path("prices").path(key).path("usd");
        if (price.isMissingNode()) {
            throw new IllegalStateException("bench/prices.json has no " + key);
        }
        return price.asDouble();
    }

    private double assumption(String key) {
        return prices.path("assumptions").path(key).path("value").asDouble();
    }

    private static double total(Map<String, Double> lines) {
        return lines.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static String usd(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "$%.2f", value) : String.format(Locale.ROOT, "$%.3f", value);
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static int memory(SamTemplate template, String function, Object global) {
        Object own = SamTemplate.properties(template.resources().get(function)).get("MemorySize");
        return Integer.parseInt(String.valueOf(own != null ? own : global));
    }

    /** Replaces the text between two markers of a file, keeping the markers. */
    static void replace(Path file, String begin, String end, String text) throws IOException {
        String current = Files.readString(file);
        int from = current.indexOf(begin);
        int to = current.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " has no " + begin + " … " + end + " markers");
        }
        Files.writeString(file, current.substring(0, from + begin.length()) + "\n" + text + current.substring(to));
    }

    /** The text between two markers of a file. */
    static String between(Path file, String begin, String end) throws IOException {
        String current = Files.readString(file);
        int from = current.indexOf(begin);
        int to = current.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(file + " has no " + begin + " … " + end + " markers");
        }
        return current.substring(from + begin.length() + 1, to);
    }
}
