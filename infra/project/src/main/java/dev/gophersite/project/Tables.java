package dev.gophersite.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the template's {@code AWS::DynamoDB::Table} resources on a local DynamoDB API (dynalite, LocalStack),
 * as CloudFormation would: keys and billing from the template. Settings the local server cannot apply
 * (TTL on dynalite, point-in-time recovery) are skipped with a log line.
 */
public final class Tables {
    private Tables() {}

    /** Ensures every table of the template exists; {@code names} maps logical ids to table names. */
    public static void ensure(
            DynamoDbClient dynamo, SamTemplate template, Map<String, String> names, Consumer<String> log) {
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((logicalId, resource) -> {
            String name = names.get(logicalId);
            if (name != null) {
                ensure(dynamo, SamTemplate.properties(resource), name, log);
            }
        });
    }

    @SuppressWarnings("unchecked")
    static void ensure(DynamoDbClient dynamo, Map<String, Object> props, String name, Consumer<String> log) {
        if (exists(dynamo, name)) {
            return;
        }
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) props.get("AttributeDefinitions")) {
            attributes.add(AttributeDefinition.builder()
                    .attributeName((String) a.get("AttributeName"))
                    .attributeType((String) a.get("AttributeType"))
                    .build());
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Map<String, Object> k : (List<Map<String, Object>>) props.get("KeySchema")) {
            keys.add(KeySchemaElement.builder()
                    .attributeName((String) k.get("AttributeName"))
                    .keyType((String) k.get("KeyType"))
                    .build());
        }
        CreateTableRequest request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(attributes)
                .keySchema(keys)
                .billingMode(
                        BillingMode.fromValue(String.valueOf(props.getOrDefault("BillingMode", "PAY_PER_REQUEST"))))
                .build();
        try {
            dynamo.createTable(request);
        } catch (ResourceInUseException alreadyCreated) {
            return;
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        Object ttl = props.get("TimeToLiveSpecification");
        if (ttl instanceof Map<?, ?> spec && Boolean.TRUE.equals(spec.get("Enabled"))) {
            try {
                dynamo.updateTimeToLive(b -> b.tableName(name)
                        .timeToLiveSpecification(t -> t.attributeName((String) spec.get("AttributeName"))
                                .enabled(true)));
            } catch (DynamoDbException e) {
                log.accept("table " + name + ": TTL on " + spec.get("AttributeName")
                        + " skipped, this DynamoDB server does not support UpdateTimeToLive");
            }
        }
        if (props.containsKey("PointInTimeRecoverySpecification")) {
            log.accept("table " + name + ": point-in-time recovery skipped locally (an AWS backup feature)");
        }
    }

    public static boolean exists(DynamoDbClient dynamo, String name) {
        try {
            return dynamo.describeTable(b -> b.tableName(name)).table().tableStatus() != TableStatus.DELETING;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
