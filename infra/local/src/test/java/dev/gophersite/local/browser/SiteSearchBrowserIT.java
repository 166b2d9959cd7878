package dev.gophersite.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The header search in real headless Chromium, with the site served under the stage prefix {@code /prod} as on an
 * execute-api URL, so every request and link must carry the page's base: results as you type from
 * {@code /api/search}, the combobox and listbox semantics, arrow keys, Enter, Escape and the mouse, and without
 * JavaScript the {@code /search} page in the site layout.
 */
class SiteSearchBrowserIT {
    private static final String STAGE = "prod";
    /** A word that appears only in code on the site (errgroup.WithContext, in Who uses Go, Project Corsa). */
    private static final String QUERY = "errgroup";

    private static SiteBrowser site;
    private static ChromeDriver driver;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        site = SiteBrowser.startOrSkip(Optional.of(STAGE));
        driver = site.driver();
        wait = site.waiting();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @AfterEach
    void resetEmulation() {
        site.reset();
    }

    @Test
    void typing_shows_results_with_page_and_section_as_a_labelled_listbox() {
        // given
        site.viewport(1280, 900);
        site.open("/essentials");
        WebElement input = searchField();

        // when
        input.sendKeys(QUERY);
        List<WebElement> options = waitForOptions();

        // then
        assertThat(input.getDomAttribute("role")).isEqualTo("combobox");
        assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(input.getDomAttribute("aria-autocomplete")).isEqualTo("list");
        WebElement listbox = driver.findElement(By.id(input.getDomAttribute("aria-controls")));
        assertThat(listbox.getDomAttribute("role")).isEqualTo("listbox");
        assertThat(listbox.getAccessibleName()).isEqualTo("Search results");
        assertThat(input.getAccessibleName()).isEqualTo("Search the site");
        WebElement first = options.getFirst();
        assertThat(first.findElement(By.cssSelector(".search-hit-page")).getText())
                .isEqualToIgnoringCase("Who uses Go");
        assertThat(first.findElement(By.cssSelector(".search-hit-section")).getText())
                .isEqualTo("Project Corsa");
        assertThat(first.findElement(By.tagName("mark")).getText()).isEqualToIgnoringCase(QUERY);
        assertThat(options)
                .allSatisfy(o -> assertThat(o.getDomAttribute("aria-selected")).isEqualTo("false"));
        assertThat(driver.findElement(By.cssSelector(".site-search [role=status]"))
                        .getDomProperty("textContent"))
                .matches("\\d+ results?, use the up and down arrows to choose");

        // and the requests went to the API under the page's base, debounced rather than one per key
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>)
                site.script(
                        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/search'));");
        assertThat(requests)
                .isNotEmpty()
                .hasSizeLessThan(QUERY.length())
                .allSatisfy(url -> assertThat(URI.create(url).getRawPath()).isEqualTo("/prod/api/search"));
        assertThat(requests.getLast()).endsWith("?q=" + QUERY);
    }

    @Test
    void arrow_keys_choose_a_result_and_enter_opens_its_section() {
        // given
        site.viewport(1280, 900);
        site.open("/history");
        WebElement input = searchField();
        input.sendKeys(QUERY);
        List<WebElement> options = waitForOptions();

        // when
        input.sendKeys(Keys.ARROW_DOWN);

        // then
        assertThat(input.getDomAttribute("aria-activedescendant"))
                .isEqualTo(options.getFirst().getDomAttribute("id"));
        assertThat(options.getFirst().getDomAttribute("aria-selected")).isEqualTo("true");
        if (options.size() > 1) {
            input.sendKeys(Keys.ARROW_DOWN);
            assertThat(input.getDomAttribute("aria-activedescendant"))
                    .isEqualTo(options.get(1).getDomAttribute("id"));
            assertThat(options.getFirst().getDomAttribute("aria-selected")).isEqualTo("false");
            input.sendKeys(Keys.ARROW_UP);
        }
        input.sendKeys(Keys.ARROW_UP);
        assertThat(input.getDomAttribute("aria-activedescendant"))
                .isEqualTo(options.getLast().getDomAttribute("id"));
        input.sendKeys(Keys.ARROW_DOWN);
        assertThat(input.getDomAttribute("aria-activedescendant"))
                .isEqualTo(options.getFirst().getDomAttribute("id"));

        // and when
        input.sendKeys(Keys.ENTER);
        wait.until(d -> URI.create(d.getCurrentUrl()).getRawPath().equals("/prod/who-uses-go"));

        // then
        URI now = URI.create(driver.getCurrentUrl());
        assertThat(now.getRawFragment()).isEqualTo("project-corsa");
        WebElement section = driver.findElement(By.id("project-corsa"));
        assertThat(section.getText()).contains("errgroup.WithContext");
        wait.until(d -> inViewport(section));
    }

