package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;
import io.ringlab.model.process.ServiceJvmOptions;
import io.ringlab.model.process.ServiceLaunch;
import io.ringlab.model.topology.ClusterArguments;
import io.ringlab.model.topology.ServiceArguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Starts every service as a process of its own and stops them all. The pids are written to
 * {@code <run-dir>/pids} so that the wrapper script can clean up even if this JVM is killed.
 */
final class LocalCluster implements AutoCloseable {

    private final LaunchOptions options;
    private final ControlCredentials credentials;
    private final ClusterKeyEnvironment clusterKey;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final Placement placement;

    LocalCluster(LaunchOptions options) {
        this(options, new LoopbackPlacement(options));
    }

    LocalCluster(LaunchOptions options, Placement placement) {
        this.options = options;
        this.placement = placement;
        this.credentials = ControlCredentials.fromEnvironment(System.getenv());
        this.clusterKey = ClusterKeyEnvironment.fromEnvironment(System.getenv());
    }

    ClusterKeyEnvironment clusterKey() {
        return clusterKey;
    }

    /** The credentials every service of this run takes for its control endpoints. */
    ControlCredentials credentials() {
        return credentials;
    }

    void start() throws IOException {
        List<String> ring = IntStream.rangeClosed(1, options.servers())
                .mapToObj(placement::serverId)
                .toList();
        for (int i = 1; i <= options.servers(); i++) {
            launch(
                    "server-" + i,
                    Role.SERVER,
                    options.serverHttpPort(i),
                    placement.serverUdpPort(i),
                    "ring-server-service",
                    ClusterArguments.server("server-" + i, placement.serverUdpPort(i), placement.serverId(i), ring)
                            .with(ClusterArguments.RING_ELECTION_INTERVAL, options.electionInterval())
                            .with(ClusterArguments.RING_DOWNTIME, options.downtime())
                            .with(ClusterArguments.RING_PERIODIC, options.elections()));
        }
        for (int i = 1; i <= options.agents(); i++) {
            launch(
                    "agent-" + i,
                    Role.AGENT,
                    options.agentHttpPort(i),
                    placement.agentUdpPort(i),
                    "lb-agent-service",
                    ClusterArguments.agent("agent-" + i, placement.agentUdpPort(i), ring)
                            .withIf(
                                    options.agentMaxTries() != 0,
                                    ClusterArguments.AGENT_MAX_TRIES,
                                    options.agentMaxTries()));
        }
        for (int i = 1; i <= options.clients(); i++) {
            int agent = (i - 1) % options.agents() + 1;
            launch(
                    "client-" + i,
                    Role.CLIENT,
                    options.clientHttpPort(i),
                    0,
                    "load-client-service",
                    ClusterArguments.client("client-" + i, placement.agentEndpoint(agent))
                            .with(ClusterArguments.CLIENT_THREADS, options.threads()));
        }
        launch("dashboard", Role.DASHBOARD, options.dashboardHttpPort(), 0, "admin-dashboard", dashboardArguments());
    }

    /** The dashboard watches every service of the run, by name and REST URL, and in the lab the launcher's REST. */
    private ServiceArguments dashboardArguments() {
        ServiceArguments dashboard = ClusterArguments.dashboard();
        for (int i = 1; i <= options.servers(); i++) {
            dashboard = watch(dashboard, "servers", i, "server-" + i, options.serverHttpPort(i));
        }
        for (int i = 1; i <= options.agents(); i++) {
            dashboard = watch(dashboard, "agents", i, "agent-" + i, options.agentHttpPort(i));
        }
        for (int i = 1; i <= options.clients(); i++) {
            dashboard = watch(dashboard, "clients", i, "client-" + i, options.clientHttpPort(i));
        }
        // in the lab, the launcher's REST, for the dashboard's faults panel
        return dashboard.withIf(
                options.hosts(), ClusterArguments.DASHBOARD_LAB_URL, "http://127.0.0.1:" + options.controlPort());
    }

    private ServiceArguments watch(ServiceArguments dashboard, String list, int index, String name, int httpPort) {
        return ClusterArguments.watch(
                dashboard,
                list,
                index - 1,
                name,
                "http://" + ClusterArguments.hostPort(placement.httpHost(name), httpPort));
    }

