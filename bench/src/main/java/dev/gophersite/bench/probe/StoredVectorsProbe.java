package dev.gophersite.bench.probe;

import dev.gophersite.ask.index.Embedder;
import dev.gophersite.ask.index.OnnxEmbedder;
import dev.gophersite.ask.index.RetrievalOptions;
import dev.gophersite.ask.index.SearchIndex;
import dev.gophersite.ask.index.Vectors;
import dev.gophersite.ask.wiring.AskSettings;
import dev.gophersite.common.Hashes;
import dev.gophersite.common.log.JsonLog;
import dev.gophersite.common.store.ContentItems;
import dev.gophersite.common.store.DynamoContentStore;
import dev.gophersite.common.store.DynamoDbClients;
import dev.gophersite.common.store.StoreBackoff;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where the statement vectors of a site version are computed: at index build, in every cold function (shipped), or
 * once by the loader and stored with the version, which every cold function then reads instead. The second path
 * is written here only as far as measuring it needs, against the same content table the function reads.
 *
 * <pre>
 * StoredVectorsProbe store   as the loader would: embed every statement, write the vectors under the current
 *                            version, read them back and compare; one JSON line
 * StoredVectorsProbe embed   a cold function computing them: pages read, lexical index, model loaded, statements
 *                            embedded; one JSON line of the phases
 * StoredVectorsProbe read    a cold function reading them: the same, with the stored vectors read instead of
 *                            computed (the model still loads, for the questions)
 * </pre>
 */
public final class StoredVectorsProbe {
    /** 200 vectors of 384 floats are 300 KB, under DynamoDB's 400 KB item limit. */
    static final int VECTORS_PER_ITEM = 200;

    static final String PREFIX = "VECTORS#";

    private StoredVectorsProbe() {}

    public static void main(String[] args) {
        long start = System.nanoTime();
        AskSettings settings = AskSettings.fromEnv();
        DynamoDbClient dynamo = DynamoDbClients.create(settings.dynamo());
        DynamoContentStore store =
                new DynamoContentStore(dynamo, settings.content(), new StoreBackoff(new JsonLog(StoreBackoff.class)));
        String version = store.currentVersion();
        SearchIndex index = SearchIndex.build(version, store.allPages(), RetrievalOptions.bm25());
        List<String> texts = Vectors.statementTexts(index.lexical().passages(), index.statements());
        String textsHash = Hashes.sha256Hex(String.join("\n", texts));
        double indexed = millisSince(start);
        Embedder model = OnnxEmbedder.miniLm();
        model.embedQuery("warm up");
        double loaded = millisSince(start);
        String table = settings.content().table();
        String line = switch (args[0]) {
            case "store" -> {
                List<float[]> vectors = model.embedAll(texts);
                double embedded = millisSince(start);
                int bytes = write(dynamo, table, version, model.model(), textsHash, vectors);
                double written = millisSince(start);
                List<float[]> back = read(dynamo, table, version, model.model(), textsHash, texts.size());
                boolean exact = true;
                for (int i = 0; i < vectors.size(); i++) {
                    exact &= Arrays.equals(vectors.get(i), back.get(i));
                }
                yield String.format(
                        Locale.ROOT,
                        "{\"mode\":\"store\",\"statements\":%d,\"bytes\":%d,\"items\":%d,"
                                + "\"embed_ms\":%.1f,\"write_ms\":%.1f,\"read_back_exact\":%s}",
                        texts.size(),
                        bytes,
                        items(texts.size()),
                        embedded - loaded,
                        written - embedded,
                        exact);
            }
            case "embed" -> {
                List<float[]> vectors = model.embedAll(texts);
                yield phases("embed", indexed, loaded, millisSince(start), vectors.size());
            }
            case "read" -> {
                List<float[]> vectors = read(dynamo, table, version, model.model(), textsHash, texts.size());
                yield phases("read", indexed, loaded, millisSince(start), vectors.size());
            }
            default -> throw new IllegalArgumentException("store | embed | read, not " + args[0]);
        };
        System.out.println(line);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static String phases(String mode, double indexed, double loaded, double ready, int vectors) {
        return String.format(
                Locale.ROOT,
                "{\"mode\":\"%s\",\"vectors\":%d,\"index_ms\":%.1f,\"model_load_ms\":%.1f,"
                        + "\"vectors_ms\":%.1f,\"meaning_ready_ms\":%.1f}",
                mode,
                vectors,
                indexed,
                loaded - indexed,
                ready - loaded,
                ready);
    }

    private static int items(int vectors) {
        return (vectors + VECTORS_PER_ITEM - 1) / VECTORS_PER_ITEM;
    }

    private static int write(
            DynamoDbClient dynamo,
            String table,
            String version,
            String model,
            String textsHash,
            List<float[]> vectors) {
        int bytes = 0;
        for (int item = 0; item < items(vectors.size()); item++) {
            List<float[]> part =
                    vectors.subList(item * VECTORS_PER_ITEM, Math.min(vectors.size(), (item + 1) * VECTORS_PER_ITEM));
            ByteBuffer buffer = ByteBuffer.allocate(part.size() * part.getFirst().length * Float.BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            FloatBuffer floats = buffer.asFloatBuffer();
            part.forEach(floats::put);
            bytes += buffer.capacity();
            Map<String, AttributeValue> value = new HashMap<>(ContentItems.key(
                    ContentItems.versionPk(version), PREFIX + model + "#" + String.format(Locale.ROOT, "%04d", item)));
            value.put("texts", AttributeValue.fromS(textsHash));
            value.put("dims", AttributeValue.fromN(Integer.toString(part.getFirst().length)));
            value.put("v", AttributeValue.fromB(SdkBytes.fromByteArray(buffer.array())));
            dynamo.putItem(b -> b.tableName(table).item(value));
        }
        return bytes;
    }

    /** Every vector item of the version and model, in order; vectors made from other texts are refused. */
    private static List<float[]> read(
            DynamoDbClient dynamo, String table, String version, String model, String textsHash, int expected) {
        List<float[]> vectors = new ArrayList<>(expected);
        Iterable<Map<String, AttributeValue>> items = dynamo.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(
                                ":pk",
                                AttributeValue.fromS(ContentItems.versionPk(version)),
                                ":prefix",
                                AttributeValue.fromS(PREFIX + model + "#"))))
                .items();
        for (Map<String, AttributeValue> item : items) {
            if (!item.get("texts").s().equals(textsHash)) {
                throw new IllegalStateException("stored vectors were made from other statements");
            }
            int dims = Integer.parseInt(item.get("dims").n());
            FloatBuffer floats = item.get("v")
                    .b()
                    .asByteBuffer()
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer();
            while (floats.remaining() >= dims) {
                float[] v = new float[dims];
                floats.get(v);
                vectors.add(v);
            }
        }
        if (vectors.size() != expected) {
            throw new IllegalStateException("stored " + vectors.size() + " vectors for " + expected + " statements");
        }
        return vectors;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
