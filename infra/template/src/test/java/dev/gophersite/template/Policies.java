package dev.gophersite.template;

import dev.gophersite.local.template.Intrinsics;
import dev.gophersite.project.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's IAM permissions as a deployment with given parameter values grants them, as "action on resource"
 * pairs, with what SAM adds on its own: conditions applied, SAM policy templates expanded, and AWS managed
 * policies expanded to their documents. Resources are named by logical id ({@code ContentTable},
 * {@code ContentTable/index/*}, {@code AskFunctionLogs}) or, for other ARNs, resolved for a fake account in
 * {@link #REGION} unless another region is given.
 *
 * <p>What SAM does with a function's role, read in aws/serverless-application-model (samtranslator 1.110.0,
 * {@code SamFunction._construct_role} in samtranslator/model/sam_resources.py) and confirmed by running that
 * transform on template.yaml: without a {@code Role}, it generates one with {@code AWSLambdaBasicExecutionRole}
 * always, {@code AWSLambdaVPCAccessExecutionRole} whenever {@code VpcConfig} is present (an {@code !If} that
 * resolves to {@code AWS::NoValue} still counts: SAM cannot evaluate it), X-Ray's policy with {@code Tracing},
 * and the function's {@code Policies}. With a {@code Role}, it generates nothing and {@code Policies} is unused.
 */
final class Policies {
    static final String REGION = "us-east-1";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");
    /**
     * What SAM expands its DynamoDB policy templates to (samtranslator policy_templates.json, SAM 1.110): each is
     * these actions on the table and on {@code table/index/*}. A template not listed here fails the expansion
     * rather than being guessed.
     */
    static final Map<String, List<String>> SAM_TABLE_TEMPLATES = Map.of(
            "DynamoDBReadPolicy",
                    List.of(
                            "dynamodb:GetItem",
                            "dynamodb:Scan",
                            "dynamodb:Query",
                            "dynamodb:BatchGetItem",
                            "dynamodb:DescribeTable"),
            "DynamoDBWritePolicy", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"),
            "DynamoDBCrudPolicy",
                    List.of(
                            "dynamodb:GetItem",
                            "dynamodb:DeleteItem",
                            "dynamodb:PutItem",
                            "dynamodb:Scan",
                            "dynamodb:Query",
                            "dynamodb:UpdateItem",
                            "dynamodb:BatchWriteItem",
                            "dynamodb:BatchGetItem",
                            "dynamodb:DescribeTable",
                            "dynamodb:ConditionCheckItem"));
    /**
     * The AWS managed policies SAM attaches, by name, as their current documents (AWS Managed Policy Reference:
     * AWSLambdaBasicExecutionRole v1; AWSLambdaVPCAccessExecutionRole v3, edited 2024-01-05): every action on
     * {@code *}.
     */
    static final Map<String, List<String>> MANAGED = Map.of(
            "AWSLambdaBasicExecutionRole", List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
            "AWSLambdaVPCAccessExecutionRole",
                    List.of(
                            "logs:CreateLogGroup",
                            "logs:CreateLogStream",
                            "logs:PutLogEvents",
                            "ec2:CreateNetworkInterface",
                            "ec2:DescribeNetworkInterfaces",
                            "ec2:DescribeSubnets",
                            "ec2:DeleteNetworkInterface",
                            "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses"));

    private final SamTemplate template;
    private final Intrinsics intrinsics;

    Policies(SamTemplate template, Map<String, String> parameters) {
        this(template, parameters, REGION);
    }

    Policies(SamTemplate template, Map<String, String> parameters, String region) {
        this.template = template;
        this.intrinsics = new Intrinsics(template, Map.of(), region, parameters);
    }

    /** Every "action on resource" the function's role grants, "… if key=value" for a conditioned statement. */
    Set<String> grants(String function) {
        Set<String> grants = new TreeSet<>();
        Map<String, Object> props = SamTemplate.properties(template.resources().get(function));
        if (props.containsKey("Role")) {
            role(function, props.get("Role"), grants);
            return grants;
        }
        managed("AWSLambdaBasicExecutionRole", grants);
        if (props.containsKey("VpcConfig")) {
            managed("AWSLambdaVPCAccessExecutionRole", grants);
        }
        if (props.containsKey("Tracing")) {
            throw new IllegalArgumentException(
                    function + ": Tracing adds X-Ray's managed policy; add its document here");
        }
        for (Object policy : (List<?>) props.getOrDefault("Policies", List.of())) {
            expand(function, applyConditions(policy), grants);
        }
        return grants;
    }

    /** Every "action on resource" a customer managed policy of the template grants. */
    Set<String> policyGrants(String logicalId) {
        Map<String, Object> resource = template.resources().get(logicalId);
        if (resource == null || !"AWS::IAM::ManagedPolicy".equals(resource.get("Type"))) {
            throw new IllegalArgumentException(logicalId + " is not an AWS::IAM::ManagedPolicy of the template");
        }
        Set<String> grants = new TreeSet<>();
        Map<?, ?> document = (Map<?, ?>) SamTemplate.properties(resource).get("PolicyDocument");
        for (Object statement : list(document.get("Statement"))) {
            Object chosen = applyConditions(statement);
            if (chosen != null) {
                statement((Map<?, ?>) chosen, grants);
            }
        }
        return grants;
    }

    /** The managed policies the function's role ends up with, by name. */
    Set<String> managedPolicies(String function) {
        Set<String> names = new TreeSet<>();
        Map<String, Object> props = SamTemplate.properties(template.resources().get(function));
        if (!props.containsKey("Role")) {
            names.add("AWSLambdaBasicExecutionRole");
            if (props.containsKey("VpcConfig")) {
                names.add("AWSLambdaVPCAccessExecutionRole");
            }
            return names;
        }
        for (Object arn :
                list(applyConditions(roleProperties(function, props.get("Role")).get("ManagedPolicyArns")))) {
            names.add(managedName(intrinsics.resolve(arn)));
        }
        return names;
    }

    /** A value as these parameters resolve it, as the dev server resolves intrinsics. */
    String resolved(Object value) {
        return intrinsics.resolve(value);
    }

    /** {@code !If} branches chosen, {@code AWS::NoValue} as null. */
    Object applyConditions(Object node) {
        if (node instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("Fn::If")) {
            List<?> branches = (List<?>) map.get("Fn::If");
            return applyConditions(
                    intrinsics.condition(String.valueOf(branches.get(0))) ? branches.get(1) : branches.get(2));
        }
        if (node instanceof Map<?, ?> map && map.equals(Map.of("Ref", "AWS::NoValue"))) {
            return null;
        }
        return node;
    }

    private Map<String, Object> roleProperties(String function, Object role) {
        if (!(role instanceof Map<?, ?> map
                && map.get("Fn::GetAtt") instanceof List<?> att
                && "Arn".equals(att.get(1))
                && template.resources().get(String.valueOf(att.get(0))) instanceof Map<String, Object> resource
                && "AWS::IAM::Role".equals(resource.get("Type")))) {
            throw new IllegalArgumentException(
                    function + ": Role must be !GetAtt <an AWS::IAM::Role of the template>.Arn," + " found " + role);
        }
        return SamTemplate.properties(resource);
    }

    private void role(String function, Object role, Set<String> grants) {
        Map<String, Object> props = roleProperties(function, role);
        for (Object arn : list(applyConditions(props.get("ManagedPolicyArns")))) {
            managed(managedName(intrinsics.resolve(arn)), grants);
        }
        for (Object policy : list(applyConditions(props.get("Policies")))) {
            Object applied = applyConditions(policy);
            if (applied == null) {
                continue;
            }
            Map<?, ?> document = (Map<?, ?>) ((Map<?, ?>) applied).get("PolicyDocument");
            for (Object statement : list(document.get("Statement"))) {
                Object chosen = applyConditions(statement);
                if (chosen != null) {
                    statement((Map<?, ?>) chosen, grants);
                }
            }
        }
    }

    private static String managedName(String arn) {
        int slash = arn.lastIndexOf('/');
        if (!arn.contains(":iam::aws:policy/") || slash < 0) {
            throw new IllegalArgumentException(arn + " is not an AWS managed policy");
        }
        return arn.substring(slash + 1);
    }

    private static void managed(String name, Set<String> grants) {
        List<String> actions = MANAGED.get(name);
        if (actions == null) {
            throw new IllegalArgumentException("managed policy " + name + " has no document here; add it from the"
                    + " AWS Managed Policy Reference");
        }
        actions.forEach(action -> grants.add(action + " on *"));
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
        String condition = condition(statement.get("Condition"));
        for (Object action : list(statement.get("Action"))) {
            for (Object resource : list(applyConditions(statement.get("Resource")))) {
                grants.add(action + " on " + resource(resource) + condition);
            }
        }
    }

    /** " if key=value" for each test of an IAM Condition block, resolved; "" without one. */
    private String condition(Object block) {
        if (block == null) {
            return "";
        }
        Map<String, String> tests = new TreeMap<>();
        ((Map<?, ?>) block)
                .forEach((operator, keys) -> ((Map<?, ?>) keys)
                        .forEach((key, value) -> tests.put(operator + " " + key, intrinsics.resolve(value))));
        List<String> parts = new ArrayList<>();
        tests.forEach((test, value) -> parts.add(test + "=" + value));
        return " if " + String.join(" and ", parts);
    }

    /** A table or log group by its logical id; anything else resolved as the dev server resolves intrinsics. */
    private String resource(Object resource) {
        if (resource instanceof Map<?, ?> map
                && map.get("Fn::GetAtt") instanceof List<?> att
                && "Arn".equals(att.get(1))) {
            return String.valueOf(att.get(0));
        }
        if (resource instanceof Map<?, ?> map
                && map.get("Ref") instanceof String ref
                && template.resources().containsKey(ref)) {
            return ref;
        }
        if (resource instanceof Map<?, ?> map && map.get("Fn::Sub") instanceof String text) {
            return substitute(text);
        }
        return intrinsics.resolve(resource);
    }

    /** A {@code !Sub} string with a resource that has no local value (a distribution) named by its logical id. */
    private String substitute(String text) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = template.resources().containsKey(name) && !hasLocalValue(name)
                    ? name
                    : intrinsics.resolve(Map.of("Fn::Sub", "${" + name + "}"));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private boolean hasLocalValue(String resource) {
        return Set.of("AWS::DynamoDB::Table", "AWS::Serverless::Function")
                .contains(String.valueOf(template.resources().get(resource).get("Type")));
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : value instanceof List<?> list ? list : List.of(value);
    }
}
