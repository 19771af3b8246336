package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check fails what the API server would refuse: broken manifests are caught, one mistake at a time. */
class SchemaStrictnessTest {

    private static final KubernetesSchemas SCHEMAS = RenderedOverlaysTest.SCHEMAS;

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    @Test
    void aBrokenOverlayIsCaught(@TempDir Path folder) throws IOException {
        // an overlay of the seed's with three mistakes, rendered like the real ones (kustomize takes relative paths)
        Files.writeString(folder.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s
                patches:
                  - target:
                      kind: StatefulSet
                      name: ring-server
                    patch: |-
                      - op: add
                        path: /spec/template/spec/containers/0/readinessProbe/httpGet/paht
                        value: /actuator/health/readiness
                      - op: replace
                        path: /spec/replicas
                        value: three
                  - target:
                      kind: Service
                      name: lb-agent-udp
                    patch: |-
                      - op: remove
                        path: /spec/ports/0/port
                """.formatted(
                        folder.relativize(Project.OVERLAYS.resolve("seed"))));
        List<String> errors = errors(Kustomize.render(folder));

        assertThat(errors)
                .anySatisfy(error -> assertThat(error)
                        .startsWith("StatefulSet ring-server")
                        .contains("/spec/template/spec/containers/0/readinessProbe/httpGet")
                        .contains("paht"));
        assertThat(errors)
                .anySatisfy(error -> assertThat(error)
                        .startsWith("StatefulSet ring-server")
                        .contains("/spec/replicas")
                        .contains("integer"));
        assertThat(errors)
                .anySatisfy(error -> assertThat(error)
                        .startsWith("Service lb-agent-udp")
                        .contains("/spec/ports/0")
                        .contains("port"));
        assertThat(errors).hasSize(3);
    }

    @Test
    void anUnknownFieldDeepInAPodIsCaught() {
        ObjectNode deployment = seedObject("Deployment", "lb-agent");
        ((ObjectNode) container(deployment).path("securityContext")).put("readOnlyRootFilesytem", true);

        assertThat(SCHEMAS.errors(deployment))
                .singleElement()
                .asString()
                .contains("/spec/template/spec/containers/0/securityContext")
                .contains("readOnlyRootFilesytem");
    }

    @Test
    void aWrongTypeIsCaught() {
        ObjectNode deployment = seedObject("Deployment", "lb-agent");
        ((ObjectNode) container(deployment).path("ports").get(0)).put("containerPort", "4245");

        assertThat(SCHEMAS.errors(deployment))
                .singleElement()
                .asString()
                .contains("/spec/template/spec/containers/0/ports/0/containerPort")
                .contains("integer");
    }

    @Test
    void aMissingRequiredFieldIsCaught() {
        ObjectNode deployment = seedObject("Deployment", "lb-agent");
        container(deployment).remove("name");

        assertThat(SCHEMAS.errors(deployment))
                .singleElement()
                .asString()
                .contains("/spec/template/spec/containers/0")
                .contains("name");
    }

    @Test
    void anIntOrStringAndAQuantityTakeEither() {
        ObjectNode deployment = seedObject("Deployment", "lb-agent");
        ObjectNode container = container(deployment);
        ((ObjectNode) container.path("readinessProbe").path("httpGet")).put("port", 8080);
        ((ObjectNode) container.path("resources").path("limits")).put("cpu", 1);

        assertThat(SCHEMAS.errors(deployment)).isEmpty();
    }

    @Test
    void aPodMonitorIsCheckedAgainstTheOperatorsSchema() {
        ObjectNode podMonitor = (ObjectNode) Kustomize.overlay("prometheus-operator")
                .get("PodMonitor", "ringlab")
                .deepCopy();
        assertThat(SCHEMAS.errors(podMonitor)).isEmpty();

        ((ObjectNode) podMonitor.path("spec").path("podMetricsEndpoints").get(0)).put("honourLabels", true);
        assertThat(SCHEMAS.errors(podMonitor)).singleElement().asString().contains("honourLabels");
    }

    @Test
    void aKindWithoutASchemaIsCaught() {
        ObjectNode object = seedObject("Deployment", "lb-agent");
        object.put("apiVersion", "apps/v1beta2");

        assertThat(SCHEMAS.errors(object)).singleElement().asString().contains("no schema for apps/v1beta2 Deployment");
    }

    private static List<String> errors(Manifest manifest) {
        List<String> errors = new ArrayList<>();
        for (JsonNode object : manifest.objects()) {
            SCHEMAS.errors(object).forEach(error -> errors.add(Manifest.describe(object) + " " + error));
        }
        return errors;
    }

    private static ObjectNode seedObject(String kind, String name) {
        return (ObjectNode) Kustomize.overlay("seed").get(kind, name).deepCopy();
    }

    private static ObjectNode container(ObjectNode workload) {
        return (ObjectNode) workload.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }
}
