package dev.gophersite.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every function's Handler exists in the jar its CodeUri names, and every route is served exactly once. */
class TemplateHandlersIT {

    @Test
    void every_handler_class_is_in_its_built_jar_and_is_a_lambda_handler() throws Exception {
        for (Map.Entry<String, Map<String, Object>> function :
                Template.functions().entrySet()) {
            Map<String, Object> props = SamTemplate.properties(function.getValue());
            Path jar = Repo.root().resolve((String) props.get("CodeUri"));
            assertThat(jar).as(function.getKey() + " CodeUri").exists();
            String[] handler = ((String) props.get("Handler")).split("::");
            assertThat(handler).as(function.getKey() + " Handler").hasSize(2);
            // the jar alone, as Lambda loads it: nothing from this test's classpath may stand in for it
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Class<?> type = Class.forName(handler[0], false, loader);
                Class<?> requestHandler = Class.forName(RequestHandler.class.getName(), false, loader);
                assertThat(requestHandler.isAssignableFrom(type))
                        .as(handler[0] + " implements RequestHandler")
                        .isTrue();
                assertThat(Modifier.isPublic(type.getConstructor().getModifiers()))
                        .isTrue();
                assertThat(type.getMethods()).anyMatch(m -> m.getName().equals(handler[1]));
            }
            assertThat(Files.size(jar)).as(jar + " size").isLessThan(60L * 1024 * 1024);
        }
    }

    @Test
    void every_route_has_exactly_one_function() {
        Set<String> routes = new HashSet<>();
        Template.functions().forEach((id, function) -> {
            Map<String, Map<String, Object>> events = Template.apiEvents(function);
            assertThat(events).as(id + " has API events").isNotEmpty();
            events.values()
                    .forEach(e -> assertThat(routes.add(e.get("Method") + " " + e.get("Path")))
                            .as("route " + e.get("Method") + " " + e.get("Path") + " declared once")
                            .isTrue());
        });
        assertThat(routes)
                .contains(
                        "GET /",
                        "GET /{slug}",
                        "GET /api/pages",
                        "GET /api/pages/{slug}",
                        "POST /ask",
                        "GET /api/search",
                        "POST /api/feedback");
    }
}
