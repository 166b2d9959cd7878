package dev.gophersite.template;

import dev.gophersite.infra.SamTemplate;
import dev.gophersite.local.template.Intrinsics;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A function's IAM permissions as a deployment with given parameter values grants them: its {@code Policies}
 * with conditions applied and SAM policy templates expanded, as "action on resource" pairs. Resources are named
 * by logical id ({@code ContentTable}, {@code ContentTable/index/*}) or, for other ARNs, resolved for a fake
 * account in us-east-1.
 */
final class Policies {
    static final String REGION = "us-east-1";
    /**
     * What SAM expands its DynamoDB policy templates to (samtranslator policy_templates.json, SAM 1.110): each is
     * these actions on the table and on {@code table/index/*}. A template not listed here fails the expansion
     * rather than being guessed.
     */
    static final Map<String, List<String>> SAM_TABLE_TEMPLATES = Map.of(
            "DynamoDBReadPolicy", List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
                    "dynamodb:BatchGetItem", "dynamodb:DescribeTable"),
            "DynamoDBWritePolicy", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"),
            "DynamoDBCrudPolicy", List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem",
                    "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem",
                    "dynamodb:BatchGetItem", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"));

    private final SamTemplate template;
    private final Intrinsics intrinsics;

    Policies(SamTemplate template, Map<String, String> parameters) {
        this.template = template;
        this.intrinsics = new Intrinsics(template, Map.of(), REGION, parameters);
    }

    /** Every "action on resource" the function's policies grant. */
    Set<String> grants(String function) {
        Set<String> grants = new TreeSet<>();
        Object policies = SamTemplate.properties(template.resources().get(function)).getOrDefault("Policies", List.of());
        for (Object policy : (List<?>) policies) {
            expand(function, applyConditions(policy), grants);
        }
        return grants;
    }

    /** {@code !If} branches chosen, {@code AWS::NoValue} as null. */
    Object applyConditions(Object node) {
        if (node instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Fn::If")) {
            List<?> branches = (List<?>) map.get("Fn::If");
            return applyConditions(intrinsics.condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
        }
        if (node instanceof Map<?, ?> map && map.equals(Map.of("Ref", "AWS::NoValue"))) {
            return null;
        }
        return node;
    }

    private void expand(String function, Object policy, Set<String> grants) {
        if (policy == null) {
            return;
        }
        if (!(policy instanceof Map<?, ?> map) || map.size() != 1) {
            throw new IllegalArgumentException(function + ": a managed policy or unknown policy form " + policy
                    + " cannot be checked; write its statements out");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String name = String.valueOf(entry.getKey());
        if (name.equals("Statement")) {
            for (Object statement : (List<?>) entry.getValue()) {
                statement((Map<?, ?>) applyConditions(statement), grants);
            }
            return;
        }
        List<String> actions = SAM_TABLE_TEMPLATES.get(name);
        if (actions == null) {
            throw new IllegalArgumentException(function + ": SAM policy template " + name + " has no expansion here;"
                    + " add it from SAM's policy_templates.json");
        }
        String table = resource(((Map<?, ?>) entry.getValue()).get("TableName"));
        for (String action : actions) {
            grants.add(action + " on " + table);
            grants.add(action + " on " + table + "/index/*");
        }
    }

    private void statement(Map<?, ?> statement, Set<String> grants) {
        if (!"Allow".equals(statement.get("Effect"))) {
            throw new IllegalArgumentException("only Allow statements are expected, found " + statement);
        }
        for (Object action : list(statement.get("Action"))) {
            for (Object resource : list(statement.get("Resource"))) {
                grants.add(action + " on " + resource(resource));
            }
        }
    }

    /** A table by its logical id; anything else resolved as the dev server resolves intrinsics. */
    private String resource(Object resource) {
        if (resource instanceof Map<?, ?> map && map.get("Fn::GetAtt") instanceof List<?> att
                && "Arn".equals(att.get(1))) {
            return String.valueOf(att.get(0));
        }
        if (resource instanceof Map<?, ?> map && map.get("Ref") instanceof String ref
                && template.resources().containsKey(ref)) {
            return ref;
        }
        return intrinsics.resolve(resource);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }
}
