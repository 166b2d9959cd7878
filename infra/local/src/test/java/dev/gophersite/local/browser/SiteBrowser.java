package dev.gophersite.local.browser;

import dev.gophersite.local.LocalSettings;
import dev.gophersite.local.LocalSite;
import dev.gophersite.project.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real dev server (every function from its jar, dynalite, content/ loaded, Ollama pointed at a closed port so
 * /ask answers extractively as on CI) and one headless Chromium, for the design and search tests and the
 * screenshot tool. Viewport and colour scheme are emulated through the DevTools protocol, so one browser serves
 * every size and scheme.
 */
final class SiteBrowser implements AutoCloseable {
    /** The site's pages in navigation order, as {@code content/} declares them. */
    static final List<String> PAGES =
            List.of("/", "/what-is-go", "/history", "/essentials", "/why-go", "/who-uses-go", "/compare", "/future");

    private final LocalSite site;
    private final Chromium chromium;
    private final String base;

    private SiteBrowser(LocalSite site, Chromium chromium) {
        this.site = site;
        this.chromium = chromium;
        this.base = site.url().toString().replaceAll("/$", "");
    }

    /**
     * For a test class's {@code @BeforeAll}: the site and a browser with JavaScript, or the class aborted with the
     * reason (which the build prints) when this machine has no Chromium or ChromeDriver.
     */
    static SiteBrowser startOrSkip(Optional<String> stage) throws IOException {
        Optional<String> missing = Chromium.missing();
        Assumptions.assumeTrue(
                missing.isEmpty(), () -> "browser tests need Chromium and ChromeDriver: " + missing.orElse(""));
        return start(stage, true);
    }

    /** @param stage serve under {@code /<stage>/} as an execute-api URL does, or empty for the root */
    static SiteBrowser start(Optional<String> stage, boolean javascript) throws IOException {
        Path root = Repo.root();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MODEL_ENDPOINT", "http://127.0.0.1:" + closedPort());
        LocalSettings settings = new LocalSettings(
                root.resolve("template.yaml"),
                root.resolve("content"),
                0,
                Optional.empty(),
                env,
                2,
                false,
                false,
                stage);
        LocalSite site = LocalSite.start(settings);
        try {
            return new SiteBrowser(site, Chromium.start(javascript));
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
    }

    ChromeDriver driver() {
        return chromium.driver();
    }

    WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver(), Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The site's address without a trailing slash: {@code http://127.0.0.1:port} or {@code .../prod}. */
    String base() {
        return base;
    }

    void open(String path) {
        driver().get(base + path);
    }

    void viewport(int width, int height) {
        driver().executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    void colorScheme(String scheme) {
        driver().executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    void reset() {
        driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    Object script(String script, Object... args) {
        return driver().executeScript(script, args);
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            site.close();
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
