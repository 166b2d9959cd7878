package dev.gophersite.local.template;

import dev.gophersite.project.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the CloudFormation intrinsics a function's settings may use, as a local deployment would:
 * parameters take the local override or their Default, conditions are evaluated on those values, tables take
 * their local name, ARNs are built for a fake account, mappings are looked up for the local region. Anything else
 * (ImportValue, Select …) is rejected: guessing would make the local run differ silently from AWS.
 */
public final class Intrinsics {
    static final String ACCOUNT_ID = "000000000000";
    static final String STACK_NAME = "gopher-site-local";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final SamTemplate template;
    private final Map<String, String> tableNames;
    private final String region;
    private final Map<String, String> parameters;

    /** @param parameters values for template parameters, like {@code sam local --parameter-overrides} */
    public Intrinsics(
            SamTemplate template, Map<String, String> tableNames, String region, Map<String, String> parameters) {
        this.template = template;
        this.tableNames = tableNames;
        this.region = region;
        this.parameters = Map.copyOf(parameters);
    }

    /** The value as text, or {@code null} for {@code AWS::NoValue} (the setting is then left out). */
    public String resolve(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> call = map.entrySet().iterator().next();
            Object argument = call.getValue();
            return switch (String.valueOf(call.getKey())) {
                case "Ref" -> ref(String.valueOf(argument));
                case "Fn::GetAtt" -> getAtt(argument);
                case "Fn::Sub" -> sub(argument);
                case "Fn::Join" -> join(argument);
                case "Fn::If" -> choose(argument);
                case "Fn::FindInMap" -> findInMap(argument);
                default ->
                    throw new IllegalArgumentException(
                            call.getKey()
                                    + " cannot be resolved locally; use a literal, !Ref, !GetAtt, !Sub, !Join, !If or !FindInMap");
            };
        }
        throw new IllegalArgumentException("expected a text value, found " + value);
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return ACCOUNT_ID;
            case "AWS::StackName":
                return STACK_NAME;
            case "AWS::StackId":
                return "arn:aws:cloudformation:" + region + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local";
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return null;
            default:
                break;
        }
        Map<String, Object> declared = template.section("Parameters");
        if (declared.get(name) instanceof Map<?, ?> parameter) {
            if (parameters.containsKey(name)) {
                return parameters.get(name);
            }
            if (!parameter.containsKey("Default")) {
                throw new IllegalArgumentException("!Ref " + name + ": the parameter has no Default to use locally");
            }
            Object fallback = parameter.get("Default");
            return fallback instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList())
                    : String.valueOf(fallback);
        }
        Map<String, Object> resource = template.resources().get(name);
        if (resource == null) {
            throw new IllegalArgumentException("!Ref " + name + ": no parameter or resource has that name");
        }
        return switch (String.valueOf(resource.get("Type"))) {
            case "AWS::DynamoDB::Table" -> tableNames.get(name);
            case "AWS::Serverless::Function" -> name;
            default ->
                throw new IllegalArgumentException(
                        "!Ref " + name + ": a " + resource.get("Type") + " has no local physical id");
        };
    }

    private String getAtt(Object argument) {
        List<String> parts = new ArrayList<>();
        if (argument instanceof List<?> list) {
            list.forEach(item -> parts.add(String.valueOf(item)));
        } else {
            parts.addAll(List.of(String.valueOf(argument).split("\\.", 2)));
        }
        if (parts.size() != 2) {
            throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, found " + argument);
        }
        String name = parts.get(0);
        String attribute = parts.get(1);
        Map<String, Object> resource = template.resources().get(name);
        String type = resource == null ? "" : String.valueOf(resource.get("Type"));
        if (type.equals("AWS::DynamoDB::Table") && attribute.equals("Arn")) {
            return "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + tableNames.get(name);
        }
        if (type.equals("AWS::Serverless::Function") && attribute.equals("Arn")) {
            return "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + name;
        }
        throw new IllegalArgumentException("!GetAtt " + name + "." + attribute + " has no local value");
    }

    private String sub(Object argument) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Map<?, ?> map) {
            text = String.valueOf(list.get(0));
            variables = map;
        } else if (argument instanceof String s) {
            text = s;
        } else {
            throw new IllegalArgumentException("!Sub needs a string or [string, {variables}], found " + argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = resolve(variables.get(name));
            } else if (name.contains(".")) {
                replacement = getAtt(name);
            } else {
                replacement = ref(name);
            }
            if (replacement == null) {
                throw new IllegalArgumentException("!Sub cannot use AWS::NoValue");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(Object argument) {
        if (!(argument instanceof List<?> list) || list.size() != 2) {
            throw new IllegalArgumentException("!Join needs [delimiter, [values]], found " + argument);
        }
        // a list parameter (CommaDelimitedList) in place of the values resolves to its comma-joined items
        List<?> values = list.get(1) instanceof List<?> items
                ? items
                : List.of(resolve(list.get(1)).split(",", -1));
        List<String> parts = new ArrayList<>();
        for (Object value : values) {
            String part = resolve(value);
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(String.valueOf(list.get(0)), parts);
    }

    /** As CloudFormation: a missing map, key or name fails the deployment, so it fails here too. */
    private String findInMap(Object argument) {
        if (!(argument instanceof List<?> list) || list.size() != 3) {
            throw new IllegalArgumentException(
                    "!FindInMap needs [map, top-level key, second-level key], found " + argument);
        }
        String map = resolve(list.get(0));
        String key = resolve(list.get(1));
        String name = resolve(list.get(2));
        if (!(template.section("Mappings", map, key).get(name) instanceof Object value)) {
            throw new IllegalArgumentException("!FindInMap: mapping " + map + " has no " + key + "." + name);
        }
        return resolve(value);
    }

    private String choose(Object argument) {
        if (!(argument instanceof List<?> list) || list.size() != 3) {
            throw new IllegalArgumentException("!If needs [condition, then, else], found " + argument);
        }
        return resolve(condition(String.valueOf(list.get(0))) ? list.get(1) : list.get(2));
    }

    /** A condition of the template's Conditions section, evaluated on the (local) parameter values. */
    public boolean condition(String name) {
        Object definition = template.section("Conditions").get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no condition named " + name);
        }
        return evaluate(definition);
    }

    private boolean evaluate(Object expression) {
        if (!(expression instanceof Map<?, ?> map) || map.size() != 1) {
            throw new IllegalArgumentException("a condition must be one Fn::Equals, Fn::Not, Fn::And, Fn::Or or"
                    + " Condition, found " + expression);
        }
        Map.Entry<?, ?> call = map.entrySet().iterator().next();
        Object argument = call.getValue();
        List<?> arguments = argument instanceof List<?> list ? list : List.of(argument);
        return switch (String.valueOf(call.getKey())) {
            case "Fn::Equals" -> {
                if (arguments.size() != 2) {
                    throw new IllegalArgumentException("!Equals needs two values, found " + argument);
                }
                yield String.valueOf(resolve(arguments.get(0))).equals(String.valueOf(resolve(arguments.get(1))));
            }
            case "Fn::Not" -> !evaluate(arguments.getFirst());
            case "Fn::And" -> arguments.stream().allMatch(this::evaluate);
            case "Fn::Or" -> arguments.stream().anyMatch(this::evaluate);
            case "Condition" -> condition(String.valueOf(argument));
            default -> throw new IllegalArgumentException(call.getKey() + " is not a condition function");
        };
    }
}
