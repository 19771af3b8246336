package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What kubeconform cannot see: every name one object gives another exists. Services and budgets select pods, named
 * ports are declared, ConfigMap and Secret keys exist, $(VAR) references name variables defined before them,
 * images carry the project's version.
 */
class CrossReferencesTest {

    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceSelectsPodsThatHaveItsPorts(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        manifest.ofKind("Service").forEach(service -> {
            String name = Manifest.describe(service);
            JsonNode selector = service.path("spec").path("selector");
            assertThat(selector.isEmpty()).as(name + " has a selector").isFalse();
            List<Workload> selected = manifest.selectedBy(selector);
            assertThat(selected).as(name + " selects pods").isNotEmpty();
            for (JsonNode port : service.path("spec").path("ports")) {
                for (Workload workload : selected) {
                    assertThat(declares(
                                    workload,
                                    port.path("targetPort"),
                                    port.path("protocol").asString("TCP")))
                            .as(name + " port " + port.path("name") + " on " + workload.describe())
                            .isTrue();
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void budgetsAndMonitorsSelectPods(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        manifest.ofKind("PodDisruptionBudget", "PodMonitor")
                .forEach(object -> assertThat(
                                manifest.selectedBy(object.path("spec").path("selector")))
                        .as(Manifest.describe(object))
                        .isNotEmpty());
        manifest.ofKind("PodMonitor").forEach(monitor -> {
            for (JsonNode endpoint : monitor.path("spec").path("podMetricsEndpoints")) {
                for (Workload workload :
                        manifest.selectedBy(monitor.path("spec").path("selector"))) {
                    assertThat(declares(workload, endpoint.path("port"), "TCP"))
                            .as(workload.describe())
                            .isTrue();
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void ingressesLeadToServicePorts(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        manifest.ofKind("Ingress").forEach(ingress -> {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    JsonNode service =
                            manifest.get("Service", backend.path("name").asString());
                    Set<String> ports = new HashSet<>();
                    service.path("spec")
                            .path("ports")
                            .forEach(port -> ports.add(port.path("name").asString()));
                    assertThat(ports)
                            .as(Manifest.describe(ingress))
                            .contains(backend.path("port").path("name").asString());
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfigMapAndSecretKeyExists(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Set<String> secretKeys = DocumentedSecret.keys();
        for (Workload workload : manifest.workloads()) {
            for (JsonNode container : workload.containers()) {
                String name = workload.describe() + " container "
                        + container.path("name").asString();
                for (JsonNode variable : container.path("env")) {
                    JsonNode from = variable.path("valueFrom");
                    if (from.has("configMapKeyRef")) {
                        assertKey(manifest, from.path("configMapKeyRef"), name + " " + variable.path("name"));
                    }
                    if (from.has("secretKeyRef")) {
                        assertThat(from.path("secretKeyRef").path("name").asString())
                                .as(name)
                                .isEqualTo(DocumentedSecret.NAME);
                        assertThat(secretKeys)
                                .as(name + " " + variable.path("name"))
                                .contains(from.path("secretKeyRef").path("key").asString());
                    }
                }
                for (JsonNode source : container.path("envFrom")) {
                    assertThat(source.has("configMapRef")).as(name + " envFrom").isTrue();
                    manifest.get(
                            "ConfigMap",
                            source.path("configMapRef").path("name").asString());
                }
            }
            for (JsonNode volume : workload.podSpec().path("volumes")) {
                if (volume.has("configMap")) {
                    JsonNode configMap = manifest.get(
                            "ConfigMap", volume.path("configMap").path("name").asString());
                    for (JsonNode item : volume.path("configMap").path("items")) {
                        assertThat(configMap.path("data").has(item.path("key").asString()))
                                .as(workload.describe())
                                .isTrue();
                    }
                }
                if (volume.has("secret")) {
                    assertThat(volume.path("secret").path("secretName").asString())
                            .isEqualTo(DocumentedSecret.NAME);
                    for (JsonNode item : volume.path("secret").path("items")) {
                        assertThat(secretKeys)
                                .as(workload.describe() + " volume " + volume.path("name"))
                                .contains(item.path("key").asString());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void variableReferencesNameVariablesDefinedBefore(String overlay) {
        // the kubelet expands $(NAME) only from variables listed earlier; anything else stays as written
        for (Workload workload : Kustomize.overlay(overlay).workloads()) {
            for (JsonNode container : workload.containers()) {
                Set<String> defined = new HashSet<>();
                for (JsonNode variable : container.path("env")) {
                    Matcher reference =
                            VARIABLE_REFERENCE.matcher(variable.path("value").asString());
                    while (reference.find()) {
                        assertThat(defined)
                                .as(workload.describe() + " " + variable.path("name"))
                                .contains(reference.group(1));
                    }
                    defined.add(variable.path("name").asString());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void ringLabImagesCarryTheProjectVersion(String overlay) {
        String version = Project.version();
        for (Workload workload : Kustomize.overlay(overlay).workloads()) {
            for (JsonNode container : workload.containers()) {
                String image = container.path("image").asString();
                if (image.startsWith("ringlab/")) {
                    assertThat(image).as(workload.describe()).endsWith(":" + version);
                    assertThat(Project.HOME
                                    .resolve(image.substring("ringlab/".length(), image.indexOf(':')))
                                    .resolve("pom.xml"))
                            .as("the image of a module of this repository")
                            .exists();
                }
            }
        }
    }

    private static void assertKey(Manifest manifest, JsonNode reference, String what) {
        JsonNode configMap = manifest.find("ConfigMap", reference.path("name").asString())
                .orElseThrow(() -> new AssertionError(what + ": no ConfigMap " + reference.path("name")));
        assertThat(configMap.path("data").has(reference.path("key").asString()))
                .as(what + " key " + reference.path("key"))
                .isTrue();
    }

    /** The workload's pods declare this port: a name (with its protocol), or a number. */
    private static boolean declares(Workload workload, JsonNode port, String protocol) {
        for (JsonNode container : workload.containers()) {
            for (JsonNode declared : container.path("ports")) {
                boolean same = port.isInt()
                        ? declared.path("containerPort").asInt() == port.asInt()
                        : declared.path("name").asString().equals(port.asString());
                if (same && declared.path("protocol").asString("TCP").equals(protocol)) {
                    return true;
                }
            }
        }
        return false;
    }
}
