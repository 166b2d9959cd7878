package dev.gophersite.common.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gophersite.common.content.Page;
import dev.gophersite.common.content.PageSummary;
import dev.gophersite.common.content.Presentation;
import dev.gophersite.common.content.Section;
import dev.gophersite.common.content.SiteIndex;
import dev.gophersite.common.log.JsonLog;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoContentStoreTest {
    private static final Duration POINTER_TTL = Duration.ofSeconds(10);
    private static final Page HISTORY = new Page(
            "history",
            "History",
            "s",
            1,
            List.of(new Section("intro", "History", "<p>x</p>", "x")),
            "t",
            "h1",
            "{}",
            Presentation.article("History"));
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final FakeDynamoDbClient dynamo = new FakeDynamoDbClient();
    private final JsonLog quiet =
            new JsonLog(DynamoContentStoreTest.class, new PrintStream(OutputStream.nullOutputStream()));
    private final StoreBackoff backoff =
            new StoreBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), now::get, Clock.systemUTC(), quiet);
    private DynamoContentStore store;

    @BeforeEach
    void loaded() {
        Map<String, AttributeValue> pointer = new HashMap<>(ContentItems.pointerKey());
        pointer.put("version", AttributeValue.fromS("v1"));
        dynamo.put(pointer);
        dynamo.put(ContentItems.indexItem(new SiteIndex("v1", List.of(HISTORY.summaryView()), "{\"pages\":[]}")));
        dynamo.put(ContentItems.pageItem("v1", HISTORY));
        store = new DynamoContentStore(dynamo, "content", POINTER_TTL, now::get, backoff);
    }

    @Test
    void when_the_store_fails_the_version_already_read_keeps_serving_marked_stale_without_calling_it() {
        // given a warm function
        store.index();
        store.page("history");
        int callsWhileUp = dynamo.calls();

        // when DynamoDB stops answering and the pointer is due to be read again
        dynamo.failWith(() -> SdkClientException.create("connect timed out"));
        now.addAndGet(POINTER_TTL.toNanos());
        SiteIndex index = store.index();
        int callsAfterFirstFailure = dynamo.calls();
        now.addAndGet(Duration.ofMillis(500).toNanos());
        SiteIndex again = store.index();

        // then the cached index and page serve, stale, and during the back-off only the first request reached the store
        assertThat(index.pages()).extracting(PageSummary::slug).containsExactly("history");
        assertThat(again).isSameAs(index);
        assertThat(store.page("history")).contains(HISTORY);
        assertThat(store.staleSince()).isPresent();
        assertThat(callsAfterFirstFailure).isEqualTo(callsWhileUp + 1);
        assertThat(dynamo.calls()).isEqualTo(callsAfterFirstFailure);
    }

    @Test
    void a_page_never_read_is_a_503_at_once_during_the_outage() {
        // given
        store.index();
        dynamo.failWith(() -> SdkClientException.create("connect timed out"));
        now.addAndGet(POINTER_TTL.toNanos());
        store.index();
        int calls = dynamo.calls();

        // when / then
        assertThatThrownBy(() -> store.page("essentials")).isInstanceOf(StoreUnavailableException.class);
        assertThat(dynamo.calls()).isEqualTo(calls);
    }

    @Test
    void after_the_back_off_the_pointer_is_re_read_off_the_request_path_and_staleness_ends() throws Exception {
        // given an outage, then DynamoDB back
        store.index();
        dynamo.failWith(() -> SdkClientException.create("connect timed out"));
        now.addAndGet(POINTER_TTL.toNanos());
        store.index();
        dynamo.failWith(null);

        // when a request comes after the back-off
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        String served = store.currentVersion();

        // then it is answered from what is known, and the trial runs beside it and ends the outage
        assertThat(served).isEqualTo("v1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (store.staleSince().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.staleSince()).isEmpty();
        assertThat(backoff.down()).isFalse();
    }

    @Test
    void without_any_version_read_yet_an_outage_is_a_503() {
        dynamo.failWith(() -> SdkClientException.create("connect timed out"));

        assertThatThrownBy(() -> store.currentVersion()).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.staleSince()).isEmpty();
    }
}
