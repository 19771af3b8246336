package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;
import io.ringlab.launcher.lab.check.Observation;
import io.ringlab.launcher.lab.observe.ObservationPoller;
import io.ringlab.launcher.lab.observe.ObservationPoller.Target;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The lab run's services as the checker's observation: each read at its lab address, servers by their names. */
final class LabPoller {

    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private final LocalCluster cluster;
    private final ObservationPoller poller;

    LabPoller(LocalCluster cluster) {
        this.cluster = cluster;
        Map<String, String> serverNameById = cluster.serverNamesById();
        this.poller = new ObservationPoller(TIMEOUT, id -> serverNameById.getOrDefault(id, id));
    }

    Observation poll(long nanos) {
        return poller.poll(
                nanos,
                targets(Role.SERVER, ServiceProcess::ringUrl),
                targets(Role.AGENT, ServiceProcess::statusUrl),
                targets(Role.CLIENT, ServiceProcess::statusUrl));
    }

    private List<Target> targets(Role role, Function<ServiceProcess, String> url) {
        return cluster.ofRole(role).stream()
                .map(process -> new Target(process.name(), url.apply(process)))
                .toList();
    }
}
