package io.ringlab.launcher.rehearsal;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KustomizeTest {

    private static final Manifests RENDERED = Manifests.parse("""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: ring-server, namespace: ringlab}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: ring-5t8c2k7h9d, namespace: ringlab}
            data:
              peers: ring-server-0.ring-server.ringlab.svc.cluster.local:4242,ring-server-1.ring-server.ringlab.svc.cluster.local:4242,ring-server-2.ring-server.ringlab.svc.cluster.local:4242
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: admin-dashboard-h2k9t7m5c8, namespace: ringlab}
            data:
              RINGLAB_DASHBOARD_SERVERS_0_URL: http://ring-server-0.ring-server.ringlab.svc.cluster.local:8080
            """);

    @Test
    void aResizedRingChangesReplicasPeersAndTheDashboardsList() {
        String kustomization = Kustomize.resized(
                Path.of("/x/target/resize-4"), Path.of("/x/k8s/overlays/rehearsal"), RENDERED, "ring-server", 4);

        assertThat(kustomization)
                .contains(
                        "namespace: ringlab\n",
                        "  - ../../k8s/overlays/rehearsal\n",
                        "  - name: ring-server\n    count: 4\n",
                        "      - peers=ring-server-0.ring-server.ringlab.svc.cluster.local:4242,"
                                + "ring-server-1.ring-server.ringlab.svc.cluster.local:4242,"
                                + "ring-server-2.ring-server.ringlab.svc.cluster.local:4242,"
                                + "ring-server-3.ring-server.ringlab.svc.cluster.local:4242\n",
                        "      - RINGLAB_DASHBOARD_SERVERS_3_NAME=ring-server-3\n",
                        "      - RINGLAB_DASHBOARD_SERVERS_3_URL=http://ring-server-3.ring-server.ringlab.svc.cluster.local:8080\n");
    }
}
