package dev.gophersite.loader.deploy;

import dev.gophersite.loader.ContentLoader;
import dev.gophersite.loader.ParsedPage;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Content into a deployed stack, then every function re-published so its SnapStart snapshot holds that content
 * and the configuration now deployed. Run after every {@code sam deploy} and every content change; with nothing
 * changed it publishes nothing new.
 */
public final class StackLoad {
    private final CloudFormationClient cloudFormation;
    private final DynamoDbClient dynamo;
    private final FunctionVersions versions;
    private final Clock clock;
    private final Consumer<String> log;

    public record Result(StackOutputs stack, ContentLoader.Result content, List<FunctionVersions.Published> published) {
    }

    public StackLoad(CloudFormationClient cloudFormation, DynamoDbClient dynamo, FunctionVersions versions, Clock clock,
                     Consumer<String> log) {
        this.cloudFormation = cloudFormation;
        this.dynamo = dynamo;
        this.versions = versions;
        this.clock = clock;
        this.log = log;
    }

    public Result run(String stack, List<ParsedPage> pages) {
        StackOutputs outputs = StackOutputs.read(cloudFormation, stack);
        ContentLoader.Result content = new ContentLoader(dynamo, outputs.contentTable(), clock, log).load(pages);
        List<FunctionVersions.Published> published = versions.republish(outputs.functions(), content.version());
        return new Result(outputs, content, published);
    }
}
