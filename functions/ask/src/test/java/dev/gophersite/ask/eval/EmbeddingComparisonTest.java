package dev.gophersite.ask.eval;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.retrieval.RetrievalOptions;
import dev.gophersite.ask.retrieval.SearchIndex;
import dev.gophersite.common.content.Page;
import dev.gophersite.dynalite.Repo;
import dev.gophersite.loader.ContentParser;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures whether in-process embeddings, fused with BM25 by reciprocal rank, beat BM25 alone, and what they cost
 * (model load, embedding every chunk at index build, jar size). Writes {@code target/eval/embedding-comparison.json}.
 * The shipped function uses BM25 alone; see the report for why.
 */
class EmbeddingComparisonTest {
    /** BGE's recommended instruction for queries (passages are embedded without it). */
    static final String BGE_QUERY_PREFIX = "Represent this sentence for searching relevant passages: ";

    @Test
    void bm25_alone_and_with_each_embedding_model_are_measured_and_reported() throws IOException {
        // given
        List<Page> pages = new ContentParser().parseDirectory(Repo.root().resolve("content"));
        Map<String, List<EvalQuestion>> sets = new LinkedHashMap<>();
        if (Files.exists(RetrievalEvaluationTest.devSet())) {
            sets.put("dev", EvalQuestion.load(RetrievalEvaluationTest.devSet()));
        } else {
            System.out.println("[eval] dev set not found at " + RetrievalEvaluationTest.devSet() + "; held-out only");
        }
        sets.put("heldout", EvalQuestion.load(RetrievalEvaluationTest.heldOutSet()));
        List<Map<String, Object>> configs = new ArrayList<>();

        // when
        configs.add(measure("bm25", pages, sets, null, "", Set.of()));
        configs.add(measure("bm25+all-minilm-l6-v2-q", pages, sets, AllMiniLmL6V2QuantizedEmbeddingModel::new, "",
                Set.of(AllMiniLmL6V2QuantizedEmbeddingModel.class)));
        configs.add(measure("bm25+bge-small-en-v15-q", pages, sets, BgeSmallEnV15QuantizedEmbeddingModel::new,
                BGE_QUERY_PREFIX, Set.of(BgeSmallEnV15QuantizedEmbeddingModel.class)));

        // then
        Path out = RetrievalEvaluationTest.outputDir().resolve("embedding-comparison.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), Map.of("configs", configs));
        assertThat(out).exists();
    }

    private static Map<String, Object> measure(String name, List<Page> pages, Map<String, List<EvalQuestion>> sets,
                                               Supplier<EmbeddingModel> modelFactory, String queryPrefix,
                                               Set<Class<?>> modelClasses) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("config", name);
        RetrievalOptions options = RetrievalOptions.bm25();
        AtomicLong embedMillis = new AtomicLong();
        if (modelFactory != null) {
            long start = System.nanoTime();
            EmbeddingModel model = modelFactory.get();
            model.embed("warm up");
            result.put("modelLoadMs", (System.nanoTime() - start) / 1_000_000);
            options = options.withExtraRetriever(EmbeddingRetrievers.factory(model, queryPrefix, embedMillis));
        }
        long build = System.nanoTime();
        SearchIndex index = SearchIndex.build("eval", pages, options);
        result.put("indexBuildMs", (System.nanoTime() - build) / 1_000_000);
        result.put("passages", index.passages().size());
        if (modelFactory != null) {
            result.put("embedAllChunksMs", embedMillis.get());
            Set<Class<?>> jars = new LinkedHashSet<>(List.of(OrtEnvironment.class, HuggingFaceTokenizer.class,
                    ai.djl.util.Utils.class, OnnxBertBiEncoder.class, InMemoryEmbeddingStore.class));
            jars.addAll(modelClasses);
            result.put("addedJarMb", Math.round(jarBytes(jars) / 1e5) / 10.0);
        }
        for (Map.Entry<String, List<EvalQuestion>> set : sets.entrySet()) {
            RetrievalEvaluator.Report report = RetrievalEvaluator.run(set.getKey(), name, index, new GroundingCheck(),
                    set.getValue());
            System.out.println("[eval] " + report.line());
            result.put(set.getKey(), report.summary());
        }
        System.out.println("[eval] " + name + " costs " + result.entrySet().stream()
                .filter(e -> e.getKey().endsWith("Ms") || e.getKey().endsWith("Mb")).toList());
        return result;
    }

    /** Size of the jars holding these classes: what the shaded function jar would grow by (compressed). */
    private static long jarBytes(Set<Class<?>> classes) {
        Set<Path> jars = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            try {
                jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        long total = 0;
        for (Path jar : jars) {
            try {
                total += Files.size(jar);
            } catch (IOException e) {
                throw new IllegalStateException("cannot size " + jar, e);
            }
        }
        return total;
    }
}
