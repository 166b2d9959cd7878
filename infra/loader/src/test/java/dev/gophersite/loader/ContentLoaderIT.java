package dev.gophersite.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentSettings;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.StoreBackoff;
import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.DynaliteExtension;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynaliteExtension.class)
class ContentLoaderIT {
    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void createTable(Dynalite dynalite) {
        dynamo = LocalDynamo.client(dynalite.endpoint());
        table = "content-" + UUID.randomUUID();
        Tables.ensure(
                dynamo, SamTemplate.load(TestPaths.template()), Map.of("ContentTable", table), System.out::println);
    }

    @Test
    void loads_every_page_and_serves_it_through_the_store() {
        // when
        ContentLoader.Result result = new ContentLoader(dynamo, table).loadDirectory(TestPaths.content());

        // then
        DynamoContentStore store = store();
        assertThat(result.changed()).isTrue();
        assertThat(store.currentVersion()).isEqualTo(result.version());
        assertThat(store.index().pages()).hasSize(8);
        Page history = store.page("history").orElseThrow();
        assertThat(history.json())
                .contains("\"slug\":\"history\"")
                .contains("Griesemer")
                .contains("\"version\":\"" + history.hash());
        assertThat(store.allPages()).hasSize(8);
        // the sections' authored questions are stored with the version for /ask, never shown in the page API
        assertThat(history.sections())
                .allSatisfy(section -> assertThat(section.questions()).isNotEmpty());
        assertThat(history.sections()).flatMap(Section::questions).contains("who created go");
        assertThat(history.json()).doesNotContain("who created go");
    }

    @Test
    void loading_the_same_content_twice_changes_nothing() {
        // given
        ContentLoader loader = new ContentLoader(dynamo, table);
        loader.loadDirectory(TestPaths.content());
        List<Map<String, AttributeValue>> before = snapshot();

        // when
        ContentLoader.Result second = loader.loadDirectory(TestPaths.content());

        // then
        assertThat(second.changed()).isFalse();
        assertThat(second.itemsWritten()).isZero();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void removed_page_disappears_and_old_versions_are_cleaned_up(@TempDir Path dir) throws IOException {
        // given
        copyContent(dir);
        ContentLoader loader = immediateCleanup();
        loader.loadDirectory(dir);
        Files.writeString(dir.resolve("future.md"), Files.readString(dir.resolve("future.md")) + "\nOne more line.\n");
        loader.loadDirectory(dir);

        // when
        Files.delete(dir.resolve("compare.md"));
        ContentLoader.Result third = loader.loadDirectory(dir);

        // then
        DynamoContentStore store = store();
        assertThat(store.page("compare")).isEmpty();
        assertThat(store.index().pages()).hasSize(7);
        assertThat(third.versionsRemoved()).isEqualTo(1);
        assertThat(versionsStored()).hasSize(2);
    }

    @Test
    void unchanged_pages_keep_their_updated_at(@TempDir Path dir) throws IOException {
        // given
        copyContent(dir);
        ContentLoader loader = new ContentLoader(dynamo, table);
        loader.loadDirectory(dir);
        String before = store().page("history").orElseThrow().updatedAt();

        // when
        Files.writeString(dir.resolve("future.md"), Files.readString(dir.resolve("future.md")) + "\nOne more line.\n");
        loader.loadDirectory(dir);

        // then
        assertThat(store().page("history").orElseThrow().updatedAt()).isEqualTo(before);
        assertThat(store().page("future").orElseThrow().json()).contains("One more line.");
    }

    @Test
    void invalid_content_writes_nothing(@TempDir Path dir) throws IOException {
        // given
        copyContent(dir);
        new ContentLoader(dynamo, table).loadDirectory(dir);
        List<Map<String, AttributeValue>> before = snapshot();
        Files.writeString(
                dir.resolve("future.md"),
                Files.readString(dir.resolve("future.md")).replace("title:", "titel:"));

        // then
        assertThatThrownBy(() -> new ContentLoader(dynamo, table).loadDirectory(dir))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("future.md");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_load_killed_midway_leaves_the_previous_site_complete_and_the_next_load_finishes(@TempDir Path dir)
            throws IOException {
        // given
        copyContent(dir);
        new ContentLoader(dynamo, table).loadDirectory(dir);
        DynamoContentStore reader = store();
        String oldVersion = reader.currentVersion();
        List<String> oldJson = reader.allPages().stream().map(Page::json).toList();
        for (Path page : pages(dir)) {
            Files.writeString(page, Files.readString(page) + "\nEdited in the second load.\n");
        }

        // when the loader dies after its first writes
        assertThatThrownBy(() -> new ContentLoader(new FailingDynamoDbClient(dynamo, 1), table).loadDirectory(dir))
                .hasMessageContaining("injected failure");

        // then readers still see the complete old site
        DynamoContentStore fresh = store();
        assertThat(fresh.currentVersion()).isEqualTo(oldVersion);
        assertThat(fresh.allPages().stream().map(Page::json).toList()).isEqualTo(oldJson);

        // and the next run completes, removing the leftovers of the failed one
        ContentLoader.Result retry = immediateCleanup().loadDirectory(dir);
        DynamoContentStore after = store();
        assertThat(after.currentVersion()).isEqualTo(retry.version()).isNotEqualTo(oldVersion);
        assertThat(after.allPages())
                .hasSize(8)
                .allSatisfy(p -> assertThat(p.json()).contains("Edited in the second load."));
        assertThat(versionsStored()).containsExactlyInAnyOrder(oldVersion, retry.version());
    }

    @Test
    void versions_younger_than_the_keep_period_survive_cleanup(@TempDir Path dir) throws IOException {
        // given three loads in a row, with the default keep period
        copyContent(dir);
        ContentLoader loader = new ContentLoader(dynamo, table);
        loader.loadDirectory(dir);
        for (String edit : List.of("First edit.", "Second edit.")) {
            Files.writeString(
                    dir.resolve("future.md"), Files.readString(dir.resolve("future.md")) + "\n" + edit + "\n");
            loader.loadDirectory(dir);
        }

        // then the oldest, no longer current or previous, is still there: a reader may hold it
        assertThat(versionsStored()).hasSize(3);
    }

    private ContentLoader immediateCleanup() {
        return new ContentLoader(dynamo, table, java.time.Clock.systemUTC(), message -> {}, Duration.ZERO);
    }

    private DynamoContentStore store() {
        return new DynamoContentStore(
                dynamo, new ContentSettings(table, Duration.ZERO), new StoreBackoff(new JsonLog(StoreBackoff.class)));
    }

    private List<Map<String, AttributeValue>> snapshot() {
        List<Map<String, AttributeValue>> items = new ArrayList<>(
                dynamo.scan(b -> b.tableName(table).consistentRead(true)).items());
        items.sort(Comparator.comparing(i -> i.get("pk").s() + "/" + i.get("sk").s()));
        return items;
    }

    private List<String> versionsStored() {
        return snapshot().stream()
                .map(i -> i.get("pk").s())
                .filter(pk -> pk.startsWith("V#"))
                .map(pk -> pk.substring(2))
                .distinct()
                .toList();
    }

    private static void copyContent(Path dir) throws IOException {
        for (Path page : pages(TestPaths.content())) {
            Files.copy(page, dir.resolve(page.getFileName().toString()));
        }
    }

    private static List<Path> pages(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }
}
