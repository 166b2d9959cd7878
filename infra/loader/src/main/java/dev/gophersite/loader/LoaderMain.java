package dev.gophersite.loader;

import dev.gophersite.infra.SamTemplate;
import dev.gophersite.infra.Tables;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar infra/loader/target/loader.jar --table NAME [--content DIR] [--create-tables template.yaml]}.
 * Endpoint, region and credentials come from the standard AWS SDK settings ({@code AWS_REGION},
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, profiles), so the same command loads a real deployment or a local server.
 */
public final class LoaderMain {
    private LoaderMain() {
    }

    public static void main(String[] args) {
        String table = null;
        Path content = Path.of("content");
        Path template = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table" -> table = value(args, ++i);
                case "--content" -> content = Path.of(value(args, ++i));
                case "--create-tables" -> template = Path.of(value(args, ++i));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (table == null) {
            usage("--table is required");
        }
        List<ParsedPage> pages;
        try {
            pages = new ContentParser().parseDirectory(content);
        } catch (ContentException e) {
            System.err.println("invalid content, nothing written: " + e.getMessage());
            System.exit(2);
            return;
        }
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            run(dynamo, table, template, pages);
        } catch (SdkException | IllegalStateException e) {
            System.err.println("load failed, the site still serves its previous version: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(DynamoDbClient dynamo, String table, Path template, List<ParsedPage> pages) {
        if (template != null) {
            Tables.ensure(dynamo, SamTemplate.load(template), Map.of("ContentTable", table), System.out::println);
        }
        ContentLoader.Result result = new ContentLoader(dynamo, table, java.time.Clock.systemUTC(),
                System.out::println).load(pages);
        System.out.println((result.changed() ? "loaded " : "unchanged ") + pages.size() + " pages into " + table
                + " as version " + result.version());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: loader --table NAME [--content DIR] [--create-tables template.yaml]");
        System.exit(64);
    }
}
