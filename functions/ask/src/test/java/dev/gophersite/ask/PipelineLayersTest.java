package dev.gophersite.ask;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The /ask code is laid out as a question travels: the index of a site version and the model client first, then
 * reading the question, retrieving, grounding, answering, checking the answer's support and recording it; the
 * service runs the stages, handlers and wiring sit on top. Each stage may use only what comes before it, so a new
 * arrow backwards, or a cycle, fails here with the classes named.
 */
class PipelineLayersTest {
    private static final JavaClasses ASK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gophersite.ask");

    @Test
    void each_stage_uses_only_the_stages_before_it() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("index")
                .definedBy("dev.gophersite.ask.index..")
                .layer("model")
                .definedBy("dev.gophersite.ask.model..")
                .layer("question")
                .definedBy("dev.gophersite.ask.question..")
                .layer("retrieval")
                .definedBy("dev.gophersite.ask.retrieval..")
                .layer("grounding")
                .definedBy("dev.gophersite.ask.grounding..")
                .layer("answering")
                .definedBy("dev.gophersite.ask.answering..")
                .layer("support")
                .definedBy("dev.gophersite.ask.support..")
                .layer("record")
                .definedBy("dev.gophersite.ask.record..")
                .layer("metrics")
                .definedBy("dev.gophersite.ask.metrics..")
                .layer("service")
                .definedBy("dev.gophersite.ask.service..")
                .layer("wiring")
                .definedBy("dev.gophersite.ask.wiring..")
                .layer("handler")
                .definedBy("dev.gophersite.ask.handler..")
                .whereLayer("index")
                .mayOnlyBeAccessedByLayers(
                        "question",
                        "retrieval",
                        "grounding",
                        "answering",
                        "support",
                        "record",
                        "service",
                        "wiring",
                        "handler")
                .whereLayer("model")
                .mayOnlyBeAccessedByLayers("answering", "service", "wiring", "handler")
                .whereLayer("question")
                .mayOnlyBeAccessedByLayers(
                        "retrieval", "grounding", "answering", "record", "service", "wiring", "handler")
                .whereLayer("retrieval")
                .mayOnlyBeAccessedByLayers(
                        "grounding", "answering", "support", "record", "service", "wiring", "handler")
                .whereLayer("grounding")
                .mayOnlyBeAccessedByLayers("answering", "service", "wiring", "handler")
                .whereLayer("answering")
                .mayOnlyBeAccessedByLayers("service", "wiring", "handler")
                .whereLayer("support")
                .mayOnlyBeAccessedByLayers("service", "wiring", "handler")
                .whereLayer("record")
                .mayOnlyBeAccessedByLayers("metrics", "service", "wiring", "handler")
                .whereLayer("metrics")
                .mayOnlyBeAccessedByLayers("wiring", "handler")
                .whereLayer("service")
                .mayOnlyBeAccessedByLayers("wiring", "handler")
                .whereLayer("wiring")
                .mayOnlyBeAccessedByLayers("handler")
                .whereLayer("handler")
                .mayNotBeAccessedByAnyLayer()
                .check(ASK);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching("dev.gophersite.ask.(*)..").should().beFreeOfCycles().check(ASK);
    }
}
