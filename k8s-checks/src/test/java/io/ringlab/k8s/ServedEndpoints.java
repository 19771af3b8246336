package io.ringlab.k8s;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a container's application serves for the kubelet's probes, and on which port: for RingLab's images, read
 * from the service's own configuration file (Actuator's health groups need
 * {@code management.endpoint.health.probes.enabled}, since Boot turns them on by itself only when it detects
 * Kubernetes); for Prometheus and Grafana, their documented health endpoints.
 */
record ServedEndpoints(String readiness, String liveness, int port) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String RINGLAB_IMAGE = "ringlab/";

    static ServedEndpoints of(JsonNode container) {
        String image = container.path("image").asString();
        String repository = image.substring(image.lastIndexOf('/', image.lastIndexOf('/') - 1) + 1)
                .split(":")[0];
        if (repository.startsWith(RINGLAB_IMAGE)) {
            return ringLab(repository.substring(RINGLAB_IMAGE.length()), container);
        }
        return switch (repository) {
            case "prom/prometheus" -> new ServedEndpoints("/-/ready", "/-/healthy", prometheusPort(container));
            case "grafana/grafana" ->
                new ServedEndpoints(
                        "/api/health",
                        "/api/health",
                        Workload.envValue(container, "GF_SERVER_HTTP_PORT")
                                .map(Integer::parseInt)
                                .orElse(3000));
            default -> throw new AssertionError("what does " + image + " serve? Teach ServedEndpoints");
        };
    }

    /** A Spring Boot service of this repository, by its module (the image's name is the module's). */
    private static ServedEndpoints ringLab(String module, JsonNode container) {
        JsonNode config = configuration(module);
        JsonNode management = config.path("management");
        if (!management
                .path("endpoint")
                .path("health")
                .path("probes")
                .path("enabled")
                .asBoolean(false)) {
            throw new AssertionError(module + " does not set management.endpoint.health.probes.enabled: it serves no "
                    + "/actuator/health/liveness or /readiness outside Kubernetes' detection");
        }
        List<String> exposed = Arrays.asList(management
                .path("endpoints")
                .path("web")
                .path("exposure")
                .path("include")
                .asString()
                .split(","));
        if (!exposed.contains("health")) {
            throw new AssertionError(module + " does not expose the health endpoint over HTTP");
        }
        if (management.path("server").has("port")) {
            throw new AssertionError(module + " serves Actuator on management.server.port: teach ServedEndpoints");
        }
        int port = Workload.envValue(container, "SERVER_PORT")
                .map(Integer::parseInt)
                .orElse(config.path("server").path("port").asInt(8080));
        return new ServedEndpoints("/actuator/health/readiness", "/actuator/health/liveness", port);
    }

    private static JsonNode configuration(String module) {
        Path resources = Project.HOME.resolve(module).resolve("src/main/resources");
        try (Stream<Path> files = Files.list(resources)) {
            List<Path> configs =
                    files.filter(file -> file.toString().endsWith(".yml")).toList();
            if (configs.size() != 1) {
                throw new AssertionError("expected one configuration file in " + resources + ", found " + configs);
            }
            return YAML.readTree(configs.get(0).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int prometheusPort(JsonNode container) {
        for (JsonNode argument : container.path("args")) {
            String text = argument.asString();
            if (text.startsWith("--web.listen-address=")) {
                return Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
            }
        }
        return 9090;
    }

    static Map<String, String> probePaths(ServedEndpoints served) {
        return Map.of(
                "startupProbe", served.liveness, "livenessProbe", served.liveness, "readinessProbe", served.readiness);
    }
}
