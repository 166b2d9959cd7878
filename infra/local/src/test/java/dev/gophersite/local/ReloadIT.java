package dev.gophersite.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gophersite.common.store.ContentItems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits under content/ are loaded as a new version while the server runs; broken edits keep the old one. */
class ReloadIT {
    @TempDir
    static Path dir;

    static LocalSite site;
    static Path content;

    @BeforeAll
    static void start() throws Exception {
        Path template = TestSites.workspace(dir, "echo.yaml");
        content = template.resolveSibling("content");
        site = LocalSite.start(TestSites.settings(template, Map.of(), 1));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void edited_page_becomes_the_current_version_and_invalid_content_keeps_it() throws Exception {
        // given
        String first = site.backend().contentVersion();
        Path page = content.resolve("why-go.md");

        // when
        Files.writeString(page, Files.readString(page) + "\nOne more sentence about goroutines.\n");
        String second = await(() -> site.backend().contentVersion(), version -> !version.equals(first));

        // then
        assertThat(second).isNotEqualTo(first);
        assertThat(storedVersion()).isEqualTo(second);

        // when
        Files.writeString(content.resolve("broken.md"), "no front matter here\n");
        Thread.sleep(1500);

        // then
        assertThat(site.backend().contentVersion()).isEqualTo(second);
        assertThat(storedVersion()).isEqualTo(second);
    }

    private static String storedVersion() {
        return site.backend()
                .dynamo()
                .getItem(b -> b.tableName("gopher-site-content")
                        .key(ContentItems.pointerKey())
                        .consistentRead(true))
                .item()
                .get("version")
                .s();
    }

    static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            current = value.get();
        }
        return current;
    }
}
