package dev.gophersite.local.template;

import dev.gophersite.project.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Local names for the template's tables: {@code gopher-site-} plus the logical id in kebab case without its
 * {@code Table} suffix, so {@code ContentTable} is {@code gopher-site-content}, the functions' own default.
 */
public final class TableNames {
    private static final String PREFIX = "gopher-site-";

    private TableNames() {}

    public static Map<String, String> of(SamTemplate template) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String logicalId : template.resourcesOfType("AWS::DynamoDB::Table").keySet()) {
            names.put(logicalId, name(logicalId));
        }
        return names;
    }

    static String name(String logicalId) {
        String base = logicalId.endsWith("Table") && logicalId.length() > "Table".length()
                ? logicalId.substring(0, logicalId.length() - "Table".length())
                : logicalId;
        return PREFIX + base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
