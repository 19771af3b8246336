package io.ringlab.k8s;

import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Label selectors as the API server applies them: a Service's plain map, or matchLabels and matchExpressions. */
final class Labels {

    private Labels() {}

    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        if (!selector.has("matchLabels") && !selector.has("matchExpressions")) {
            return containsAll(labels, selector);
        }
        if (!containsAll(labels, selector.path("matchLabels"))) {
            return false;
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            if (!matches(expression, labels)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAll(JsonNode labels, JsonNode wanted) {
        for (Map.Entry<String, JsonNode> label : wanted.properties()) {
            if (!labels.path(label.getKey())
                    .asString("\u0000")
                    .equals(label.getValue().asString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(JsonNode expression, JsonNode labels) {
        String key = expression.path("key").asString();
        Set<String> values = new HashSet<>();
        expression.path("values").forEach(value -> values.add(value.asString()));
        boolean present = labels.has(key);
        return switch (expression.path("operator").asString()) {
            case "In" -> present && values.contains(labels.path(key).asString());
            case "NotIn" -> !present || !values.contains(labels.path(key).asString());
            case "Exists" -> present;
            case "DoesNotExist" -> !present;
            default -> throw new IllegalArgumentException("operator " + expression.path("operator"));
        };
    }
}
