package dev.gophersite.local;

import dev.gophersite.dynalite.Dynalite;
import dev.gophersite.dynalite.LocalDynamo;
import dev.gophersite.loader.ContentChange;
import dev.gophersite.loader.ContentException;
import dev.gophersite.loader.ContentLoader;
import dev.gophersite.loader.ContentParser;
import dev.gophersite.loader.ParsedPage;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB side of a local run: dynalite (or the given endpoint), the template's tables, and content/
 * loaded into the content table. Also points every AWS SDK in this JVM, the functions' copies included, at
 * that endpoint through system properties, which the SDK reads before the environment.
 */
public final class LocalBackend implements AutoCloseable {
    /** The table the loader fills; the functions find it through {@code TABLE_NAME: !Ref ContentTable}. */
    public static final String CONTENT_TABLE = "ContentTable";
    /** {@code AWS_ENDPOINT_URL_DYNAMODB} as a system property (AWS SDK for Java 2.x service-specific endpoint). */
    static final String ENDPOINT_PROPERTY = "aws.endpointUrlDynamoDb";

    private static final List<String> SDK_PROPERTIES =
            List.of("aws.region", "aws.accessKeyId", "aws.secretAccessKey", ENDPOINT_PROPERTY);
    /** Set by whoever started this JVM (java -D…); those win over the local values. */
    private static final Map<String, String> GIVEN = given();

    private final Dynalite dynalite;
    private final URI endpoint;
    private final DynamoDbClient dynamo;
    private final String contentTable;
    private final Path content;
    private volatile String version = "none";
    private ContentChange lastChange = ContentChange.NONE;

    private LocalBackend(Dynalite dynalite, URI endpoint, DynamoDbClient dynamo, String contentTable, Path content) {
        this.dynalite = dynalite;
        this.endpoint = endpoint;
        this.dynamo = dynamo;
        this.contentTable = contentTable;
        this.content = content;
    }

    /**
     * Starts dynalite unless {@code endpoint} is given, creates the tables, loads the content. Content that does not
     * parse is logged, not fatal: the watcher loads it once it is fixed.
     */
    public static LocalBackend start(
            SamTemplate template, Map<String, String> tableNames, Optional<URI> endpoint, String region, Path content) {
        Dynalite dynalite = endpoint.isPresent() ? null : Dynalite.start();
        URI uri = dynalite == null ? endpoint.orElseThrow() : dynalite.endpoint();
        try {
            useForSdk(uri, region);
            DynamoDbClient dynamo = DynamoDbClient.builder()
                    .endpointOverride(uri)
                    .region(Region.of(region))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(LocalDynamo.ACCESS_KEY, LocalDynamo.SECRET_KEY)))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
            Tables.ensure(dynamo, template, tableNames, Log::info);
            LocalBackend backend = new LocalBackend(dynalite, uri, dynamo, tableNames.get(CONTENT_TABLE), content);
            Log.info(backend.reloadContent());
            return backend;
        } catch (RuntimeException e) {
            if (dynalite != null) {
                dynalite.close();
            }
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean ownsDynamo() {
        return dynalite != null;
    }

    public String contentVersion() {
        return version;
    }

    /** What the last reload changed; nothing when it changed nothing or failed. */
    public synchronized ContentChange lastChange() {
        return lastChange;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    /** Parses content/ and loads it as a new version; on invalid content the current version stays. */
    public synchronized String reloadContent() {
        lastChange = ContentChange.NONE;
        if (contentTable == null) {
            return "content not loaded: the template has no " + CONTENT_TABLE;
        }
        List<ParsedPage> pages;
        try {
            pages = new ContentParser().parseDirectory(content);
        } catch (ContentException e) {
            return "content not reloaded, still serving version " + version + ": " + e.getMessage();
        }
        try {
            ContentLoader.Result result =
                    new ContentLoader(dynamo, contentTable, Clock.systemUTC(), message -> {}).load(pages);
            version = result.version();
            lastChange = result.change();
            return result.changed()
                    ? "content reloaded as version " + version + " (" + pages.size() + " pages)"
                    : "content unchanged at version " + version;
        } catch (RuntimeException e) {
            Log.error("content not reloaded, still serving version " + version, e);
            return "content not reloaded: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        dynamo.close();
        if (dynalite != null) {
            dynalite.close();
        }
    }

    private static void useForSdk(URI endpoint, String region) {
        Map<String, String> local = Map.of(
                "aws.region",
                region,
                "aws.accessKeyId",
                LocalDynamo.ACCESS_KEY,
                "aws.secretAccessKey",
                LocalDynamo.SECRET_KEY,
                ENDPOINT_PROPERTY,
                endpoint.toString());
        local.forEach((name, value) -> {
            if (!GIVEN.containsKey(name)) {
                System.setProperty(name, value);
            }
        });
    }

    private static Map<String, String> given() {
        Map<String, String> given = new HashMap<>();
        for (String name : SDK_PROPERTIES) {
            String value = System.getProperty(name);
            if (value != null) {
                given.put(name, value);
            }
        }
        return given;
    }
}
