package io.ringlab.launcher.rehearsal;

import java.util.List;

/** RingLab's pods by role, told by the label every RingLab pod template carries, and their HTTP endpoints. */
final class Roles {

    static final String LABEL = "app.kubernetes.io/name";
    static final String SERVER = "ring-server";
    static final String AGENT = "lb-agent";
    static final String CLIENT = "load-client";
    static final String DASHBOARD = "admin-dashboard";
    static final String PROMETHEUS = "prometheus";

    private Roles() {}

    static List<Pod> pods(Cluster cluster, String role) {
        return cluster.pods().stream()
                .filter(pod -> role.equals(pod.initial().labels().get(LABEL)))
                .toList();
    }

    /** {@code http://<pod ip>:<its port named http><path>} */
    static String url(Pod pod, String path) {
        return "http://%s:%d%s".formatted(pod.ip(), pod.port("http"), path);
    }
}
