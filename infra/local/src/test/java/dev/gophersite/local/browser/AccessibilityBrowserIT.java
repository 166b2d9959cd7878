package dev.gophersite.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.dynalite.Npm;
import dev.gophersite.project.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * axe-core, the accessibility engine, run inside real headless Chromium on every page of the site (and the search
 * results and the no-JavaScript chat with an answer), in the light and the dark colour scheme: no violation of
 * serious or critical impact. axe-core is pinned by {@code infra/local/axe/package-lock.json} and injected by
 * Selenium, as its own test runners do; {@code npm ci} installs it on first use, as dynalite's is.
 */
class AccessibilityBrowserIT {
    private static final Path AXE_DIR = Repo.root().resolve("infra/local/axe");
    private static final List<String> PAGES = new ArrayList<>(SiteBrowser.PAGES);

    static {
        PAGES.addAll(List.of("/search?q=goroutine", "/ask", "/ask?q=How+big+is+a+goroutine+stack"));
    }

    private static SiteBrowser site;
    private static String axe;

    @BeforeAll
    static void start() throws Exception {
        site = SiteBrowser.startOrSkip(Optional.empty());
        axe = Files.readString(axeScript(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void no_page_has_a_serious_or_critical_violation_in_either_colour_scheme() {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String scheme : List.of("light", "dark")) {
            for (String page : PAGES) {
                // given
                site.open(page);
                site.colorScheme(scheme);

                // when
                List<Map<String, Object>> found = run();

                // then
                checked++;
                for (Map<String, Object> violation : found) {
                    violations.add(scheme + " " + page + ": " + violation.get("id") + " (" + violation.get("impact")
                            + ") " + violation.get("help") + " at " + violation.get("targets"));
                }
            }
        }
        System.out.println("AccessibilityBrowserIT: axe-core checked " + checked + " page views, " + violations.size()
                + " serious or critical violations");
        assertThat(violations).isEmpty();
    }

    @Test
    void a_code_block_that_scrolls_is_reached_with_the_keyboard() {
        // given a page with code wider than its column, on a narrow screen
        site.viewport(390, 844);
        site.open("/essentials");

        // when
        Object focusable = site.script("""
                const scrolling = [...document.querySelectorAll('pre')].filter(p => p.scrollWidth > p.clientWidth);
                return scrolling.length > 0 && scrolling.every(p => p.tabIndex >= 0);""");

        // then
        assertThat(focusable).isEqualTo(true);
        site.reset();
    }

    /** The serious and critical violations axe finds on the page shown, with the elements they are on. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> run() {
        site.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        site.script(axe);
        Object result = site.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', ') }))))
                  .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: '' }]));""");
        return (List<Map<String, Object>>) result;
    }

    private static Path axeScript() throws IOException {
        Path script = AXE_DIR.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(script)) {
            Npm.ci(AXE_DIR);
        }
        return script;
    }
}
