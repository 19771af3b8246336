package io.ringlab.k8s;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Deployment or a StatefulSet: its pod template and containers. */
record Workload(JsonNode object) {

    String name() {
        return Manifest.name(object);
    }

    String describe() {
        return Manifest.describe(object);
    }

    JsonNode podSpec() {
        return object.path("spec").path("template").path("spec");
    }

    JsonNode podLabels() {
        return object.path("spec").path("template").path("metadata").path("labels");
    }

    List<JsonNode> containers() {
        List<JsonNode> containers = new ArrayList<>();
        podSpec().path("initContainers").forEach(containers::add);
        podSpec().path("containers").forEach(containers::add);
        return containers;
    }

    /** The container's port with this name. */
    static Optional<JsonNode> port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asString().equals(name)) {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }

    /** The container's environment variable with this name. */
    static Optional<JsonNode> env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asString().equals(name)) {
                return Optional.of(variable);
            }
        }
        return Optional.empty();
    }

    /** The literal value of an environment variable, when it is one. */
    static Optional<String> envValue(JsonNode container, String name) {
        return env(container, name)
                .filter(variable -> variable.has("value"))
                .map(variable -> variable.path("value").asString());
    }
}
