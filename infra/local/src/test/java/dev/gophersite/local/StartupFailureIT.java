package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.local.template.TemplateException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A template the dev server cannot serve stops it at start, with a message naming the function and the problem. */
class StartupFailureIT {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing-class.yaml  | GhostFunction: handler class dev.gophersite.local.testfn.NoSuchHandler is not in",
                "missing-method.yaml | WrongMethodFunction: dev.gophersite.local.testfn.TestHandler has no public method serve(",
                "missing-jar.yaml    | UnbuiltFunction: CodeUri ",
                "bad-handler.yaml    | BrokenFunction: Handler 'dev.gophersite.local.testfn.TestHandler handleRequest' is not",
                "unknown-event.yaml  | TypoFunction.Events.Root: unknown event Type 'Apii'",
            })
    void start_fails_naming_the_function_and_the_problem(String template, String message) {
        // given
        Path path = TestSites.workspace(dir, template);

        // when / then
        assertThatThrownBy(() -> LocalSite.start(TestSites.settings(path, Map.of(), 1)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining(message);
    }
}
