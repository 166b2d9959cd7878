package dev.gophersite.ask.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gophersite.ask.fakes.SmallModelFake;
import dev.gophersite.ask.fakes.TestContent;
import dev.gophersite.ask.grounding.GroundingCheck;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.service.AskService;
import dev.gophersite.common.store.ContentStore;
import dev.gophersite.project.Repo;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answers people get, scored on the answer text: the real-user set's tuning and test halves, the older dev and
 * held-out sets, for each configuration measured (lexical evidence alone; MiniLM and bge-small, each with and without
 * the sections' authored questions, each at the grounding threshold calibrated for it on every set but the test
 * half), without a model as every deployment without one answers, and the shipped configuration with a small
 * model's habits (SmallModelFake), where the model decides and the context it was given is scored too. For each
 * configuration without a model it also reports how far apart the grounding score puts covered and uncovered
 * questions ({@link GroundingSeparation}). Rules were tuned on the tuning half only; the test half is held out.
 * Reports: {@code target/eval/answers.json} and {@code answers.md}.
 */
class AnswerEvaluationTest {
    /** The goals, held on the test half. */
    static final double GOAL_HIT_AT_3 = 0.95;

    static final double GOAL_ANSWER_HAS_FACT = 0.90;
    static final double GOAL_UNCOVERED_REFUSED = 0.90;
    static final int GOAL_MAX_FALSE_REFUSALS = 1;
    static final double GOAL_CONTEXT_RECALL = 0.95;
    /**
     * Where the shipped configuration stands on the goals it does not reach yet (docs/evaluation.md): the test fails
     * if a change falls below these, and they only move up.
     */
    static final double FLOOR_ANSWER_HAS_FACT = 0.85;

    static final double FLOOR_UNCOVERED_REFUSED = 0.77;
    static final int FLOOR_MAX_FALSE_REFUSALS = 4;
    static final int FLOOR_FOLLOW_UPS_ANSWERED = 4;
    /** How well the grounding score orders covered above uncovered questions on the test half (AUC). */
    static final double FLOOR_SEPARATION = 0.95;

    private static final Map<String, List<EvalQuestion>> SETS = new LinkedHashMap<>();
    private static final List<AnswerEvaluator.Report> REPORTS = new ArrayList<>();
    private static final Map<String, Double> CALIBRATED = new LinkedHashMap<>();
    private static final List<GroundingSeparation.Row> SEPARATIONS = new ArrayList<>();
    static final String SHIPPED = "MiniLM + authored questions (shipped)";
    static final String MINILM_NO_QUESTIONS = "MiniLM";
    static final String WITH_MODEL = "shipped, with a small model";
    static final String BGE_SMALL = "bge-small-en-v15-q";
    static final String BGE_WITH_QUESTIONS = "bge-small + authored questions";
    static final double CALIBRATION_FROM = 0.5;
    static final double CALIBRATION_TO = 3.0;
    static final double CALIBRATION_STEP = 0.05;
    /** Everything but the test half: the real-user tuning half and the two older sets. */
    static final List<String> CALIBRATION_SETS = List.of("tune", "dev", "heldout");

    private static Path set(String name) {
        return Repo.root().resolve("functions/ask/src/test/resources/eval/" + name);
    }

    /**
     * One configuration as evaluated: the content (with or without the sections' authored questions), the retrieval
     * and its grounding threshold, and the model, if any.
     */
    private record Config(
            String name,
            ContentStore store,
            RetrievalOptions retrieval,
            GroundingCheck grounding,
            Optional<SmallModelFake> model) {}

