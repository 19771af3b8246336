package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every container of every overlay has its three probes, on paths and a port its application serves, requests
 * and limits, and runs as a non-root user on a read-only root filesystem with no capabilities.
 */
class ContainersTest {

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void probesAskWhatTheApplicationServes(String overlay) {
        for (Workload workload : Kustomize.overlay(overlay).workloads()) {
            for (JsonNode container : workload.containers()) {
                ServedEndpoints served = ServedEndpoints.of(container);
                for (Map.Entry<String, String> probe :
                        ServedEndpoints.probePaths(served).entrySet()) {
                    String name = workload.describe() + " " + probe.getKey();
                    JsonNode httpGet = container.path(probe.getKey()).path("httpGet");
                    assertThat(httpGet.path("path").asString())
                            .as(name + " path")
                            .isEqualTo(probe.getValue());
                    assertThat(portNumber(container, httpGet.path("port")))
                            .as(name + " port")
                            .isEqualTo(served.port());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerAsksForAndIsLimitedInCpuAndMemory(String overlay) {
        for (Workload workload : Kustomize.overlay(overlay).workloads()) {
            for (JsonNode container : workload.containers()) {
                JsonNode resources = container.path("resources");
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(resources.path(bound).path(resource).asString())
                                .as(workload.describe() + " " + bound + "." + resource)
                                .isNotBlank();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRunsUnprivileged(String overlay) {
        for (Workload workload : Kustomize.overlay(overlay).workloads()) {
            JsonNode pod = workload.podSpec();
            String name = workload.describe();
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as(name + " runAsNonRoot")
                    .isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt())
                    .as(name + " runAsUser")
                    .isPositive();
            assertThat(pod.path("securityContext")
                            .path("seccompProfile")
                            .path("type")
                            .asString())
                    .as(name)
                    .isEqualTo("RuntimeDefault");
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true))
                    .as(name + " token")
                    .isFalse();
            for (JsonNode container : workload.containers()) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                        .as(name + " read-only root")
                        .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                        .as(name + " escalation")
                        .isFalse();
                assertThat(security.path("privileged").asBoolean(false))
                        .as(name + " privileged")
                        .isFalse();
                assertThat(security.path("capabilities").path("drop").toString())
                        .as(name + " drops")
                        .contains("\"ALL\"");
                assertThat(security.path("capabilities").path("add").isEmpty())
                        .as(name + " adds none")
                        .isTrue();
                assertThat(emptyDirAt(pod, container, "/tmp"))
                        .as(name + " has a writable /tmp")
                        .isTrue();
            }
        }
    }

    private static int portNumber(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return Workload.port(container, port.asString())
                .orElseThrow(() -> new AssertionError("no container port named " + port))
                .path("containerPort")
                .asInt();
    }

    private static boolean emptyDirAt(JsonNode pod, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asString().equals(path)) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asString().equals(mount.path("name").asString())) {
                        return volume.has("emptyDir");
                    }
                }
            }
        }
        return false;
    }
}
