package dev.gophersite.loader.deploy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** What a deployed stack tells the loader through its outputs (template.yaml, Outputs). */
public record StackOutputs(String stack, Map<String, String> values) {
    static final String CONTENT_TABLE = "ContentTableName";
    static final String FUNCTIONS = "FunctionNames";
    static final String DISTRIBUTION = "DistributionId";

    public static StackOutputs read(CloudFormationClient cloudFormation, String stack) {
        List<Stack> stacks =
                cloudFormation.describeStacks(b -> b.stackName(stack)).stacks();
        if (stacks.isEmpty()) {
            throw new IllegalStateException("no stack named " + stack);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Output output : stacks.getFirst().outputs()) {
            values.put(output.outputKey(), output.outputValue());
        }
        return new StackOutputs(stack, Map.copyOf(values));
    }

    public String contentTable() {
        return required(CONTENT_TABLE);
    }

    /** The functions whose published versions serve the site, each behind the alias the API calls. */
    public List<String> functions() {
        return Arrays.stream(required(FUNCTIONS).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The CloudFront distribution in front of the API, when the stack has one. */
    public Optional<String> distributionId() {
        return Optional.ofNullable(values.get(DISTRIBUTION)).filter(id -> !id.isBlank());
    }

    private String required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(
                    "stack " + stack + " has no output " + key + "; deploy the current template.yaml first");
        }
        return value;
    }
}
