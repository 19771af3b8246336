package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every overlay renders, and every object it renders is valid under the Kubernetes API's schema. */
class RenderedOverlaysTest {

    static final KubernetesSchemas SCHEMAS = new KubernetesSchemas();

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @Test
    void theIssuesOverlaysExist() {
        assertThat(overlays()).contains("seed", "laptop", "bring-your-own-load");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsValid(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        assertThat(manifest.objects()).isNotEmpty();
        List<String> errors = new ArrayList<>();
        for (JsonNode object : manifest.objects()) {
            SCHEMAS.errors(object).forEach(error -> errors.add(Manifest.describe(object) + " " + error));
        }
        assertThat(errors).as(overlay).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsInTheNamespaceRingLab(String overlay) {
        // monitoring/prometheus/prometheus-k8s.yml and the ring's DNS names assume it
        for (JsonNode object : Kustomize.overlay(overlay).objects()) {
            String expected = Manifest.kind(object).equals("Namespace") ? "" : "ringlab";
            assertThat(Manifest.namespace(object)).as(Manifest.describe(object)).isEqualTo(expected);
        }
    }
}