    @Test
    void escape_closes_the_results_a_second_escape_clears_and_a_click_opens_a_result() {
        // given
        site.viewport(1280, 900);
        site.open("/");
        WebElement input = searchField();
        input.sendKeys("defer");
        waitForOptions();

        // when
        input.sendKeys(Keys.ESCAPE);

        // then
        assertThat(driver.findElement(By.cssSelector(".search-popup")).isDisplayed())
                .isFalse();
        assertThat(input.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(input.getDomAttribute("aria-activedescendant")).isNull();
        assertThat(driver.switchTo().activeElement()).isEqualTo(input);
        assertThat(input.getDomProperty("value")).isEqualTo("defer");

        // and a second Escape empties the field
        input.sendKeys(Keys.ESCAPE);
        assertThat(input.getDomProperty("value")).isEmpty();

        // and when a result is clicked
        input.sendKeys("defer");
        WebElement first = waitForOptions().getFirst();
        String section =
                first.findElement(By.cssSelector(".search-hit-section")).getText();
        first.click();
        wait.until(d -> URI.create(d.getCurrentUrl()).getRawFragment() != null);

        // then the page opens at the section the result named
        URI now = URI.create(driver.getCurrentUrl());
        assertThat(now.getRawPath()).startsWith("/prod/");
        WebElement target = driver.findElement(By.id(now.getRawFragment()));
        assertThat(target.findElement(By.tagName("h2")).getText()).contains(section);
    }

    @Test
    void enter_without_a_choice_and_the_all_results_link_go_to_the_search_page() {
        // given
        site.viewport(1280, 900);
        site.open("/compare");
        WebElement input = searchField();
        input.sendKeys("context");
        waitForOptions();
        WebElement all = driver.findElement(By.cssSelector(".search-foot a"));
        assertThat(URI.create(all.getDomProperty("href")).getRawPath()).isEqualTo("/prod/search");
        assertThat(URI.create(all.getDomProperty("href")).getRawQuery()).isEqualTo("q=context");

        // when
        input.sendKeys(Keys.ENTER);
        wait.until(d -> URI.create(d.getCurrentUrl()).getRawPath().equals("/prod/search"));

        // then
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Search");
        List<WebElement> links = driver.findElements(By.cssSelector("main .search-list li a"));
        assertThat(links)
                .isNotEmpty()
                .allSatisfy(link -> assertThat(
                                URI.create(link.getDomProperty("href")).getRawPath())
                        .startsWith("/prod/"));
    }

    @Test
    void a_query_with_no_results_says_so() {
        // given
        site.viewport(390, 844);
        site.open("/future");
        WebElement input = searchField();

        // when
        input.sendKeys("zzqxv");

        // then
        WebElement foot = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".search-foot")));
        assertThat(foot.getText()).contains("No results for “zzqxv”");
        assertThat(driver.findElements(By.cssSelector("#site-search-results [role=option]")))
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector(".site-search [role=status]"))
                        .getDomProperty("textContent"))
                .isEqualTo("No results");
        WebElement popup = driver.findElement(By.cssSelector(".search-popup"));
        assertThat(popup.getRect().getX()).isGreaterThanOrEqualTo(0);
        assertThat(popup.getRect().getX() + popup.getRect().getWidth()).isLessThanOrEqualTo(390);
    }

    @Test
    void without_javascript_the_search_form_renders_results_in_the_site_layout() {
        try (Chromium noJs = Chromium.start(false)) {
            ChromeDriver plain = noJs.driver();
            WebDriverWait plainWait = new WebDriverWait(plain, Duration.ofSeconds(15));

            // given
            plain.get(site.base() + "/history");
            WebElement input = plain.findElement(By.cssSelector("header form[role=search] input[name=q]"));
            assertThat(input.getDomAttribute("role")).isNull();

            // when
            input.sendKeys(QUERY, Keys.ENTER);
            plainWait.until(d -> URI.create(d.getCurrentUrl()).getRawPath().equals("/prod/search"));

            // then
            assertThat(URI.create(plain.getCurrentUrl()).getQuery()).isEqualTo("q=" + QUERY);
            assertThat(plain.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Search");
            assertThat(plain.findElement(By.cssSelector("header .brand")).getDomProperty("textContent"))
                    .isEqualTo("Go:goroutine");
            assertThat(plain.findElements(By.cssSelector("header nav.site-nav a")))
                    .hasSize(SiteBrowser.PAGES.size());
            assertThat(plain.findElement(By.cssSelector("main input[name=q]")).getDomProperty("value"))
                    .isEqualTo(QUERY);
            WebElement first = plain.findElement(By.cssSelector("main .search-list li"));
            assertThat(first.findElement(By.cssSelector(".search-hit-page")).getText())
                    .isEqualToIgnoringCase("Who uses Go");
            WebElement link = first.findElement(By.tagName("a"));
            assertThat(link.getText()).isEqualTo("Project Corsa");

            // and when
            link.click();
            plainWait.until(d -> URI.create(d.getCurrentUrl()).getRawPath().equals("/prod/who-uses-go"));

            // then
            assertThat(URI.create(plain.getCurrentUrl()).getRawFragment()).isEqualTo("project-corsa");
            assertThat(plain.findElement(By.id("project-corsa")).getText()).contains("errgroup");
        }
    }

    private static WebElement searchField() {
        return wait.until(d -> {
            WebElement input = d.findElement(By.id("site-search-q"));
            return "combobox".equals(input.getDomAttribute("role")) ? input : null;
        });
    }

    private static List<WebElement> waitForOptions() {
        return wait.until(d -> {
            List<WebElement> options = d.findElements(By.cssSelector("#site-search-results [role=option]"));
            return !options.isEmpty() && options.getFirst().isDisplayed() ? options : null;
        });
    }

    private static boolean inViewport(WebElement element) {
        Object top = site.script("return arguments[0].getBoundingClientRect().top;", element);
        double y = ((Number) top).doubleValue();
        return y >= 0 && y < ((Number) site.script("return window.innerHeight;")).doubleValue();
    }
}
