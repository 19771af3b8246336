package io.ringlab.k8s;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every container of a RingLab service that has its own JVM options ({@code <module>/jvm.options}, which the launcher
 * and bench/run use) runs with the same options in {@code JAVA_TOOL_OPTIONS}, in every overlay.
 */
class JvmOptionsTest {

    @BeforeAll
    static void kubectl() {
        Kustomize.assumeAvailable();
    }

    static List<String> overlays() {
        return Kustomize.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void containersRunWithTheirServicesJvmOptions(String overlay) throws IOException {
        int checked = 0;
        for (Workload workload : Kustomize.overlay(overlay).workloads()) {
            for (JsonNode container : workload.containers()) {
                Path options = Project.HOME
                        .resolve(module(container.path("image").asString()))
                        .resolve("jvm.options");
                if (!Files.isRegularFile(options)) {
                    continue;
                }
                String expected = String.join(
                        " ",
                        Files.readAllLines(options).stream()
                                .map(String::strip)
                                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                                .toList());
                assertThat(Workload.envValue(container, "JAVA_TOOL_OPTIONS"))
                        .as(workload.describe())
                        .hasValue(expected);
                checked++;
            }
        }
        assertThat(checked)
                .as("containers of services with JVM options in " + overlay)
                .isPositive();
    }

    /** {@code registry/ringlab/lb-agent-service:1.0} → {@code lb-agent-service}. */
    private static String module(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        int tag = name.indexOf(':');
        int digest = name.indexOf('@');
        int end = tag >= 0 ? tag : digest >= 0 ? digest : name.length();
        return name.substring(0, end);
    }
}
