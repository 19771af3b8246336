package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the downward API can tell a container about its pod ({@code fieldRef}).
 *
 * @param labels the pod's labels
 * @param node   the node's name and address: the machine, seen from the lab's bridge
 */
public record PodFields(
        String name, String namespace, String podIp, Map<String, String> labels, String node, String hostIp) {

    private static final Pattern LABEL = Pattern.compile("metadata\\.labels\\['([^']+)'\\]");

    public PodFields {
        labels = Map.copyOf(labels);
    }

    /** The field's value, or empty for a field this rehearsal does not know. */
    public Optional<String> field(String path) {
        Matcher label = LABEL.matcher(path);
        if (label.matches()) {
            return Optional.ofNullable(labels.get(label.group(1)));
        }
        return Optional.ofNullable(
                switch (path) {
                    case "metadata.name" -> name;
                    case "metadata.namespace" -> namespace;
                    case "status.podIP" -> podIp;
                    case "status.podIPs" -> podIp;
                    case "spec.nodeName" -> node;
                    case "status.hostIP" -> hostIp;
                    default -> null;
                });
    }

    static Map<String, String> labelsOf(JsonNode template) {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        template.path("metadata")
                .path("labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        return labels;
    }
}
