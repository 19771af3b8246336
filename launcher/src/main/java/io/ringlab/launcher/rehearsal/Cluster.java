package io.ringlab.launcher.rehearsal;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What stands for the API server and the node's agents: the manifests in force (ConfigMaps, Secrets, Services), the
 * pods, and whatever follows from their readiness. Whenever a pod is made, becomes ready or unready, or goes, the
 * Services' endpoints are computed again and put in force: the DNS names (dnsmasq) and the virtual IPs' translation
 * (nftables in every pod's namespace), forgetting the flows of endpoints that went, as kube-proxy does.
 */
public final class Cluster implements AutoCloseable {

    public static final String DOMAIN = "cluster.local";

    private final RehearsalNetwork network;
    private final Entrypoints entrypoints;
    private final Path logs;
    private final Consumer<String> events;
    private final Kubelet kubelet;
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Map<String, String> virtualIps = new HashMap<>();
    private volatile Manifests manifests;
    private List<ServiceSpec> services = List.of();
    private List<ServiceRules.Endpoint> endpoints = List.of();
    private String rules = "";
    private DnsZone zone;

    public Cluster(RehearsalNetwork network, Entrypoints entrypoints, Path logs, Consumer<String> events) {
        this.network = network;
        this.entrypoints = entrypoints;
        this.logs = logs;
        this.events = events;
        this.kubelet = new Kubelet(pod -> propagate(), events);
    }

    /** Takes in the manifests' ConfigMaps, Secrets and Services (workloads are their controllers' business). */
    public synchronized void apply(Manifests next) throws IOException {
        this.manifests = next;
        List<ServiceSpec> specs = new ArrayList<>();
        next.ofKind("Service")
                .forEach(service -> specs.add(ServiceSpec.of(
                        service,
                        ServiceSpec.headless(service)
                                ? null
                                : virtualIps.computeIfAbsent(
                                        Manifests.namespace(service) + "/" + Manifests.name(service),
                                        key -> network.newServiceIp()))));
        services = List.copyOf(specs);
        propagate();
    }

    public Manifests manifests() {
        return manifests;
    }

    /** Whether some command on this machine stands for the container's image. */
    public boolean runnable(JsonNode workload) throws IOException {
        return entrypoints.entrypoint(container(workload)).isPresent();
    }

    /**
     * Makes a pod from a workload's template and starts it.
     *
     * @param hostname  {@code spec.hostname} ({@code null}: none)
     * @param subdomain {@code spec.subdomain} ({@code null}: none)
     */
    public Pod create(JsonNode workload, String podName, String hostname, String subdomain, String revision)
            throws IOException {
        JsonNode template = workload.path("spec").path("template");
        JsonNode container = container(workload);
        String namespace = Manifests.namespace(workload);
        String netns = network.runId() + "-" + podName;
        String ip = network.addPod(netns, DnsZone.resolvConf(namespace, DOMAIN, List.of(network.dnsIp())));
        Map<String, Integer> ports = new LinkedHashMap<>();
        container
                .path("ports")
                .forEach(port -> ports.put(
                        port.path("name").asString(), port.path("containerPort").asInt()));
        PodAddress address = new PodAddress(
                podName, namespace, ip, PodFields.labelsOf(template), hostname, subdomain, ports, false, false);
        try {
            network.writeHosts(netns, DnsZone.podHosts(address, DOMAIN));
            Path directory = network.state().resolve("pods").resolve(podName);
            Files.createDirectories(directory);
            Manifests now = manifests;
            PodVolumes volumes = PodVolumes.materialize(template.path("spec"), container, now, directory);
            PodFields fields =
                    new PodFields(podName, namespace, ip, address.labels(), "rehearsal", network.machineIp());
            Map<String, String> env = new LinkedHashMap<>();
            EnvResolver.environment(container, now, fields)
                    .forEach((name, value) -> env.put(name, volumes.rewrite(value)));
            List<String> command = new ArrayList<>();
            entrypoints.entrypoint(container).orElseThrow().forEach(part -> command.add(volumes.rewrite(part)));
            EnvResolver.expandAll(container.path("args"), env).forEach(arg -> command.add(volumes.rewrite(arg)));
            Map<Probe.Kind, Probe> probes = new EnumMap<>(Probe.Kind.class);
            for (Probe.Kind kind : Probe.Kind.values()) {
                Probe.of(container, kind).ifPresent(probe -> probes.put(kind, probe));
            }
            Pod pod = new Pod(
                    podName,
                    Manifests.kind(workload) + "/" + Manifests.name(workload),
                    revision,
                    address,
                    netns,
                    List.copyOf(command),
                    Map.copyOf(env),
                    directory,
                    logs.resolve(podName + ".log"),
                    template.path("spec").path("terminationGracePeriodSeconds").asLong(30),
                    new ProbeState(
                            probes.get(Probe.Kind.STARTUP),
                            probes.get(Probe.Kind.LIVENESS),
                            probes.get(Probe.Kind.READINESS)),
                    probes,
                    new Pod.Runtime());
            synchronized (this) {
                pods.put(podName, pod);
                network.applyTable(netns, rules);
            }
            propagate();
            kubelet.run(pod);
            events.accept("%s: created at %s (%s)".formatted(podName, ip, pod.owner()));
            return pod;
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                pods.remove(podName);
            }
            propagate();
            network.removePod(netns, ip);
            throw e;
        }
    }

    /** Deletes a pod: out of its Services at once, then its container stopped, then its namespace removed. */
    public void delete(Pod pod) throws InterruptedException {
        pod.runtime().terminating = true;
        propagate();
        kubelet.stop(pod);
        synchronized (this) {
            pods.remove(pod.name());
        }
        propagate();
        network.removePod(pod.netns(), pod.ip());
        events.accept(pod.name() + ": deleted");
    }

    public synchronized List<Pod> pods() {
        return List.copyOf(pods.values());
    }

    public synchronized Optional<Pod> pod(String name) {
        return Optional.ofNullable(pods.get(name));
    }

    public synchronized List<Pod> podsOf(String owner) {
        return pods.values().stream().filter(pod -> pod.owner().equals(owner)).toList();
    }

    public synchronized List<ServiceSpec> services() {
        return services;
    }

    /** The endpoints as they are now, put in force: DNS, and the Services' table in every pod's namespace. */
    private synchronized void propagate() {
        List<PodAddress> addresses = pods.values().stream().map(Pod::address).toList();
        List<ServiceRules.Endpoint> next = ServiceRules.endpoints(services, addresses);
        String table = ServiceRules.table(services, next);
        try {
            DnsZone nextZone = DnsZone.of(DOMAIN, services, addresses);
            if (!nextZone.equals(zone)) {
                network.updateDns(nextZone);
                zone = nextZone;
            }
            if (!table.equals(rules)) {
                for (Pod pod : pods.values()) {
                    network.applyTable(pod.netns(), table);
                }
                rules = table;
            }
            for (ServiceRules.Endpoint gone : ServiceRules.gone(endpoints, next)) {
                if (gone.protocol().equals("UDP")) {
                    pods.values().forEach(pod -> network.forgetFlows(pod.netns(), gone.virtualIp(), gone.ip()));
                }
            }
            endpoints = next;
        } catch (IOException e) {
            events.accept("!! the endpoints could not be put in force: " + e.getMessage());
        }
    }

    static JsonNode container(JsonNode workload) {
        return workload.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .path(0);
    }

    /** Stops every container at once, each within its grace period; the namespaces go with the network. */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (Pod pod : pods()) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            kubelet.stop(pod);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "stop-" + pod.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kubelet.close();
    }
}
