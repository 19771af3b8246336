package io.ringlab.launcher;

import io.ringlab.launcher.ServiceProcess.Role;

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
        String serverList = IntStream.rangeClosed(1, options.servers())
                .mapToObj(placement::serverId)
                .collect(Collectors.joining(","));
        for (int i = 1; i <= options.servers(); i++) {
            launch("server-" + i, Role.SERVER, options.serverHttpPort(i), placement.serverUdpPort(i), "ring-server-service",
                    "--ringlab.server.name=server-" + i, "--ringlab.server.port=" + placement.serverUdpPort(i),
                    "--ringlab.server.ring.self=" + placement.serverId(i),
                    "--ringlab.server.ring.peers=" + serverList,
                    "--ringlab.server.ring.election-interval=" + options.electionInterval().toMillis() + "ms",
                    "--ringlab.server.ring.downtime=" + options.downtime().toMillis() + "ms",
                    "--ringlab.server.ring.periodic=" + options.elections());
        }
        for (int i = 1; i <= options.agents(); i++) {
            launch("agent-" + i, Role.AGENT, options.agentHttpPort(i), placement.agentUdpPort(i), "lb-agent-service",
                    "--ringlab.agent.name=agent-" + i, "--ringlab.agent.client-port=" + placement.agentUdpPort(i),
                    "--ringlab.agent.servers=" + serverList,
                    options.agentMaxTries() == 0 ? "" : "--ringlab.agent.retry.max-tries=" + options.agentMaxTries());
        }
        for (int i = 1; i <= options.clients(); i++) {
            int agent = (i - 1) % options.agents() + 1;
            launch("client-" + i, Role.CLIENT, options.clientHttpPort(i), 0, "load-client-service",
                    "--ringlab.client.name=client-" + i, "--ringlab.client.agent=" + placement.agentEndpoint(agent),
                    "--ringlab.client.threads=" + options.threads());
        }
        launch("dashboard", Role.DASHBOARD, options.dashboardHttpPort(), 0, "admin-dashboard",
                dashboardArguments().toArray(String[]::new));
    }

    /** The dashboard watches every service of the run, by name and REST URL, and in the lab the launcher's REST. */
    private List<String> dashboardArguments() {
        List<String> args = new ArrayList<>();
        for (int i = 1; i <= options.servers(); i++) {
            args.addAll(watched("servers", i, "server-" + i, options.serverHttpPort(i)));
        }
        for (int i = 1; i <= options.agents(); i++) {
            args.addAll(watched("agents", i, "agent-" + i, options.agentHttpPort(i)));
        }
        for (int i = 1; i <= options.clients(); i++) {
            args.addAll(watched("clients", i, "client-" + i, options.clientHttpPort(i)));
        }
        if (options.hosts()) {
            // the launcher's REST, for the dashboard's faults panel
            args.add("--ringlab.dashboard.lab-url=http://127.0.0.1:" + options.controlPort());
        }
        return args;
    }

    private List<String> watched(String list, int index, String name, int httpPort) {
        String property = "--ringlab.dashboard.%s[%d].".formatted(list, index - 1);
        String host = placement.httpHost(name);
        return List.of(property + "name=" + name,
                property + "url=http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpPort);
    }

    private void launch(String name, Role role, int httpPort, int udpPort, String module, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(placement.commandPrefix(name));
        command.add(javaExecutable());
        command.addAll(ServiceJvmOptions.of(options.home(), module));
        command.addAll(List.of(options.javaOptions().trim().split("\\s+")));
        command.addAll(placement.javaOptions());
        command.add("-jar");
        command.add(executableJar(module).toString());
        command.add("--server.port=" + httpPort);
        command.add("--server.address=" + placement.httpHost(name));
        if (role != Role.DASHBOARD) {
            command.add("--ringlab." + role.name().toLowerCase(java.util.Locale.ROOT) + ".report-interval="
                    + options.reportInterval().toMillis() + "ms");
        }
        command.addAll(placement.roleArguments(role));
        command.addAll(List.of(args));
        command.removeIf(String::isEmpty);
        ServiceProcess process = ServiceProcess.start(name, role, placement.httpHost(name), httpPort, udpPort, command,
                options.runDirectory().resolve("logs/" + name + ".log"), serviceEnvironment());
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
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
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
        Files.writeString(options.runDirectory().resolve("pids"), processes.stream().filter(ServiceProcess::isAlive)
                .map(p -> Long.toString(p.pid())).collect(Collectors.joining("\n", "", "\n")));
    }

    /** Starts a monitoring tool (Prometheus, Grafana) that is stopped with the services. */
    void startTool(String name, Role role, int port, List<String> command, java.util.Map<String, String> environment)
            throws IOException {
        ServiceProcess process = ServiceProcess.start(name, role, port, 0, command,
                options.runDirectory().resolve("logs/" + name + ".log"), environment);
        processes.add(process);
        writePids();
        startListener.accept(process);
    }

    private java.util.function.Consumer<ServiceProcess> startListener = p -> { };

    /** Told of every process started from now on (the lab records those outside its namespaces). */
    void onStart(java.util.function.Consumer<ServiceProcess> listener) {
        this.startListener = listener;
    }

    /** The process of that name ({@code server-2}, {@code agent-1}). */
    ServiceProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
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
