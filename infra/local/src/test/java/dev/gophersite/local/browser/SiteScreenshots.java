package dev.gophersite.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.project.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Regenerates {@code docs/screenshots/}: every page at 1280 px and 390 px wide, light and dark, one viewport high,
 * and the search as you type; full-length captures of the home, history and essentials pages (docs/site-design.md).
 * Not a test that runs in {@code mvn verify} (no IT suffix): {@code infra/local/screenshots} runs it on purpose.
 * {@code -Dscreenshots.dir} writes elsewhere.
 */
class SiteScreenshots {
    private static final List<Size> SIZES = List.of(new Size(1280, 800), new Size(390, 844));
    private static final List<String> SCHEMES = List.of("light", "dark");
    private static final List<String> FULL_LENGTH = List.of("/", "/history", "/essentials");

    private record Size(int width, int height) {}

    @Test
    void capture_every_page_at_both_widths_in_both_schemes() throws IOException {
        Optional<String> missing = Chromium.missing();
        Assumptions.assumeTrue(
                missing.isEmpty(), () -> "screenshots need Chromium and ChromeDriver: " + missing.orElse(""));
        Path out = Path.of(System.getProperty(
                "screenshots.dir", Repo.root().resolve("docs/screenshots").toString()));
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path png : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(png);
            }
        }
        int written = 0;
        try (SiteBrowser site = SiteBrowser.start(Optional.empty(), true)) {
            site.driver().executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
            for (String scheme : SCHEMES) {
                site.colorScheme(scheme);
                for (Size size : SIZES) {
                    site.viewport(size.width(), size.height());
                    for (String page : SiteBrowser.PAGES) {
                        site.open(page);
                        settle(site);
                        write(
                                out.resolve(name(page) + "-" + size.width() + "-" + scheme + ".png"),
                                capture(site, false));
                        written++;
                    }
                }
            }
            site.colorScheme("light");
            site.viewport(1280, 800);
            for (String page : FULL_LENGTH) {
                site.open(page);
                settle(site);
                write(out.resolve(name(page) + "-1280-light-full.png"), capture(site, true));
                written++;
            }
            for (String scheme : SCHEMES) {
                site.colorScheme(scheme);
                site.open("/essentials");
                settle(site);
                WebElement input = site.driver().findElement(By.id("site-search-q"));
                input.sendKeys("goroutine stack");
                new WebDriverWait(site.driver(), java.time.Duration.ofSeconds(15))
                        .until(d -> !d.findElements(By.cssSelector("#site-search-results [role=option]"))
                                .isEmpty());
                write(out.resolve("search-1280-" + scheme + ".png"), capture(site, false));
                written++;
            }
        }
        System.out.println("SiteScreenshots: " + written + " screenshots in " + out);
        assertThat(written)
                .isEqualTo(SCHEMES.size() * SIZES.size() * SiteBrowser.PAGES.size() + FULL_LENGTH.size() + 2);
    }

    private static String name(String page) {
        return page.equals("/") ? "home" : page.substring(1);
    }

    /** Fonts loaded and the widget's upgrade done, so a capture shows the page as a reader sees it. */
    private static void settle(SiteBrowser site) {
        new WebDriverWait(site.driver(), java.time.Duration.ofSeconds(15))
                .until(d -> Boolean.TRUE.equals(site.script("return document.fonts.status === 'loaded' && "
                        + "document.getElementById('ask-open').tagName === 'BUTTON';")));
    }

    private static byte[] capture(SiteBrowser site, boolean fullLength) {
        Map<String, Object> params;
        if (fullLength) {
            Number height = (Number) site.script("return document.documentElement.scrollHeight;");
            Number width = (Number) site.script("return document.documentElement.clientWidth;");
            params = Map.of(
                    "format",
                    "png",
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1));
        } else {
            params = Map.of("format", "png");
        }
        Map<String, Object> shot = site.driver().executeCdpCommand("Page.captureScreenshot", params);
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    private static void write(Path file, byte[] png) throws IOException {
        Files.write(file, png);
    }
}
