package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus and Grafana in the cluster run with monitoring/'s own files, not copies: the ConfigMaps hold the
 * files' very bytes, every dashboard is there, each mounted where its tool reads it; the scrape configuration
 * finds every RingLab pod of the overlay through a headless Service.
 */
class MonitoringSharedTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    /** kubectl apply keeps the whole object in an annotation, which may not exceed 256 KiB. */
    private static final int MAX_APPLIED_BYTES = 256 * 1024;

    private static final List<String> SCRAPED = List.of("ring-server", "lb-agent", "load-client", "admin-dashboard");

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void grafanaReadsTheProjectsOwnFiles(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        assertHolds(manifest.generated("ConfigMap", "grafana-dashboards"), files("grafana/dashboards", ".json"));
        assertHolds(
                manifest.generated("ConfigMap", "grafana-datasources"),
                files("grafana/provisioning/datasources", ".yml"));
        assertHolds(
                manifest.generated("ConfigMap", "grafana-dashboard-providers"),
                files("grafana/provisioning/dashboards", ".yml"));

        Workload grafana = new Workload(manifest.get("Deployment", "grafana"));
        JsonNode container = grafana.containers().get(0);
        assertThat(mountPathOf(grafana, "grafana-datasources")).isEqualTo("/etc/grafana/provisioning/datasources");
        assertThat(mountPathOf(grafana, "grafana-dashboard-providers"))
                .isEqualTo("/etc/grafana/provisioning/dashboards");
        assertThat(Workload.envValue(container, "RINGLAB_DASHBOARDS_DIR"))
                .contains(mountPathOf(grafana, "grafana-dashboards"));
        if (manifest.find("Deployment", "prometheus").isPresent()) {
            assertThat(Workload.envValue(container, "RINGLAB_PROMETHEUS_URL"))
                    .contains("http://prometheus:"
                            + manifest.get("Service", "prometheus")
                                    .path("spec")
                                    .path("ports")
                                    .get(0)
                                    .path("port")
                                    .asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusReadsTheProjectsScrapeConfiguration(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        if (manifest.find("Deployment", "prometheus").isEmpty()) {
            return;
        }
        JsonNode config = manifest.generated("ConfigMap", "prometheus-config");
        assertThat(config.path("data").path("prometheus.yml").asString())
                .isEqualTo(Project.read(Project.MONITORING.resolve("prometheus/prometheus-k8s.yml")));
        Workload prometheus = new Workload(manifest.get("Deployment", "prometheus"));
        assertThat(prometheus.containers().get(0).path("args").toString())
                .contains("--config.file=" + mountPathOf(prometheus, "prometheus-config") + "/prometheus.yml");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theScrapeConfigurationFindsEveryRingLabPod(String overlay) throws IOException {
        Manifest manifest = Kustomize.overlay(overlay);
        if (manifest.find("Deployment", "prometheus").isEmpty()) {
            return;
        }
        Map<String, JsonNode> jobs = new HashMap<>();
        YAML.readTree(Project.MONITORING
                        .resolve("prometheus/prometheus-k8s.yml")
                        .toFile())
                .path("scrape_configs")
                .forEach(job -> jobs.put(job.path("job_name").asString(), job));
        for (Workload workload : manifest.workloads()) {
            if (!SCRAPED.contains(workload.name())) {
                continue;
            }
            JsonNode job = jobs.get(workload.name());
            assertThat(job).as("a scrape job for " + workload.describe()).isNotNull();
            assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
            JsonNode discovery = job.path("dns_sd_configs").get(0);
            String[] dnsName = discovery.path("names").get(0).asString().split("\\.");
            JsonNode service = manifest.get("Service", dnsName[0]);
            assertThat(dnsName[1]).as("namespace").isEqualTo(Manifest.namespace(service));
            assertThat(service.path("spec").path("clusterIP").asString())
                    .as(dnsName[0] + " headless: a record per pod")
                    .isEqualTo("None");
            assertThat(manifest.selectedBy(service.path("spec").path("selector")))
                    .contains(workload);
            JsonNode http = Workload.port(workload.containers().get(0), "http").orElseThrow();
            assertThat(discovery.path("port").asInt())
                    .as(workload.describe())
                    .isEqualTo(http.path("containerPort").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfigMapFitsKubectlApply(String overlay) {
        Kustomize.overlay(overlay)
                .ofKind("ConfigMap")
                .forEach(configMap -> assertThat(configMap.toString().getBytes(StandardCharsets.UTF_8).length)
                        .as(Manifest.describe(configMap))
                        .isLessThan(MAX_APPLIED_BYTES));
    }

    private static void assertHolds(JsonNode configMap, Map<String, String> files) {
        assertThat(files).isNotEmpty();
        Map<String, String> data = new HashMap<>();
        configMap
                .path("data")
                .properties()
                .forEach(entry -> data.put(entry.getKey(), entry.getValue().asString()));
        assertThat(data)
                .as(Manifest.describe(configMap) + " holds exactly the files")
                .isEqualTo(files);
    }

    private static Map<String, String> files(String folder, String suffix) {
        try (Stream<Path> files = Files.list(Project.MONITORING.resolve(folder))) {
            Map<String, String> contents = new HashMap<>();
            files.filter(file -> file.toString().endsWith(suffix))
                    .forEach(file -> contents.put(file.getFileName().toString(), Project.read(file)));
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the container mounts the volume of the generated ConfigMap named {@code configMap}. */
    private static String mountPathOf(Workload workload, String configMap) {
        Optional<String> volume = Optional.empty();
        for (JsonNode candidate : workload.podSpec().path("volumes")) {
            if (candidate.path("configMap").path("name").asString().startsWith(configMap + "-")) {
                volume = Optional.of(candidate.path("name").asString());
            }
        }
        String name = volume.orElseThrow(() -> new AssertionError(workload.describe() + " mounts no " + configMap));
        for (JsonNode mount : workload.containers().get(0).path("volumeMounts")) {
            if (mount.path("name").asString().equals(name)) {
                return mount.path("mountPath").asString();
            }
        }
        throw new AssertionError(workload.describe() + " does not mount volume " + name);
    }
}
