package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize} (the command in {@code $KUBECTL}, else {@code kubectl}), and
 * writes the kustomization a user would write to change the ring's size: the overlay, with the StatefulSet's
 * replicas and the ConfigMap {@code ring}'s peers for the new size, and the dashboard's list of servers when the
 * overlay gives it one (with DNS discovery it has none).
 */
public final class Kustomize {

    private static final String KUBECTL =
            Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");

    private Kustomize() {}

    public static Manifests render(Path folder) throws IOException {
        Process process = new ProcessBuilder(KUBECTL, "kustomize", folder.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("kubectl kustomize " + folder + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return Manifests.parse(output);
    }

    /**
     * The overlay with a ring of {@code size}: a kustomization in {@code folder} that includes it.
     *
     * @param rendered the overlay as rendered, to read the StatefulSet's names from
     */
    public static String resized(Path folder, Path overlay, Manifests rendered, String statefulSet, int size) {
        JsonNode set = rendered.find("StatefulSet", statefulSet)
                .orElseThrow(() -> new IllegalArgumentException("the overlay has no StatefulSet " + statefulSet));
        String namespace = Manifests.namespace(set);
        String peers = rendered.ofKind("ConfigMap")
                .filter(c -> Manifests.name(c).startsWith("ring-"))
                .map(c -> c.path("data").path("peers").asString())
                .filter(p -> !p.isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the overlay has no ConfigMap ring with peers"));
        String first = peers.split(",")[0];
        String prefix = statefulSet + "-0";
        if (!first.startsWith(prefix + ".")) {
            throw new IllegalArgumentException("the ring's first peer " + first + " is not " + prefix + "...");
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(statefulSet + "-" + i + first.substring(prefix.length()));
        }
        StringBuilder out = new StringBuilder("""
                # The ring resized to %d, as a user would write it: the StatefulSet's replicas, the ring's peers and the
                # dashboard's list of servers (written by the rehearsal)
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: %s
                resources:
                  - %s
                replicas:
                  - name: %s
                    count: %d
                configMapGenerator:
                  - name: ring
                    behavior: merge
                    literals:
                      - peers=%s
                """.formatted(
                        size, namespace, folder.relativize(overlay), statefulSet, size, String.join(",", entries)));
        String dashboardFirst = rendered.ofKind("ConfigMap")
                .filter(c -> Manifests.name(c).startsWith("admin-dashboard-"))
                .map(c -> c.path("data").path("RINGLAB_DASHBOARD_SERVERS_0_URL").asString())
                .filter(u -> !u.isEmpty())
                .findFirst()
                .orElse("");
        if (dashboardFirst.contains(prefix + ".")) {
            out.append("""
                      - name: admin-dashboard
                        behavior: merge
                        literals:
                    """);
            for (int i = 0; i < size; i++) {
                out.append("      - RINGLAB_DASHBOARD_SERVERS_%d_NAME=%s-%d%n".formatted(i, statefulSet, i));
                out.append("      - RINGLAB_DASHBOARD_SERVERS_%d_URL=%s%n"
                        .formatted(i, dashboardFirst.replace(prefix + ".", statefulSet + "-" + i + ".")));
            }
        }
        return out.toString();
    }

    public static Manifests renderResized(Path folder, Path overlay, Manifests rendered, String statefulSet, int size)
            throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("kustomization.yaml"), resized(folder, overlay, rendered, statefulSet, size));
        return render(folder);
    }
}
