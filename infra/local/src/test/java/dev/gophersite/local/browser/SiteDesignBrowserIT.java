package dev.gophersite.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
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
import org.openqa.selenium.interactions.Actions;

/**
 * The design of the source document, checked as structure rather than pixels, in real headless Chromium against
 * the real dev server: brand, short navigation, hero chips, timeline, card grids, side-by-side code, badges, pull
 * quotes; responsive reflow without horizontal scrolling; and the axe-style basics (landmarks, heading order,
 * labelled controls, alt text, contrast, visible focus) on every page in both colour schemes.
 */
class SiteDesignBrowserIT {
    private static final List<String> NAV_LABELS =
            List.of("Home", "What is Go", "History", "Essentials", "Why use it", "Who uses it", "Compare", "Future");
    private static final List<String> TIMELINE = List.of(
            "2007-09", "2008", "2009-11", "2012-03", "2013-03", "2014-06", "2016-08", "2018-08", "2022-03", "2024-02",
            "2024-08", "2025-03", "2026");
    private static final List<String> CHIPS = List.of(
            "Go 1 compatibility promise",
            "vs OS threads: ~100× memory edge",
            "Docker / K8s / Terraform",
            "Project Corsa · tsgo");
    /** Every page, and the pages that are not content: the search results and the no-JavaScript chat. */
    private static final List<String> ALL_PAGES = new ArrayList<>(SiteBrowser.PAGES);

    static {
        ALL_PAGES.addAll(List.of("/search?q=goroutine", "/ask"));
    }

    private static SiteBrowser site;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        site = SiteBrowser.startOrSkip(Optional.empty());
        driver = site.driver();
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
    void header_has_the_brand_and_the_navigation_shows_the_short_labels() {
        // when
        site.viewport(1280, 900);
        site.open("/essentials");

        // then
        assertThat(driver.findElement(By.cssSelector("header .brand")).getDomProperty("textContent"))
                .isEqualTo("Go:goroutine");
        assertThat(texts(".site-nav a")).isEqualTo(NAV_LABELS);
        assertThat(driver.findElement(By.cssSelector(".site-nav a[aria-current=page]"))
                        .getText())
                .isEqualTo("Essentials");
        assertThat(driver.getTitle()).isEqualTo("Essentials: the Go 8 · Go:goroutine");
    }

    @Test
    void home_hero_is_the_introduction_with_its_four_chips_in_one_row() {
        // when
        site.viewport(1280, 900);
        site.open("/");

        // then
        WebElement hero = driver.findElement(By.cssSelector("main .hero"));
        assertThat(hero.findElement(By.tagName("h1")).getText()).isEqualTo("Go: simple, concurrent, fast");
        assertThat(hero.findElement(By.cssSelector(".hero-intro p")).getText())
                .startsWith("In 2007, three Google veterans");
        List<WebElement> chips = hero.findElements(By.cssSelector(".chips li"));
        assertThat(chips)
                .extracting(chip -> chip.findElement(By.tagName("strong")).getText())
                .isEqualTo(CHIPS);
        assertThat(chips)
                .extracting(chip -> chip.getRect().getY())
                .containsOnly(chips.getFirst().getRect().getY());
        assertThat(driver.findElements(By.cssSelector("main nav.toc"))).isEmpty();
    }

