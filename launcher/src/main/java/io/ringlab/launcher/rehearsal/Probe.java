package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP probe of a container, with the API's defaults for what the manifest leaves out.
 *
 * @param port the container port the probe names, as a number
 */
public record Probe(
        String path,
        int port,
        Duration initialDelay,
        Duration period,
        Duration timeout,
        int successThreshold,
        int failureThreshold) {

    public enum Kind {
        STARTUP,
        LIVENESS,
        READINESS
    }

    /** The container's probe of this kind; empty when it has none (or one that is not {@code httpGet}). */
    public static Optional<Probe> of(JsonNode container, Kind kind) {
        JsonNode probe = container.path(
                switch (kind) {
                    case STARTUP -> "startupProbe";
                    case LIVENESS -> "livenessProbe";
                    case READINESS -> "readinessProbe";
                });
        if (!probe.has("httpGet")) {
            return Optional.empty();
        }
        JsonNode get = probe.path("httpGet");
        return Optional.of(new Probe(
                get.path("path").asString("/"),
                port(container, get.path("port")),
                Duration.ofSeconds(probe.path("initialDelaySeconds").asInt(0)),
                Duration.ofSeconds(probe.path("periodSeconds").asInt(10)),
                Duration.ofSeconds(probe.path("timeoutSeconds").asInt(1)),
                probe.path("successThreshold").asInt(1),
                probe.path("failureThreshold").asInt(3)));
    }

    /** A port given by number, or by the name of one of the container's ports. */
    static int port(JsonNode container, JsonNode port) {
        if (port.isNumber() || port.asString().matches("\\d+")) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asString().equals(port.asString())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new EnvResolver.ConfigError("no container port named " + port.asString());
    }
}
