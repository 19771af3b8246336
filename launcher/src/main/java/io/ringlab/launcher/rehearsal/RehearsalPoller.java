package io.ringlab.launcher.rehearsal;

import io.ringlab.launcher.lab.check.Observation;
import io.ringlab.launcher.lab.observe.ObservationPoller;
import io.ringlab.launcher.lab.observe.ObservationPoller.Target;

import java.time.Duration;
import java.util.List;

/**
 * The rehearsal's pods as the lab checker's observation, read from the node: servers are named by their pods; a
 * server id ({@code ring-server-1.ring-server.ringlab.svc.cluster.local:4242}) by the pod name it starts with.
 */
public final class RehearsalPoller {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final Cluster cluster;
    private final ObservationPoller poller = new ObservationPoller(TIMEOUT, RehearsalPoller::podOf);

    public RehearsalPoller(Cluster cluster) {
        this.cluster = cluster;
    }

    public Observation poll(long nanos) {
        return poller.poll(
                nanos,
                targets(Roles.SERVER, "/api/ring"),
                targets(Roles.AGENT, "/api/status"),
                targets(Roles.CLIENT, "/api/status"));
    }

    private List<Target> targets(String role, String path) {
        return Roles.pods(cluster, role).stream()
                .filter(pod -> !pod.terminating())
                .map(pod -> new Target(pod.name(), Roles.url(pod, path)))
                .toList();
    }

    static String podOf(String serverId) {
        int dot = serverId.indexOf('.');
        return dot < 0 ? serverId : serverId.substring(0, dot);
    }
}