    @BeforeAll
    static void evaluate() throws IOException {
        SETS.put("tune", EvalQuestion.load(set("real-tune.jsonl")));
        SETS.put("test", EvalQuestion.load(set("real-test.jsonl")));
        SETS.put("dev", EvalQuestion.load(set("ask-dev.jsonl")));
        SETS.put("heldout", EvalQuestion.load(set("ask-heldout.jsonl")));
        // the test half without the questions that happen to be worded exactly as an authored question
        Set<String> authored = TestContent.pages().stream()
                .flatMap(p -> p.sections().stream())
                .flatMap(s -> s.questions().stream())
                .map(AnswerEvaluationTest::normalised)
                .collect(Collectors.toSet());
        SETS.put(
                "test, not authored",
                SETS.get("test").stream()
                        .filter(q -> !authored.contains(normalised(q.question())))
                        .toList());
        ContentStore withQuestions = TestContent.store();
        ContentStore withoutQuestions = TestContent.storeWithoutAuthoredQuestions();
        // one model and one set of vectors per embedding model, shared by its configurations
        RememberingEmbedder miniLm = new RememberingEmbedder(OnnxEmbedder.miniLm());
        RememberingEmbedder bgeSmall = new RememberingEmbedder(new OnnxEmbedder(
                BGE_SMALL,
                BgeSmallEnV15QuantizedEmbeddingModel::new,
                "Represent this sentence for searching relevant passages: ",
                ""));
        RetrievalOptions withMiniLm = RetrievalOptions.withMeaning(miniLm);
        RetrievalOptions withBge = RetrievalOptions.withMeaning(bgeSmall);
        List<Config> configs = new ArrayList<>();
        configs.add(new Config(
                "lexical",
                withQuestions,
                RetrievalOptions.bm25(),
                GroundingCheck.forModel(Optional.empty()),
                Optional.empty()));
        configs.add(new Config(
                MINILM_NO_QUESTIONS,
                withoutQuestions,
                withMiniLm,
                calibrated(MINILM_NO_QUESTIONS, withoutQuestions, withMiniLm),
                Optional.empty()));
        // the shipped threshold is what the same calibration finds for it; a test below holds them together
        GroundingCheck shipped = calibrated(SHIPPED, withQuestions, withMiniLm);
        configs.add(new Config(SHIPPED, withQuestions, withMiniLm, shipped, Optional.empty()));
        configs.add(new Config(
                "bge-small",
                withoutQuestions,
                withBge,
                calibrated("bge-small", withoutQuestions, withBge),
                Optional.empty()));
        configs.add(new Config(
                BGE_WITH_QUESTIONS,
                withQuestions,
                withBge,
                calibrated(BGE_WITH_QUESTIONS, withQuestions, withBge),
                Optional.empty()));
        // with a model: the gate refuses only what is clearly off the subject, the model decides the rest
        configs.add(new Config(WITH_MODEL, withQuestions, withMiniLm, shipped, Optional.of(new SmallModelFake())));

        Map<String, Object> json = new LinkedHashMap<>();
        StringBuilder table =
                new StringBuilder("| set | configuration | hit@3 | MRR | answer has fact | uncovered refused"
                        + " | false refusals | follow-ups | off-topic follow-ups refused | injections refused | other languages"
                        + " | context recall |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Config config : configs) {
            AskService service = AnswerEvaluator.service(
                    config.store(), config.model().map(m -> m), config.retrieval(), config.grounding());
            for (Map.Entry<String, List<EvalQuestion>> entry : SETS.entrySet()) {
                AnswerEvaluator.Report report =
                        AnswerEvaluator.run(entry.getKey(), config.name(), service, config.model(), entry.getValue());
                REPORTS.add(report);
                System.out.println("[eval] " + report.line());
                Map<String, Object> detail = new LinkedHashMap<>(report.summary());
                detail.put("questions", report.outcomes());
                json.put(entry.getKey() + "/" + config.name(), detail);
                table.append(String.format(
                        "| %s | %s | %.3f | %.3f | %.3f | %.3f | %d | %d/%d | %d/%d | %d/%d | %d/%d | %s |%n",
                        report.set(),
                        report.config(),
                        report.hitAt3(),
                        report.mrr(),
                        report.answerHasFact(),
                        report.uncoveredRefused(),
                        report.falseRefusals(),
                        report.followUpsAnswered(),
                        report.followUps(),
                        report.refuseFollowUpsRefused(),
                        report.refuseFollowUps(),
                        report.injectionsRefused(),
                        report.injections(),
                        report.multilingualAnswered(),
                        report.multilingual(),
                        report.contextRecall()
                                .map(r -> String.format("%.3f", r))
                                .orElse("–")));
            }
        }
        table.append("""

                How far apart the grounding score puts covered and uncovered single-turn questions, whatever the \
                threshold: the share of pairs it orders right (AUC), the fewest errors (false refusals plus uncovered \
                questions answered) any one threshold could make on the set, and the errors at the configuration's own.

                | set | configuration | covered | uncovered | AUC | fewest errors possible | errors at its threshold |
                |---|---|---|---|---|---|---|
                """);
        List<Map<String, Object>> separations = new ArrayList<>();
        for (Config config : configs.stream().filter(c -> c.model().isEmpty()).toList()) {
            GroundingSeparation separation =
                    new GroundingSeparation(config.store(), config.retrieval(), config.grounding());
            for (Map.Entry<String, List<EvalQuestion>> entry : SETS.entrySet()) {
                GroundingSeparation.Row row = separation.measure(entry.getKey(), config.name(), entry.getValue());
                SEPARATIONS.add(row);
                separations.add(Map.of(
                        "set",
                        row.set(),
                        "config",
                        row.config(),
                        "covered",
                        row.covered(),
                        "uncovered",
                        row.uncovered(),
                        "auc",
                        AnswerEvaluator.round(row.auc()),
                        "fewestErrors",
                        row.fewestErrors(),
                        "errorsAtThreshold",
                        row.errorsAtThreshold()));
                table.append(String.format(
                        "| %s | %s | %d | %d | %.3f | %d | %d |%n",
                        row.set(),
                        row.config(),
                        row.covered(),
                        row.uncovered(),
                        row.auc(),
                        row.fewestErrors(),
                        row.errorsAtThreshold()));
            }
        }
        json.put("groundingSeparation", separations);
        Path out = Repo.root().resolve("functions/ask/target/eval");
        Files.createDirectories(out);
        json.put("calibratedThresholds", CALIBRATED);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("answers.json").toFile(), json);
        CALIBRATED.forEach((name, threshold) -> table.append(String.format(
                "%nGrounding threshold for %s, calibrated on the tuning half and the older sets: %.2f%n",
                name, threshold)));
        Files.writeString(out.resolve("answers.md"), table);
    }

    /** Lower case letters and digits: how two wordings of a question are compared for being the same. */
    private static String normalised(String question) {
        return question.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }

    /**
     * The retrieval with the model at the grounding threshold calibrated for it on every set but the test half: of
     * the thresholds tried, those with the fewest errors (false refusals plus uncovered questions answered), and of
     * those the middle of the widest run, away from the edge where one more question flips. Each model's
     * similarities sit in their own range, and the score has another range with authored questions than without, so
     * each configuration is calibrated on its own.
     */
    private static GroundingCheck calibrated(String name, ContentStore store, RetrievalOptions retrieval) {
        double threshold = calibrate(name, store, retrieval);
        CALIBRATED.put(name, threshold);
        return new GroundingCheck(threshold);
    }

    static double calibrate(String name, ContentStore store, RetrievalOptions retrieval) {
        int steps = (int) Math.round((CALIBRATION_TO - CALIBRATION_FROM) / CALIBRATION_STEP);
        int[] errors = new int[steps + 1];
        for (int i = 0; i <= steps; i++) {
            AskService service =
                    AnswerEvaluator.service(store, Optional.empty(), retrieval, new GroundingCheck(threshold(i)));
            for (String set : CALIBRATION_SETS) {
                AnswerEvaluator.Report report = AnswerEvaluator.run(set, name, service, SETS.get(set));
                errors[i] += report.falseRefusals() + report.uncoveredAnswered();
            }
        }
        int fewest = Arrays.stream(errors).min().orElseThrow();
        int bestFrom = 0;
        int bestLength = 0;
        for (int i = 0; i <= steps; i++) {
            int length = 0;
            while (i + length <= steps && errors[i + length] == fewest) {
                length++;
            }
            if (length > bestLength) {
                bestFrom = i;
                bestLength = length;
            }
        }
        double chosen = threshold(bestFrom + (bestLength - 1) / 2);
        System.out.printf(
                "[eval] %s calibrated on %s: threshold %.2f (%d errors from %.2f to %.2f)%n",
                name, CALIBRATION_SETS, chosen, fewest, threshold(bestFrom), threshold(bestFrom + bestLength - 1));
        return chosen;
    }

    private static double threshold(int step) {
        return Math.round((CALIBRATION_FROM + step * CALIBRATION_STEP) * 100) / 100.0;
    }

    private static AnswerEvaluator.Report report(String set, String config) {
        return REPORTS.stream()
                .filter(r -> r.set().equals(set) && r.config().equals(config))
                .findFirst()
                .orElseThrow();
    }

    private static GroundingSeparation.Row separation(String set, String config) {
        return SEPARATIONS.stream()
                .filter(r -> r.set().equals(set) && r.config().equals(config))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_test_half_holds_the_goals_it_reaches_and_the_floors_of_those_it_does_not_yet() {
        // given the shipped configuration, without a model, on questions no rule was tuned on
        AnswerEvaluator.Report test = report("test", SHIPPED);

        // then
        assertThat(test.answerExpected()).isGreaterThanOrEqualTo(40);
        assertThat(test.hitAt3()).as("hit@3, test half").isGreaterThanOrEqualTo(GOAL_HIT_AT_3);
        assertThat(test.injectionsRefused()).as("injections refused").isEqualTo(test.injections());
        assertThat(test.refuseFollowUpsRefused())
                .as("off-topic follow-ups refused")
                .isEqualTo(test.refuseFollowUps());
        assertThat(test.answerHasFact())
                .as("answer has the fact, test half (goal %s)", GOAL_ANSWER_HAS_FACT)
                .isGreaterThanOrEqualTo(FLOOR_ANSWER_HAS_FACT);
        assertThat(test.uncoveredRefused())
                .as("uncovered refused, test half (goal %s)", GOAL_UNCOVERED_REFUSED)
                .isGreaterThanOrEqualTo(FLOOR_UNCOVERED_REFUSED);
        assertThat(test.falseRefusals())
                .as("false refusals, test half (goal %s)", GOAL_MAX_FALSE_REFUSALS)
                .isLessThanOrEqualTo(FLOOR_MAX_FALSE_REFUSALS);
        assertThat(test.followUpsAnswered())
                .as("follow-ups answered, test half (goal all %s)", test.followUps())
                .isGreaterThanOrEqualTo(FLOOR_FOLLOW_UPS_ANSWERED);
        assertThat(separation("test", SHIPPED).auc())
                .as("grounding separation, test half")
                .isGreaterThanOrEqualTo(FLOOR_SEPARATION);
    }

    @Test
    void each_models_grounding_threshold_is_the_one_the_calibration_finds_for_it() {
        assertThat(GroundingCheck.threshold(OnnxEmbedder.miniLm())).isEqualTo(CALIBRATED.get(SHIPPED));
        assertThat(GroundingCheck.threshold(new OnnxEmbedder(BGE_SMALL, () -> null, "", "")))
                .isEqualTo(CALIBRATED.get(BGE_WITH_QUESTIONS));
    }

    @Test
    void with_a_model_the_passages_it_is_given_hold_the_facts_and_off_topic_questions_never_reach_it() {
        // given the shipped configuration with a model that decides from the passages
        AnswerEvaluator.Report test = report("test", WITH_MODEL);

        // then
        assertThat(test.contextRecall())
                .as("context recall, test half")
                .hasValueSatisfying(recall -> assertThat(recall).isGreaterThanOrEqualTo(GOAL_CONTEXT_RECALL));
        assertThat(test.injectionsRefused()).as("injections refused").isEqualTo(test.injections());
        assertThat(test.refuseFollowUpsRefused())
                .as("off-topic follow-ups refused")
                .isEqualTo(test.refuseFollowUps());
    }

    @Test
    void authored_questions_earn_their_place_on_the_tuning_half() {
        // given
        AnswerEvaluator.Report without = report("tune", MINILM_NO_QUESTIONS);
        AnswerEvaluator.Report with = report("tune", SHIPPED);

        // then
        assertThat(with.answerHasFact()).isGreaterThan(without.answerHasFact());
        assertThat(with.falseRefusals() + with.uncoveredAnswered())
                .isLessThan(without.falseRefusals() + without.uncoveredAnswered());
    }

    @Test
    void the_older_dev_set_keeps_its_thresholds() {
        // given
        AnswerEvaluator.Report dev = report("dev", SHIPPED);

        // then: the three off-topic dev questions are refused and the facts are in the top three
        assertThat(dev.hitAt3()).isGreaterThanOrEqualTo(0.9);
        assertThat(dev.outcomes())
                .filteredOn(o -> !o.expectAnswer())
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.mode()).isEqualTo("refused"));
        assertThat(dev.falseRefusals()).isZero();
    }

    @Test
    void meaning_earns_its_place_over_lexical_evidence_on_the_tuning_half() {
        // given
        AnswerEvaluator.Report lexical = report("tune", "lexical");
        AnswerEvaluator.Report meaning = report("tune", SHIPPED);

        // then the shipped configuration is the better one where the choice was made
        assertThat(meaning.answerHasFact()).isGreaterThan(lexical.answerHasFact());
        assertThat(meaning.falseRefusals()).isLessThanOrEqualTo(lexical.falseRefusals());
    }
}