    @Test
    void history_is_a_vertical_timeline_of_13_dated_entries_in_order() {
        // when
        site.viewport(1280, 900);
        site.open("/history");

        // then
        assertThat(driver.findElement(By.cssSelector("main .eyebrow")).getText())
                .isEqualTo("History : Timeline");
        List<WebElement> entries = driver.findElements(By.cssSelector("main ol.timeline > li.entry"));
        assertThat(entries).hasSize(13);
        List<String> dates = entries.stream()
                .map(e -> e.findElement(By.cssSelector("h2 time")).getDomAttribute("datetime"))
                .toList();
        assertThat(dates).isEqualTo(TIMELINE).isSorted();
        assertThat(entries.getFirst().findElement(By.cssSelector("h2 time")).getText())
                .isEqualTo("2007·09");
        assertThat(entries.getLast().findElement(By.cssSelector("h2")).getText())
                .isEqualTo("2026\nCloud-native + AI infrastructure");
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).getRect().getX())
                    .isEqualTo(entries.getFirst().getRect().getX());
            assertThat(entries.get(i).getRect().getY())
                    .isGreaterThan(entries.get(i - 1).getRect().getY());
        }
        assertThat(entries.get(4).findElement(By.tagName("section")).getDomAttribute("id"))
                .isEqualTo("2013-03-docker--gos-first-big-break");
    }

    @Test
    void essentials_is_a_grid_of_8_cards_then_rob_pikes_pull_quote() {
        // when
        site.viewport(1280, 900);
        site.open("/essentials");

        // then
        List<WebElement> cards = driver.findElements(By.cssSelector("main .cards > section.card"));
        assertThat(cards).hasSize(8);
        assertThat(cards)
                .allSatisfy(
                        card -> assertThat(card.findElements(By.tagName("h2"))).hasSize(1));
        assertThat(cards.getFirst().getDomAttribute("id")).isEqualTo("goroutines");
        assertThat(columns(cards)).isGreaterThanOrEqualTo(2);
        WebElement quote = driver.findElement(By.cssSelector("#less-is-more figure.pullquote"));
        assertThat(quote.findElement(By.tagName("blockquote")).getText()).startsWith("\"Go was not designed");
        assertThat(quote.findElement(By.tagName("figcaption")).getText()).isEqualTo("— Rob Pike");
        assertThat(driver.findElements(By.cssSelector("#less-is-more.card"))).isEmpty();
    }

    @Test
    void why_use_it_future_and_who_uses_it_have_their_card_grids_badges_and_quote() {
        site.viewport(1280, 900);

        site.open("/why-go");
        assertThat(driver.findElement(By.cssSelector("main .eyebrow")).getText())
                .isEqualTo("Why use it : WhyGo");
        assertThat(driver.findElements(By.cssSelector("main .cards > section.card")))
                .hasSize(9);

        site.open("/future");
        assertThat(driver.findElement(By.cssSelector("main .eyebrow code.badge"))
                        .getText())
                .isEqualTo("TheRoadAhead");
        assertThat(driver.findElements(By.cssSelector("main .cards > section.card")))
                .hasSize(6);

        site.open("/who-uses-go");
        assertThat(driver.findElement(By.cssSelector("main .eyebrow")).getText())
                .isEqualTo("Who uses it : ProductionUsers");
        assertThat(driver.findElement(By.cssSelector("#cloud-native--ai-infra code.badge"))
                        .getText())
                .isEqualTo("GoEra");
        assertThat(driver.findElement(By.cssSelector("#cloud-native--ai-infra figure.pullquote blockquote"))
                        .getText())
                .startsWith("\"What software development needs today");
        List<WebElement> stats = driver.findElements(By.cssSelector("main .stats > .stat"));
        assertThat(stats)
                .extracting(
                        stat -> stat.findElement(By.cssSelector(".stat-label")).getDomProperty("textContent"))
                .containsExactly("CNCF", "Project Corsa", "Stack Overflow / TIOBE");
        assertThat(stats.get(0).getText()).contains("70% of CNCF graduated projects");
        assertThat(columns(stats)).isEqualTo(3);
    }

    @Test
    void comparison_is_two_columns_from_1280_px_and_one_column_at_390_px() {
        // when
        site.viewport(1280, 900);
        site.open("/what-is-go");
        List<WebElement> wide = driver.findElements(By.cssSelector("main .compare > .compare-col"));

        // then
        assertThat(wide).hasSize(2);
        assertThat(wide.get(0).findElement(By.tagName("h3")).getText()).startsWith("Java");
        assertThat(wide.get(1).findElement(By.tagName("h3")).getText()).startsWith("Go");
        assertThat(wide.get(1).getRect().getY()).isEqualTo(wide.get(0).getRect().getY());
        assertThat(wide.get(1).getRect().getX())
                .isGreaterThan(
                        wide.get(0).getRect().getX() + wide.get(0).getRect().getWidth() - 1);

        // and when
        site.viewport(390, 844);
        site.open("/what-is-go");
        List<WebElement> narrow = driver.findElements(By.cssSelector("main .compare > .compare-col"));

        // then
        assertThat(narrow.get(1).getRect().getX())
                .isEqualTo(narrow.get(0).getRect().getX());
        assertThat(narrow.get(1).getRect().getY())
                .isGreaterThan(
                        narrow.get(0).getRect().getY() + narrow.get(0).getRect().getHeight() - 1);
    }

    @Test
    void grids_reflow_to_one_column_and_no_page_scrolls_sideways_at_390_px() {
        site.viewport(390, 844);
        for (String page : List.of("/", "/essentials", "/why-go", "/future", "/who-uses-go")) {
            site.open(page);
            List<WebElement> items = driver.findElements(By.cssSelector(".cards > .card, .stats > .stat, .chips li"));
            assertThat(items).as(page).isNotEmpty();
            assertThat(columns(items)).as(page + " columns").isEqualTo(1);
        }
        for (String page : ALL_PAGES) {
            site.open(page);
            long scrollWidth = (Long)
                    site.script("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
            assertThat(scrollWidth).as(page + " scroll width").isLessThanOrEqualTo(390);
        }
    }

    @Test
    void every_page_has_landmarks_ordered_headings_labelled_controls_and_alt_text() {
        site.viewport(1280, 900);
        for (String page : ALL_PAGES) {
            site.open(page);
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) site.script(AXE_BASICS);
            assertThat(problems).as(page).isEmpty();
            for (WebElement control :
                    driver.findElements(By.cssSelector("input:not([type=hidden]), select, textarea, button"))) {
                if (control.isDisplayed()) {
                    assertThat(control.getAccessibleName())
                            .as(page + " " + control.getDomProperty("outerHTML"))
                            .isNotBlank();
                }
            }
            for (WebElement link : driver.findElements(By.cssSelector("a[href]"))) {
                if (link.isDisplayed()) {
                    assertThat(link.getAccessibleName())
                            .as(page + " link " + link.getDomAttribute("href"))
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void text_meets_aa_contrast_in_light_and_dark() {
        // given a probe that the check must catch: light grey on white
        site.viewport(1280, 900);
        site.open("/");
        site.script("const p = document.createElement('p'); p.textContent = 'probe'; p.style.color = '#bbbbbb';"
                + " p.style.background = '#ffffff'; document.querySelector('main').append(p);");
        @SuppressWarnings("unchecked")
        List<String> probe = (List<String>) site.script(CONTRAST);
        assertThat(probe).singleElement().asString().contains("probe");

        for (String scheme : List.of("light", "dark")) {
            site.viewport(1280, 900);
            site.colorScheme(scheme);
            for (String page : ALL_PAGES) {
                site.open(page);
                @SuppressWarnings("unchecked")
                List<String> low = (List<String>) site.script(CONTRAST);
                assertThat(low).as(scheme + " " + page).isEmpty();
            }
        }
    }

    @Test
    void keyboard_focus_is_visible() {
        // given
        site.viewport(1280, 900);
        site.open("/history");

        // when: Tab past the skip link to the brand, then to the search field
        new Actions(driver).sendKeys(Keys.TAB, Keys.TAB).perform();

        // then
        WebElement brand = driver.switchTo().activeElement();
        assertThat(brand.getDomAttribute("class")).isEqualTo("brand");
        assertThat(brand.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(brand.getCssValue("outline-width")).isEqualTo("3px");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        WebElement search = driver.switchTo().activeElement();
        assertThat(search.getDomAttribute("name")).isEqualTo("q");
        assertThat(search.getCssValue("outline-style")).isEqualTo("solid");
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** How many columns the elements are laid out in: distinct left edges. */
    private static long columns(List<WebElement> elements) {
        return elements.stream().map(e -> e.getRect().getX()).distinct().count();
    }

    /**
     * Landmarks, heading order, image alternatives, unique ids and the document language, as axe-core checks
     * them (landmark-one-main, page-has-heading-one, heading-order, image-alt, svg-img-alt, duplicate-id,
     * html-has-lang), over what is rendered: elements in hidden subtrees are not part of the page.
     */
    private static final String AXE_BASICS = """
            const problems = [];
            const shown = (e) => !e.closest('[hidden]') && getComputedStyle(e).display !== 'none';
            const top = (sel) => [...document.querySelectorAll(sel)].filter((e) => shown(e)
                && !e.parentElement.closest('article, aside, main, nav, section, header, footer'));
            if (!document.documentElement.lang) problems.push('html has no lang');
            if (top('header').length !== 1) problems.push('banner landmarks: ' + top('header').length);
            if (top('main').length !== 1) problems.push('main landmarks: ' + top('main').length);
            if (top('footer').length !== 1) problems.push('contentinfo landmarks: ' + top('footer').length);
            const navs = [...document.querySelectorAll('nav')].filter(shown);
            if (!navs.length) problems.push('no navigation landmark');
            navs.forEach((n) => { if (!n.getAttribute('aria-label') && !n.getAttribute('aria-labelledby')) problems.push('nav without a name'); });
            if (!document.querySelector('header nav[aria-label]')) problems.push('site navigation is not in the header');
            const names = new Set();
            [...document.querySelectorAll('nav, [role=search]')].filter(shown).forEach((l) => {
              const key = (l.getAttribute('role') || 'navigation') + ':' + (l.getAttribute('aria-label') || '');
              if (names.has(key)) problems.push('landmark not unique: ' + key);
              names.add(key);
            });
            if (!document.querySelector('header form[role=search][action$="/search"] input[name=q]')) problems.push('no search form in the header');
            const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(shown);
            if (headings.filter((h) => h.tagName === 'H1').length !== 1) problems.push('h1 count: ' + headings.filter((h) => h.tagName === 'H1').length);
            if (headings.length && headings[0].tagName !== 'H1') problems.push('first heading is ' + headings[0].tagName);
            let previous = 1;
            for (const h of headings) {
              const level = Number(h.tagName[1]);
              if (level > previous + 1) problems.push('heading skips from h' + previous + ' to h' + level + ': ' + h.textContent.trim());
              previous = level;
            }
            document.querySelectorAll('img').forEach((img) => { if (!img.hasAttribute('alt')) problems.push('img without alt: ' + img.src); });
            document.querySelectorAll('svg').forEach((svg) => {
              if (svg.getAttribute('aria-hidden') !== 'true' && !svg.getAttribute('aria-label') && !svg.querySelector('title'))
                problems.push('svg neither hidden nor named');
            });
            const ids = new Map();
            document.querySelectorAll('[id]').forEach((e) => ids.set(e.id, (ids.get(e.id) || 0) + 1));
            ids.forEach((n, id) => { if (n > 1) problems.push('duplicate id ' + id); });
            return problems;
            """;

    /**
     * WCAG AA contrast (4.5:1, 3:1 for large text) of every rendered element with text of its own, against the
     * first opaque background behind it.
     */
    private static final String CONTRAST = """
            const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
              .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
            const background = (e) => {
              for (let n = e; n; n = n.parentElement) {
                const c = rgb(getComputedStyle(n).backgroundColor);
                if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
              }
              return [255, 255, 255];
            };
            const low = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const seen = new Set();
            for (let t = walker.nextNode(); t; t = walker.nextNode()) {
              const e = t.parentElement;
              if (!t.textContent.trim() || seen.has(e)) continue;
              seen.add(e);
              const r = e.getBoundingClientRect();
              const style = getComputedStyle(e);
              if (r.width < 2 || r.height < 2 || style.visibility === 'hidden' || e.closest('[hidden], .visually-hidden, .skip-link')) continue;
              const fg = rgb(style.color);
              const l1 = lum(fg.slice(0, 3)), l2 = lum(background(e));
              const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
              if (ratio < need) low.push(e.tagName.toLowerCase() + '.' + e.className + ' "' + t.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2));
            }
            return low;
            """;
}
