package dev.gophersite.loader;

import dev.gophersite.loader.deploy.EdgeInvalidation;
import dev.gophersite.loader.deploy.FunctionVersions;
import dev.gophersite.loader.deploy.StackLoad;
import dev.gophersite.project.SamTemplate;
import dev.gophersite.project.Tables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code java -jar infra/loader/target/loader.jar --stack NAME [--content DIR]} loads a deployed stack and
 * re-publishes its functions (see {@link StackLoad}); {@code --table NAME [--create-tables template.yaml]} loads one
 * table, as the dev server and the tests do. Endpoint, region and credentials come from the standard AWS SDK
 * settings ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL_DYNAMODB}, profiles).
 */
public final class LoaderMain {
    /** template.yaml's CONTENT_POINTER_TTL_MILLIS, with a second to spare. */
    private static final Duration POINTER_TTL = Duration.ofSeconds(11);

    private LoaderMain() {}

    public static void main(String[] args) {
        String table = null;
        String stack = null;
        Path content = Path.of("content");
        Path template = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table" -> table = value(args, ++i);
                case "--stack" -> stack = value(args, ++i);
                case "--content" -> content = Path.of(value(args, ++i));
                case "--create-tables" -> template = Path.of(value(args, ++i));
                default -> usage("unknown argument " + args[i]);
            }
        }
        if ((table == null) == (stack == null)) {
            usage("give either --stack or --table");
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
            if (stack != null) {
                deployed(dynamo, stack, pages);
            } else {
                run(dynamo, table, template, pages);
            }
        } catch (SdkException | IllegalStateException e) {
            System.err.println("load failed, the site still serves its previous version: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void deployed(DynamoDbClient dynamo, String stack, List<ParsedPage> pages) {
        try (CloudFormationClient cloudFormation = CloudFormationClient.create();
                LambdaClient lambda = LambdaClient.create();
                CloudFrontClient cloudFront =
                        CloudFrontClient.builder().region(Region.AWS_GLOBAL).build()) {
            FunctionVersions versions = new FunctionVersions(
                    lambda, "live", Duration.ofMinutes(15), Duration.ofSeconds(5), System.out::println);
            StackLoad.Result result = new StackLoad(
                            cloudFormation,
                            dynamo,
                            versions,
                            new EdgeInvalidation(cloudFront),
                            POINTER_TTL,
                            Clock.systemUTC(),
                            System.out::println)
                    .run(stack, pages);
            System.out.println((result.content().changed() ? "loaded " : "unchanged ") + pages.size() + " pages into "
                    + result.stack().contentTable() + " as version "
                    + result.content().version() + "; "
                    + result.published().size() + " functions serve it from a snapshot primed with it"
                    + result.invalidation()
                            .map(id -> "; edge invalidation " + id)
                            .orElse(""));
        }
    }

    private static void run(DynamoDbClient dynamo, String table, Path template, List<ParsedPage> pages) {
        if (template != null) {
            Tables.ensure(dynamo, SamTemplate.load(template), Map.of("ContentTable", table), System.out::println);
        }
        ContentLoader.Result result =
                new ContentLoader(dynamo, table, java.time.Clock.systemUTC(), System.out::println).load(pages);
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
        System.err.println("usage: loader --stack NAME [--content DIR]");
        System.err.println("       loader --table NAME [--content DIR] [--create-tables template.yaml]");
        System.exit(64);
    }
}
