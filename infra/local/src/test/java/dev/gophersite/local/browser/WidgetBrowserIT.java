package dev.gophersite.local.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gophersite.local.LocalSettings;
import dev.gophersite.local.LocalSite;
import dev.gophersite.local.template.TableNames;
import dev.gophersite.project.Repo;
import dev.gophersite.project.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The chat widget in real headless Chromium against the real dev server (every function from its jar, dynalite,
 * content/ loaded). Ollama is pointed at a closed port, so /ask answers extractively, as on CI.
 * Screenshots go to {@code infra/local/target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetBrowserIT {
    private static final String QUESTION = "How big is the stack a goroutine starts with?";
    private static final String STORE_KEY = "gopher-site.ask.v1";
    private static final String EXTRACTIVE_BADGE = "Answered from the pages without the AI model";
    private static final Path SCREENSHOTS = Repo.root().resolve("infra/local/target/screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSite site;
    private static String feedbackTable;
    private static Chromium chromium;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Optional<String> missing = Chromium.missing();
        if (missing.isPresent()) {
            System.out.println("WidgetBrowserIT skipped: " + missing.get());
            Assumptions.abort("browser tests need Chromium and ChromeDriver: " + missing.get());
        }
        Path root = Repo.root();
        Path template = root.resolve("template.yaml");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("MODEL_ENDPOINT", "http://127.0.0.1:" + closedPort());
        site = LocalSite.start(
                new LocalSettings(template, root.resolve("content"), 0, Optional.empty(), env, 2, false, false));
        feedbackTable = TableNames.of(SamTemplate.load(template)).get("FeedbackTable");
        base = site.url().toString().replaceAll("/$", "");
        Files.createDirectories(SCREENSHOTS);
        chromium = Chromium.start(true);
        driver = chromium.driver();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @AfterEach
    void resetEmulation() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
    }

    @Test
    @Order(0)
    void widget_script_and_stylesheet_are_served_and_stay_under_25_kb() throws Exception {
        // when
        HttpClient http = HttpClient.newHttpClient();
        long total = 0;
        for (String asset : List.of("widget.js", "widget.css")) {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/assets/" + asset))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type ->
                            assertThat(type).startsWith(asset.endsWith(".js") ? "text/javascript" : "text/css"));
            total += response.body().length;
        }
        assertThat(total).isLessThan(25_000);
    }

    @Test
    @Order(1)
    void page_is_a_documentation_page_whose_opener_becomes_a_dialog_button() {
        // when
        fresh("/essentials");

        // then
        assertThat(driver.findElement(By.cssSelector(".site-nav a[aria-current=page]"))
                        .getText())
                .isEqualTo("Essentials");
        assertThat(driver.findElements(By.cssSelector("nav.toc a[href='#goroutines']")))
                .hasSize(1);
        WebElement opener = driver.findElement(By.id("ask-open"));
        assertThat(opener.getTagName()).isEqualTo("button");
        assertThat(opener.getDomAttribute("type")).isEqualTo("button");
        assertThat(opener.getDomAttribute("aria-haspopup")).isEqualTo("dialog");
        assertThat(opener.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(opener.getAccessibleName()).contains("Ask");
        assertThat(driver.findElement(By.id("ask-panel")).isDisplayed()).isFalse();
        screenshot("01-page");

        // and the comparison page shows its table
        driver.get(base + "/compare");
        assertThat(driver.findElements(By.cssSelector("main table th"))).isNotEmpty();
        screenshot("01-compare");
    }

    @Test
    @Order(2)
    void keyboard_opens_a_named_dialog_with_focus_in_the_question_box() {
        // given
        fresh("/essentials");

        // when
        for (int i = 0; i < 6 && !"ask-open".equals(active().getDomAttribute("id")); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(active().getDomAttribute("id")).isEqualTo("ask-open");
        new Actions(driver).sendKeys(Keys.ENTER).perform();

        // then
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=dialog]")));
        assertThat(dialog.getAccessibleName()).isEqualTo("Ask about Go");
        assertThat(dialog.getDomAttribute("aria-modal")).isEqualTo("false");
        assertThat(driver.findElement(By.id("ask-open")).getDomAttribute("aria-expanded"))
                .isEqualTo("true");
        WebElement input = active();
        assertThat(input.getTagName()).isEqualTo("textarea");
        assertThat(input.getAccessibleName()).isEqualTo("Your question");
        assertThat(dialog.findElements(By.cssSelector(".ask-starters button"))).hasSizeBetween(3, 4);
        assertThat(dialog.findElement(By.cssSelector("button[aria-label=Close]"))
                        .getAccessibleName())
                .isEqualTo("Close");
        assertThat(dialog.findElement(By.cssSelector("[aria-live=polite]")).getDomAttribute("role"))
                .isEqualTo("log");
        screenshot("02-widget-open");

        // and when: Shift+Enter is a new line, not a send
        input.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");

        // then
        assertThat(input.getDomProperty("value")).isEqualTo("first line\nsecond line");
        assertThat(driver.findElements(By.cssSelector(".ask-log > *"))).isEmpty();
    }

    @Test
    @Order(3)
    void enter_sends_and_the_extractive_answer_has_its_badge_and_citations() {
        // given: the viewport of the README's screenshot
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 820, "deviceScaleFactor", 1, "mobile", false));
        fresh("/essentials");
        openWithClick();

        // when
        WebElement answer = ask(QUESTION);

        // then
        assertThat(answer.getTagName()).isEqualTo("article");
        assertThat(answer.findElement(By.cssSelector(".ask-md")).getText()).contains("2KB");
        List<WebElement> badge = answer.findElements(By.cssSelector(".ask-mode"));
        if (answerJson(0).path("mode").asText().equals("extractive")) {
            assertThat(badge).singleElement().extracting(WebElement::getText).isEqualTo(EXTRACTIVE_BADGE);
        }
        List<WebElement> citations = answer.findElements(By.cssSelector(".ask-md a.ask-cite"));
        assertThat(citations).isNotEmpty();
        assertThat(citations.getFirst().getAccessibleName()).startsWith("Source ");
        List<WebElement> sources = answer.findElements(By.cssSelector(".ask-refs a"));
        assertThat(sources).isNotEmpty();
        for (WebElement source : sources) {
            assertThat(URI.create(source.getDomProperty("href")).getRawPath()).matches("/[a-z0-9-]+");
            assertThat(URI.create(source.getDomProperty("href")).getRawFragment())
                    .matches("[a-z0-9-]+");
        }
        // the cited sources are named by page and section: the goroutine sections of Essentials or Why use Go
        assertThat(answer.getText())
                .containsAnyOf("Essentials: the Go 8", "Why use Go")
                .contains("Goroutines");
        assertThat(driver.findElement(By.id("ask-input")).getDomProperty("value"))
                .isEmpty();
        screenshot("03-widget-answer");
    }

    @Test
    @Order(4)
    void citation_link_opens_the_cited_section_of_the_page() {
        // given
        fresh("/");
        openWithClick();
        WebElement answer = ask(QUESTION);
        WebElement citation = answer.findElement(By.cssSelector("a.ask-cite"));
        URI expected = URI.create(citation.getDomProperty("href"));

        // when
        citation.click();
        wait.until(d -> URI.create(d.getCurrentUrl()).getRawPath().equals(expected.getRawPath()));

        // then
        URI now = URI.create(driver.getCurrentUrl());
        assertThat(now.getRawPath()).matches("/[a-z0-9-]+");
        assertThat(now.getRawFragment()).isEqualTo(expected.getRawFragment()).matches("[a-z0-9-]+");
        WebElement section = driver.findElement(By.id(now.getRawFragment()));
        assertThat(section.getTagName()).isEqualTo("section");
        assertThat(section.isDisplayed()).isTrue();
    }

    @Test
    @Order(5)
    void conversation_survives_a_reload_and_the_next_question_carries_it_as_history() {
        // given
        fresh("/essentials");
        openWithClick();
        ask(QUESTION);

        // when
        driver.navigate().refresh();
        waitUpgraded();
        openWithClick();

        // then
        assertThat(driver.findElements(By.cssSelector(".ask-q")))
                .singleElement()
                .extracting(WebElement::getText)
                .isEqualTo(QUESTION);
        assertThat(driver.findElements(By.cssSelector(".ask-log article a.ask-cite")))
                .isNotEmpty();
        assertThat(driver.findElement(By.cssSelector(".ask-intro")).isDisplayed())
                .isFalse();

        // and when: a follow-up is sent, the earlier turn goes with it and the earlier answer stays in place
        WebElement restored = driver.findElement(By.cssSelector(".ask-log article"));
        driver.executeScript("""
                const original = window.fetch;
                window.fetch = (url, init) => {
                  if (String(url).endsWith('/ask')) window.__askBody = JSON.parse(init.body);
                  return original(url, init);
                };""");
        ask("What is context.Context for?");

        // then
        JsonNode body = JSON.valueToTree(driver.executeScript("return window.__askBody;"));
        assertThat(body.path("question").asText()).isEqualTo("What is context.Context for?");
        assertThat(body.path("history")).hasSize(2);
        assertThat(body.path("history").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("history").get(0).path("content").asText()).isEqualTo(QUESTION);
        assertThat(body.path("history").get(1).path("role").asText()).isEqualTo("assistant");
        assertThat(restored.isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".ask-log > article"))).hasSize(2);

        // and when: Clear empties the conversation and the stored history
        driver.findElement(By.xpath("//div[@id='ask-panel']//button[normalize-space()='Clear']"))
                .click();

        // then
        assertThat(driver.findElements(By.cssSelector(".ask-log > *"))).isEmpty();
        assertThat(driver.executeScript("return sessionStorage.getItem(arguments[0]);", STORE_KEY))
                .isEqualTo("[]");
        assertThat(driver.findElement(By.cssSelector(".ask-intro")).isDisplayed())
                .isTrue();
    }

    @Test
    @Order(6)
    void failed_vote_is_reported_inline_and_a_helpful_vote_is_stored_in_the_feedback_table() {
        // given: the feedback API answers the first vote with a 503, as when its table is throttled
        fresh("/essentials");
        openWithClick();
        WebElement answer = ask(QUESTION);
        String answerId = answerJson(0).path("id").asText();
        assertThat(answerId).isNotBlank();
        driver.executeScript("""
                const original = window.fetch;
                let failures = 1;
                window.fetch = (url, init) => String(url).endsWith('/api/feedback') && failures-- > 0
                  ? Promise.resolve(new Response(
                      JSON.stringify({ error: { code: 'unavailable', message: 'The store is busy; retry shortly.' } }),
                      { status: 503, headers: { 'Content-Type': 'application/json' } }))
                  : original(url, init);""");
        WebElement helpful = answer.findElement(By.cssSelector("button[title=Helpful]"));
        WebElement notHelpful = answer.findElement(By.cssSelector("button[title='Not helpful']"));
        assertThat(helpful.getAccessibleName()).isEqualTo("Helpful");
        assertThat(notHelpful.getAccessibleName()).isEqualTo("Not helpful");

        // when: "Not helpful" with a comment fails
        notHelpful.click();
        WebElement comment = answer.findElement(By.cssSelector(".ask-why textarea"));
        assertThat(comment.getAccessibleName()).isEqualTo("What was wrong or missing?");
        assertThat(active()).isEqualTo(comment);
        comment.sendKeys("Too short");
        answer.findElement(By.xpath(".//button[normalize-space()='Send feedback']"))
                .click();

        // then
        WebElement note = answer.findElement(By.cssSelector(".ask-feedback [role=status]"));
        wait.until(ExpectedConditions.textToBePresentInElement(note, "The store is busy"));
        assertThat(notHelpful.isEnabled()).isTrue();

        // and when: "Helpful" succeeds
        helpful.click();

        // then
        wait.until(ExpectedConditions.textToBePresentInElement(note, "Thanks"));
        assertThat(helpful.getDomAttribute("aria-pressed")).isEqualTo("true");
        assertThat(notHelpful.getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(helpful.isEnabled()).isFalse();
        assertThat(answer.findElements(By.cssSelector(".ask-why"))).isEmpty();
        List<Map<String, AttributeValue>> items =
                site.backend().dynamo().scan(b -> b.tableName(feedbackTable)).items().stream()
                        .filter(item -> item.get("pk").s().equals("A#" + answerId))
                        .toList();
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("vote").s()).isEqualTo("up");
            assertThat(item.get("question").s()).isEqualTo(QUESTION);
        });
    }

    @Test
    @Order(7)
    void markup_in_a_question_is_shown_as_inert_text() {
        // given
        String hostile = "<img src=x onerror=alert(1)>";
        fresh("/essentials");
        openWithClick();

        // when
        WebElement answer = ask(hostile);

        // then
        assertThat(driver.findElement(By.cssSelector(".ask-q")).getText()).isEqualTo(hostile);
        assertThat(driver.findElements(By.cssSelector("#ask-panel img"))).isEmpty();
        assertThat(answer.findElements(By.cssSelector(".ask-md, .ask-fail"))).isNotEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(8)
    void answer_markdown_is_rendered_and_any_html_in_it_stays_text() throws Exception {
        // given: a stored answer as an LLM might write it, with markup a hostile page or model could slip in
        String answer = """
                Goroutines are **cheap**: each starts at `2KB` [1], see [2].

                - one <img src=x onerror=alert(1)> item
                - a <script>alert(2)</script> item [9]

                1. first
                2. second

                ```go
                go work(i) // <b>not bold</b>
                ```""";
        Map<String, Object> turn = Map.of(
                "q",
                "Markdown?",
                "a",
                Map.of(
                        "id",
                        "abcdef12-3456",
                        "answer",
                        answer,
                        "mode",
                        "llm",
                        "model",
                        "test-model",
                        "sources",
                        List.of(
                                Map.of(
                                        "slug",
                                        "essentials",
                                        "title",
                                        "Essentials: the Go 8",
                                        "section",
                                        "Goroutines",
                                        "url",
                                        "/essentials#goroutines",
                                        "text",
                                        "Goroutines\nOne keyword."),
                                Map.of(
                                        "slug",
                                        "javascript",
                                        "title",
                                        "Evil",
                                        "section",
                                        "x",
                                        "url",
                                        "javascript:alert(3)",
                                        "text",
                                        "x\ny"))));
        fresh("/essentials");
        driver.executeScript(
                "sessionStorage.setItem(arguments[0], arguments[1]);",
                STORE_KEY,
                JSON.writeValueAsString(List.of(turn)));
        driver.navigate().refresh();
        waitUpgraded();

        // when
        openWithClick();

        // then
        WebElement md = driver.findElement(By.cssSelector(".ask-log article .ask-md"));
        assertThat(md.findElement(By.tagName("strong")).getText()).isEqualTo("cheap");
        assertThat(md.findElement(By.cssSelector("p > code")).getText()).isEqualTo("2KB");
        assertThat(md.findElements(By.cssSelector("ul > li"))).hasSize(2);
        assertThat(md.findElements(By.cssSelector("ol > li"))).hasSize(2);
        assertThat(md.findElement(By.cssSelector("pre > code")).getText()).isEqualTo("go work(i) // <b>not bold</b>");
        assertThat(md.findElements(By.cssSelector("img, script, b"))).isEmpty();
        assertThat(md.getText()).contains("<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "[9]");
        List<WebElement> citations = md.findElements(By.cssSelector("a.ask-cite"));
        assertThat(citations).hasSize(2);
        assertThat(URI.create(citations.get(0).getDomProperty("href")).getRawPath())
                .isEqualTo("/essentials");
        assertThat(URI.create(citations.get(0).getDomProperty("href")).getRawFragment())
                .isEqualTo("goroutines");
        for (WebElement link : driver.findElements(By.cssSelector("#ask-panel a"))) {
            assertThat(link.getDomProperty("href")).startsWith(base + "/");
        }
        assertThat(driver.findElement(By.cssSelector(".ask-meta")).getText()).contains("test-model");
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @Order(9)
    void slow_answer_shows_thinking_and_a_network_failure_offers_retry() {
        // given: fetch held for a moment, then failing once as when the network drops
        fresh("/essentials");
        openWithClick();
        driver.executeScript("""
                const original = window.fetch;
                let failures = 1;
                window.fetch = (url, init) => new Promise((resolve, reject) => setTimeout(() => {
                  if (failures-- > 0) reject(new TypeError('Failed to fetch'));
                  else original(url, init).then(resolve, reject);
                }, 1200));""");

        // when
        WebElement input = driver.findElement(By.id("ask-input"));
        input.sendKeys(QUESTION, Keys.ENTER);

        // then
        WebElement pending = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ask-log > article[aria-busy=true] .ask-thinking")));
        assertThat(pending.getText()).isNotBlank();
        screenshot("04-widget-thinking");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ask-fail")));
        assertThat(error.getText()).contains("Could not reach the site");
        assertThat(error.getDomAttribute("role")).isEqualTo("alert");

        // and when
        error.findElement(By.xpath(".//button[normalize-space()='Retry']")).click();

        // then
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ask-log > article:not([aria-busy]) .ask-md")));
        assertThat(answer.getText()).contains("2KB");
        assertThat(driver.findElements(By.cssSelector(".ask-fail"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".ask-log > article"))).hasSize(1);
    }

    @Test
    @Order(10)
    void escape_closes_the_dialog_and_focus_returns_to_the_opener() {
        // given
        fresh("/essentials");
        openWithClick();
        assertThat(active().getDomAttribute("id")).isEqualTo("ask-input");

        // when
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();

        // then
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ask-panel")));
        assertThat(active().getDomAttribute("id")).isEqualTo("ask-open");
        assertThat(active().getDomAttribute("aria-expanded")).isEqualTo("false");

        // and the Close button does the same
        openWithClick();
        driver.findElement(By.cssSelector("#ask-panel button[aria-label=Close]"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("ask-panel")));
        assertThat(active().getDomAttribute("id")).isEqualTo("ask-open");
    }

    @Test
    @Order(11)
    void narrow_320px_screen_gets_a_full_width_panel_that_still_answers() {
        // given
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 640, "deviceScaleFactor", 2, "mobile", true));
        fresh("/essentials");
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(320);
        screenshot("05-mobile-320-page");

        // when
        openWithClick();
        WebElement panel = driver.findElement(By.id("ask-panel"));

        // then
        assertThat(panel.getRect().getX()).isZero();
        assertThat(panel.getRect().getWidth()).isEqualTo(320);
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth;")).intValue())
                .isLessThanOrEqualTo(320);
        WebElement input = driver.findElement(By.id("ask-input"));
        assertThat(input.getRect().getX() + input.getRect().getWidth()).isLessThanOrEqualTo(320);
        assertThat(input.getRect().getY() + input.getRect().getHeight()).isLessThanOrEqualTo(640);
        screenshot("05-mobile-320-open");

        // and when: a suggested question is tapped
        driver.findElement(By.cssSelector(".ask-starters button")).click();

        // then
        WebElement answer = waitForAnswer(0);
        assertThat(answer.findElements(By.cssSelector(".ask-refs a"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("#ask-panel button[aria-label=Close]"))
                        .isDisplayed())
                .isTrue();
        screenshot("06-mobile-320-answer");
    }

    @Test
    @Order(12)
    void dark_scheme_and_reduced_motion_are_honoured() {
        // given
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "features",
                        List.of(
                                Map.of("name", "prefers-color-scheme", "value", "dark"),
                                Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        fresh("/essentials");

        // when
        openWithClick();
        ask(QUESTION);

        // then
        WebElement panel = driver.findElement(By.id("ask-panel"));
        assertThat(luminance(panel.getCssValue("background-color"))).isLessThan(0.1);
        assertThat(luminance(driver.findElement(By.tagName("body")).getCssValue("background-color")))
                .isLessThan(0.1);
        assertThat(panel.getCssValue("animation-name")).isEqualTo("none");
        screenshot("07-dark-answer");
    }

    @Test
    @Order(13)
    void without_javascript_the_opener_is_a_link_to_a_working_ask_form() {
        try (Chromium noJs = Chromium.start(false)) {
            ChromeDriver plain = noJs.driver();
            WebDriverWait plainWait = new WebDriverWait(plain, Duration.ofSeconds(15));
            plainWait
                    .ignoring(StaleElementReferenceException.class)
                    .withMessage(() -> "page at " + plain.getCurrentUrl() + ":\n" + plain.getPageSource());

            // given
            plain.get(base + "/essentials");
            WebElement opener = plain.findElement(By.id("ask-open"));
            assertThat(opener.getTagName()).isEqualTo("a");
            assertThat(URI.create(opener.getDomProperty("href")).getRawPath()).isEqualTo("/ask");

            // when
            opener.click();
            WebElement field = plainWait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("form [name=q], form [name=question]")));
            field.sendKeys(QUESTION);
            plain.findElement(By.cssSelector("form button[type=submit], form input[type=submit]"))
                    .click();

            // then
            plainWait.until(d -> d.findElement(By.tagName("body")).getText().contains("2KB"));
            assertThat(plain.findElements(By.cssSelector("main a[href*='#']")))
                    .extracting(link -> URI.create(link.getDomProperty("href")))
                    .anySatisfy(href -> {
                        assertThat(href.getRawPath()).matches("/[a-z0-9-]+").isNotEqualTo("/ask");
                        assertThat(href.getRawFragment()).matches("[a-z0-9-]+");
                    });
            screenshot(plain, "08-no-js-answer");
        }
    }

    // ---- helpers ----

    private static void fresh(String path) {
        driver.get(base + path);
        driver.executeScript("sessionStorage.clear();");
        driver.navigate().refresh();
        waitUpgraded();
    }

    private static void waitUpgraded() {
        wait.until(d -> d.findElement(By.id("ask-open")).getTagName().equals("button"));
    }

    private static void openWithClick() {
        driver.findElement(By.id("ask-open")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ask-panel")));
    }

    private static WebElement ask(String question) {
        int before = driver.findElements(By.cssSelector(".ask-log > article")).size();
        WebElement input = driver.findElement(By.id("ask-input"));
        input.sendKeys(question, Keys.ENTER);
        return waitForAnswer(before);
    }

    /** The article after the first {@code before} ones, once it shows an answer or an error. */
    private static WebElement waitForAnswer(int before) {
        return wait.until(d -> {
            List<WebElement> articles = d.findElements(By.cssSelector(".ask-log > article"));
            if (articles.size() <= before) {
                return null;
            }
            WebElement article = articles.get(before);
            boolean done = article.getDomAttribute("aria-busy") == null
                    && !article.findElements(By.cssSelector(".ask-md, .ask-fail"))
                            .isEmpty();
            return done ? article : null;
        });
    }

    private static JsonNode answerJson(int turn) {
        try {
            Object stored = driver.executeScript("return sessionStorage.getItem(arguments[0]);", STORE_KEY);
            return JSON.readTree(String.valueOf(stored)).path(turn).path("a");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    private static void screenshot(String name) {
        screenshot(driver, name);
    }

    private static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.copy(
                    browser.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Relative luminance of a CSS {@code rgb()}/{@code rgba()} colour. */
    private static double luminance(String css) {
        String[] parts = css.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
