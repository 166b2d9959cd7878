package dev.gophersite.bench.probe;

import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.handler.AskHandler;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.wiring.AskWiring;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.time.Duration;
import java.util.Locale;

/**
 * One retrieval configuration of the ask function in a fresh JVM, next to its jar (and, for a model the function
 * does not bundle, that model's jar): how long from the probe's start (the JVM already up) until the index has its
 * meaning (runtime and model loaded, every statement embedded; SnapStart priming waits for this before the
 * snapshot), then warm POST /ask latency.
 *
 * <pre>
 * MeaningProbe CONFIG cold QUESTION   init and one POST /ask, then "ready status=…" (as {@link Invoke} cold)
 * MeaningProbe CONFIG N QUESTION      wait for meaning, then N timed POST /ask; one JSON line
 * </pre>
 * CONFIG: lexical | all-minilm-l6-v2-q | minilm-fused | bge-small-en-v15-q | e5-small-v2-q.
 */
public final class MeaningProbe {
    private MeaningProbe() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        String config = args[0];
        boolean cold = args[1].equals("cold");
        int runs = cold ? 0 : Integer.parseInt(args[1]);
        RetrievalOptions retrieval = switch (config) {
            case "lexical" -> RetrievalOptions.bm25();
            case "all-minilm-l6-v2-q" -> RetrievalOptions.withMeaning(OnnxEmbedder.miniLm());
            case "minilm-fused" -> RetrievalOptions.hybrid(OnnxEmbedder.miniLm());
            case "bge-small-en-v15-q" ->
                RetrievalOptions.withMeaning(new OnnxEmbedder(
                        config,
                        BgeSmallEnV15QuantizedEmbeddingModel::new,
                        "Represent this sentence for searching relevant passages: ",
                        ""));
            case "e5-small-v2-q" ->
                RetrievalOptions.withMeaning(
                        new OnnxEmbedder(config, E5SmallV2QuantizedEmbeddingModel::new, "query: ", "passage: "));
            default -> throw new IllegalArgumentException("unknown configuration " + config);
        };
        // the grounding threshold decides which questions are refused, not the work timed here: the bench question
        // is judged at MiniLM's threshold with every model (AnswerEvaluationTest judges each at its own)
        AskWiring wiring = AskWiring.fromEnvironment(
                retrieval, new GroundingCheck(GroundingCheck.threshold(OnnxEmbedder.miniLm())));
        String[] spec = {AskHandler.class.getName(), "POST", "/ask", "/ask", "{\"question\":\"" + args[2] + "\"}"};
        if (cold) {
            Invoke.readyAndHalt(new AskHandler(wiring)
                    .handleRequest(Invoke.event(spec), null)
                    .getStatusCode());
        }
        double indexMs = (System.nanoTime() - start) / 1e6;
        if (!wiring.service().awaitMeaning(Duration.ofMinutes(3))
                && retrieval.embedder().isPresent()) {
            throw new IllegalStateException(config + ": the index has no meaning; the model did not load");
        }
        double meaningMs = (System.nanoTime() - start) / 1e6;
        AskHandler handler = new AskHandler(wiring);
        handler.handleRequest(Invoke.event(spec), null);
        Invoke.Timings timings = Invoke.time(handler, spec, runs);
        System.out.println(String.format(
                Locale.ROOT,
                "{\"config\":\"%s\",\"index_ms\":%.1f,%s" + "\"runs\":%d,\"errors\":%d,\"p50_ms\":%s,\"p99_ms\":%s}",
                config,
                indexMs,
                retrieval.embedder().isPresent()
                        ? String.format(Locale.ROOT, "\"meaning_ready_ms\":%.1f,", meaningMs)
                        : "",
                runs,
                timings.errors(),
                Invoke.ms(timings.sortedNanos(), 0.50),
                Invoke.ms(timings.sortedNanos(), 0.99)));
        System.out.flush();
        Runtime.getRuntime().halt(timings.errors() == 0 ? 0 : 1);
    }
}
