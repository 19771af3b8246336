package io.ringlab.k8s;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The objects of one rendered kustomization. */
record Manifest(List<JsonNode> objects) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static Manifest parse(String yaml) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return new Manifest(documents.readAll().stream()
                    .filter(document -> !document.isEmpty())
                    .toList());
        }
    }

    Stream<JsonNode> ofKind(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return objects.stream().filter(object -> wanted.contains(kind(object)));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(object -> name(object).equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    /** A ConfigMap or Secret that kustomize generated: its name suffixed with a hash of its content. */
    JsonNode generated(String kind, String name) {
        return ofKind(kind)
                .filter(object -> name(object).matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no generated " + kind + " " + name));
    }

    List<Workload> workloads() {
        return ofKind("Deployment", "StatefulSet").map(Workload::new).toList();
    }

    /** The workloads whose pods a selector (a Service's, a policy's, a budget's) selects. */
    List<Workload> selectedBy(JsonNode selector) {
        return workloads().stream()
                .filter(workload -> Labels.selects(selector, workload.podLabels()))
                .toList();
    }

    static String kind(JsonNode object) {
        return object.path("kind").asString();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asString();
    }

    static String namespace(JsonNode object) {
        return object.path("metadata").path("namespace").asString();
    }

    static String describe(JsonNode object) {
        return kind(object) + " " + name(object);
    }
}
