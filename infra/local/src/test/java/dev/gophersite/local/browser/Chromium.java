package dev.gophersite.local.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its own chromedriver (no Selenium Manager, no downloads), each browser with a
 * fresh profile directory that {@link #close} deletes.
 */
final class Chromium implements AutoCloseable {
    /** Debian's paths; {@code -Dchromium.binary} and {@code -Dchromium.driver} point elsewhere. */
    static final Path BINARY = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));

    static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here, if they cannot. */
    static Optional<String> missing() {
        if (!Files.isExecutable(BINARY)) {
            return Optional.of(BINARY + " is missing (Debian: apt-get install chromium)");
        }
        if (!Files.isExecutable(DRIVER)) {
            return Optional.of(DRIVER + " is missing (Debian: apt-get install chromium-driver)");
        }
        return Optional.empty();
    }

    static Chromium start(boolean javascript) {
        Path profile;
        try {
            profile = Files.createTempDirectory("gopher-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            return new Chromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