    private void launch(String name, Role role, int httpPort, int udpPort, String module, ServiceArguments args)
            throws IOException {
        List<String> command = new ArrayList<>(placement.commandPrefix(name));
        command.add(javaExecutable());
        command.addAll(ServiceJvmOptions.of(options.home(), module));
        command.addAll(List.of(options.javaOptions().trim().split("\\s+")));
        command.addAll(placement.javaOptions());
        command.addAll(ServiceLaunch.arguments(executableJar(module)));
        command.add("--server.port=" + httpPort);
        command.add("--server.address=" + placement.httpHost(name));
        if (role != Role.DASHBOARD) {
            command.add("--ringlab." + role.name().toLowerCase(java.util.Locale.ROOT) + ".report-interval="
                    + options.reportInterval().toMillis() + "ms");
        }
        command.addAll(placement.roleArguments(role));
        command.addAll(args.toList());
        command.removeIf(String::isEmpty);
        ServiceProcess process = ServiceProcess.start(
                name,
                role,
                placement.httpHost(name),
                httpPort,
                udpPort,
                command,
                options.runDirectory().resolve("logs/" + name + ".log"),
                serviceEnvironment());
        processes.add(process);
        writePids();
        startListener.accept(process);
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>(credentials.environment());
        environment.putAll(clusterKey.environment());
        return environment;
    }

    private Path executableJar(String module) throws IOException {
        Path target = options.home().resolve(module).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no executable jar in " + target + ": build with mvn package"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no " + target + ": build with mvn package", e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void writePids() throws IOException {
        Files.createDirectories(options.runDirectory());
        Files.writeString(
                options.runDirectory().resolve("pids"),
                processes.stream()
                        .filter(ServiceProcess::isAlive)
                        .map(p -> Long.toString(p.pid()))
                        .collect(Collectors.joining("\n", "", "\n")));
    }

    /** Starts a monitoring tool (Prometheus, Grafana) that is stopped with the services. */
    void startTool(String name, Role role, int port, List<String> command, java.util.Map<String, String> environment)
            throws IOException {
        ServiceProcess process = ServiceProcess.start(
                name, role, port, 0, command, options.runDirectory().resolve("logs/" + name + ".log"), environment);
        processes.add(process);
        writePids();
        startListener.accept(process);
    }

    private java.util.function.Consumer<ServiceProcess> startListener = p -> {};

    /** Told of every process started from now on (the lab records those outside its namespaces). */
    void onStart(java.util.function.Consumer<ServiceProcess> listener) {
        this.startListener = listener;
    }

    /** The process of that name ({@code server-2}, {@code agent-1}). */
    ServiceProcess process(String name) {
        return processes.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name));
    }

    /** Kills the named process with SIGKILL; returns its pid. */
    long kill(String name) throws IOException, InterruptedException {
        ServiceProcess process = process(name);
        process.kill();
        writePids();
        return process.pid();
    }

    /** Starts the named process again with the same command; returns the new pid. */
    long restart(String name) throws IOException {
        ServiceProcess old = process(name);
        ServiceProcess fresh = old.restart();
        processes.set(processes.indexOf(old), fresh);
        writePids();
        return fresh.pid();
    }

    /** Kills ring server {@code index} (1-based) with SIGKILL; returns the dead process's pid. */
    long killServer(int index) throws IOException, InterruptedException {
        ServiceProcess server = ofRole(Role.SERVER).get(index - 1);
        server.kill();
        writePids();
        return server.pid();
    }

    /** Starts ring server {@code index} (1-based) again with the same command; returns the new pid. */
    long restartServer(int index) throws IOException {
        ServiceProcess old = ofRole(Role.SERVER).get(index - 1);
        ServiceProcess fresh = old.restart();
        processes.set(processes.indexOf(old), fresh);
        writePids();
        return fresh.pid();
    }

    /** Server names ({@code server-2}) by their ids ({@code 127.0.0.1:4243}, {@code server-2.lab.test:4242}). */
    java.util.Map<String, String> serverNamesById() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= options.servers(); i++) {
            names.put(placement.serverId(i), "server-" + i);
        }
        return names;
    }

    List<ServiceProcess> processes() {
        return processes;
    }

    List<ServiceProcess> ofRole(Role role) {
        return processes.stream().filter(p -> p.role() == role).toList();
    }

    @Override
    public void close() {
        // the dashboard first, so that it shows nobody as unreachable; then clients, so that no request is
        // counted as lost because its agent went away
        List<ServiceProcess> order = new ArrayList<>(ofRole(Role.DASHBOARD));
        order.addAll(ofRole(Role.CLIENT));
        order.addAll(ofRole(Role.AGENT));
        order.addAll(ofRole(Role.SERVER));
        order.addAll(ofRole(Role.MONITORING));
        order.forEach(ServiceProcess::requestStop);
        for (ServiceProcess process : order) {
            try {
                process.awaitStop(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(options.runDirectory().resolve("pids"));
        } catch (IOException ignored) {
            // the wrapper script tolerates a stale pid file
        }
    }
}
