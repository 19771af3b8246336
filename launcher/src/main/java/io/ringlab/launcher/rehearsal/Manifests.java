package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The objects of one rendered kustomization, and the data of its ConfigMaps and Secrets. */
public record Manifests(List<JsonNode> objects) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public Manifests {
        objects = List.copyOf(objects);
    }

    public static Manifests parse(String yaml) {
        try (MappingIterator<JsonNode> documents =
                YAML.readerFor(JsonNode.class).readValues(yaml)) {
            return new Manifests(documents.readAll().stream()
                    .filter(document -> !document.isEmpty())
                    .toList());
        }
    }

    /** These objects and more (the Secret the user creates). */
    public Manifests with(List<JsonNode> more) {
        return new Manifests(Stream.concat(objects.stream(), more.stream()).toList());
    }

    public Stream<JsonNode> ofKind(String... kinds) {
        Set<String> wanted = Set.of(kinds);
        return objects.stream().filter(object -> wanted.contains(kind(object)));
    }

    public Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(object -> name(object).equals(name)).findFirst();
    }

    /** A ConfigMap's data, or a Secret's decoded; empty when there is no such object. */
    public Optional<Map<String, String>> data(String kind, String name) {
        return find(kind, name).map(object -> {
            Map<String, String> data = new LinkedHashMap<>();
            object.path("data")
                    .properties()
                    .forEach(entry -> data.put(
                            entry.getKey(),
                            kind.equals("Secret")
                                    ? new String(
                                            Base64.getDecoder()
                                                    .decode(entry.getValue().asString()),
                                            StandardCharsets.UTF_8)
                                    : entry.getValue().asString()));
            object.path("stringData")
                    .properties()
                    .forEach(entry -> data.put(entry.getKey(), entry.getValue().asString()));
            return data;
        });
    }

    public static String kind(JsonNode object) {
        return object.path("kind").asString();
    }

    public static String name(JsonNode object) {
        return object.path("metadata").path("name").asString();
    }

    public static String namespace(JsonNode object) {
        String namespace = object.path("metadata").path("namespace").asString();
        return namespace.isEmpty() ? "default" : namespace;
    }
}
