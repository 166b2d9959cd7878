package dev.gophersite.project;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml as plain maps. CloudFormation's short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub} …)
 * become their long form ({@code {"Ref": x}}, {@code {"Fn::GetAtt": [a, b]}} …), which is also what the SAM
 * JSON schema expects.
 */
public record SamTemplate(Path path, Map<String, Object> root) {

    public static SamTemplate load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new CfnConstructor()).load(reader);
            if (root == null) {
                throw new IllegalArgumentException(path + " is empty");
            }
            return new SamTemplate(path, root);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) root.getOrDefault("Resources", Map.of());
    }

    /** Resources of one type, by logical id, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                result.put(id, resource);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Map.of();
            }
            node = map.get(key);
        }
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static final class CfnConstructor extends SafeConstructor {
        CfnConstructor() {
            super(new LoaderOptions());
            this.yamlMultiConstructors.put("!", new ConstructIntrinsic());
        }

        private final class ConstructIntrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue().substring(1);
                String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = scalar.getValue();
                    if (tag.equals("GetAtt")) {
                        value = Arrays.asList(scalar.getValue().split("\\.", 2));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else if (node instanceof MappingNode mapping) {
                    value = constructMapping(mapping);
                } else {
                    value = List.of();
                }
                return Map.of(name, value);
            }
        }
    }
}
