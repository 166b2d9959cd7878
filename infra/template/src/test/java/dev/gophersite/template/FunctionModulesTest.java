package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The modules that use the functions' built jars (the dev server's ITs, the template's handler checks) must come
 * after every function module in the reactor, which Maven only guarantees through a dependency. A function added
 * to template.yaml without those entries would be tested against a missing or stale jar; this says what to add.
 */
class FunctionModulesTest {
    private static final Pattern CODE_URI = Pattern.compile("(.+)/target/function\\.jar");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final List<String> JAR_USERS = List.of("infra/local/pom.xml", "infra/template/pom.xml");

    @Test
    void every_module_whose_jar_the_template_names_is_built_before_the_modules_that_run_it() throws IOException {
        // given
        List<String> missing = new ArrayList<>();
        for (String codeUri : Template.functions().values().stream()
                .map(f -> String.valueOf(SamTemplate.properties(f).get("CodeUri")))
                .distinct()
                .toList()) {
            Matcher module = CODE_URI.matcher(codeUri);
            assertThat(module.matches())
                    .as(codeUri + " is a module's target/function.jar")
                    .isTrue();
            String artifact = artifactId(Repo.root().resolve(module.group(1)).resolve("pom.xml"));

            // when
            for (String user : JAR_USERS) {
                String pom = Files.readString(Repo.root().resolve(user));
                if (!pom.contains("<artifactId>" + artifact + "</artifactId>")) {
                    missing.add(user + " lacks a test-scoped dependency on " + artifact + " (for " + codeUri + ")");
                }
            }
        }

        // then
        assertThat(missing).isEmpty();
    }

    /** The module's own artifactId: the first one after its parent block. */
    private static String artifactId(Path pom) throws IOException {
        String text = Files.readString(pom);
        String afterParent = text.substring(text.indexOf("</parent>"));
        Matcher artifact = ARTIFACT.matcher(afterParent);
        assertThat(artifact.find()).as(pom + " has an artifactId").isTrue();
        return artifact.group(1);
    }
}
