package io.ringlab.bench;

import io.ringlab.model.process.ServiceJvmOptions;
import io.ringlab.model.process.ServiceLaunch;
import io.ringlab.model.topology.ClusterArguments;
import io.ringlab.model.topology.ServiceArguments;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the load goes through: three ring servers (periodic elections off), two lb-agents over them, and NGINX's
 * {@code stream} module doing UDP round robin over the same three servers. Every port is a free one.
 */
final class Topology implements AutoCloseable {

    /** A service starts in about 6 s on an idle machine; on a loaded one, with several starting at once, minutes. */
    private static final long READY_TIMEOUT_MILLIS = 300_000;

    private final BenchOptions options;
    private final Path runDir;
    private final Http http;
    private final Map<String, String> environment;
    private final List<Service> services = new ArrayList<>();
    private final List<Integer> serverPorts = new ArrayList<>();
    private final List<Integer> agentPorts = new ArrayList<>();
    private final List<Service> agents = new ArrayList<>();
    /** An agent of its own for each agent variant's path ({@link AgentVariants}), by path. */
    private final Map<String, Service> transportAgents = new java.util.LinkedHashMap<>();

    private final Map<String, Integer> transportAgentPorts = new java.util.LinkedHashMap<>();
    private Service nginx;
    private int nginxPort;
    private Service relay;
    private int relayPort;

    Topology(BenchOptions options, Path runDir, Http http, Map<String, String> environment) {
        this.options = options;
        this.runDir = runDir;
        this.http = http;
        this.environment = environment;
    }

    void start(boolean withNginx) throws IOException, InterruptedException {
        for (int i = 1; i <= 3; i++) {
            serverPorts.add(freeUdpPort());
        }
        List<String> ring =
                serverPorts.stream().map(port -> "127.0.0.1:" + port).toList();
        for (int i = 1; i <= 3; i++) {
            ready(java(
                    "server-" + i,
                    "ring-server-service",
                    ClusterArguments.server("server-" + i, serverPorts.get(i - 1), ring.get(i - 1), ring)
                            .with(ClusterArguments.RING_PERIODIC, false)));
        }
        // the two default agents serve the path agent and the seed's system; a run of agent variants alone
        // starts neither, which on this small machine shortens the start of the run
        int defaultAgents = options.paths().contains("agent") || options.seedSystem() ? 2 : 0;
        for (int i = 1; i <= defaultAgents; i++) {
            agentPorts.add(freeUdpPort());
            Service agent = ready(java(
                    "agent-" + i,
                    "lb-agent-service",
                    ClusterArguments.agent("agent-" + i, agentPorts.get(i - 1), ring)));
            agents.add(agent);
        }
        for (String path : options.paths()) {
            if (AgentVariants.contains(path)) {
                int port = freeUdpPort();
                Service agent = ready(java(
                        path,
                        "lb-agent-service",
                        ClusterArguments.agent(path, port, ring).and(AgentVariants.properties(path))));
                transportAgents.put(path, agent);
                transportAgentPorts.put(path, port);
            }
        }
        if (withNginx) {
            startNginx();
        }
        if (options.paths().contains("relay")) {
            startRelay();
        }
    }

    /**
     * Waits until the service answers, before the next one starts: each service's time to ready is its own, not a
     * share of a machine that starts them all at once.
     */
    private Service ready(Service service) throws IOException, InterruptedException {
        services.add(service); // closed with the topology even if it never gets ready
        service.awaitReady(http, READY_TIMEOUT_MILLIS);
        return service;
    }

    /** A load client process driving {@code target}, with its extra properties. */
    Service client(String name, String target, String... properties) throws IOException, InterruptedException {
        Service client = java(
                name,
                "load-client-service",
                ClusterArguments.client(name, target).and(properties));
        client.awaitReady(http, READY_TIMEOUT_MILLIS);
        return client;
    }

    String directTarget() {
        return "127.0.0.1:" + serverPorts.get(0);
    }

    String agentTarget(int index) {
        return "127.0.0.1:" + agentPorts.get(index);
    }

    String nginxTarget() {
        return "127.0.0.1:" + nginxPort;
    }

    Service agent(int index) {
        return agents.get(index);
    }

    /** The agent of an agent variant's path. */
    String transportAgentTarget(String path) {
        return "127.0.0.1:" + transportAgentPorts.get(path);
    }

    Service transportAgent(String path) {
        return transportAgents.get(path);
    }

    /** Each RingLab service started at the start of the run (one after another), and its time to ready in ms. */
    Map<String, Long> readyMillis() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        services.stream()
                .filter(service -> service != nginx && service != relay)
                .forEach(service -> out.put(service.name(), service.readyMillis()));
        return out;
    }

    Service nginx() {
        return nginx;
    }

    /** Where a process of the run logs. */
    Path log(String name) {
        return runDir.resolve(name + ".log");
    }

    String relayTarget() {
        return "127.0.0.1:" + relayPort;
    }

    Service relay() {
        return relay;
    }

    /** The three servers' processes. */
    List<ProcessHandle> servers() {
        return services.subList(0, 3).stream().map(Service::handle).toList();
    }

    /** The first server: the direct path's only server, whose CPU is shown for that path. */
    Service firstServer() {
        return services.get(0);
    }

    private void startNginx() throws IOException, InterruptedException {
        nginxPort = freeUdpPort();
        Path dir = runDir.resolve("nginx");
        Files.createDirectories(dir);
        String upstreams = serverPorts.stream()
                .map(port -> "    server 127.0.0.1:" + port + ";")
                .collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve("nginx.conf"), """
                # generated by bench/run: UDP round robin over the benchmark's three ring servers
                load_module /usr/lib/nginx/modules/ngx_stream_module.so;
                daemon off;
                master_process on;
                worker_processes 2;
                worker_rlimit_nofile 65536;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 16384; }
                stream {
                  upstream ring {
                %s
                  }
                  server {
                    listen 127.0.0.1:%d udp reuseport;
                    proxy_pass ring;
                    proxy_responses 1;
                    proxy_timeout 3s;
                  }
                }
                """.formatted(dir, dir, upstreams, nginxPort));
        nginx = Service.start(
                "nginx",
                List.of(
                        "nginx",
                        "-p",
                        dir.toString(),
                        "-e",
                        dir.resolve("error.log").toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString()),
                Map.of(),
                runDir.resolve("nginx.log"),
                0);
        services.add(nginx);
        nginx.awaitAlive(1000);
    }

    /** The batched C relay ({@code bench/relay/udp-relay.c}, built by bench/run) over the same three servers. */
    private void startRelay() throws IOException, InterruptedException {
        Path binary = options.home().resolve("bench/target/udp-relay");
        if (!Files.isExecutable(binary)) {
            throw new IOException("no " + binary + ": bench/run builds it from bench/relay/udp-relay.c");
        }
        relayPort = freeUdpPort();
        List<String> command = new ArrayList<>(List.of(binary.toString(), String.valueOf(relayPort)));
        serverPorts.forEach(port -> command.add(String.valueOf(port)));
        relay = Service.start("relay", command, Map.of(), runDir.resolve("relay.log"), 0);
        services.add(relay);
        relay.awaitAlive(500);
    }

    private Service java(String name, String module, ServiceArguments arguments) throws IOException {
        int httpPort = freeTcpPort();
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(ServiceJvmOptions.of(options.home(), module));
        command.addAll(options.javaOptions());
        command.removeIf(String::isEmpty);
        command.addAll(ServiceLaunch.arguments(jar(module)));
        command.add("--server.port=" + httpPort);
        command.addAll(arguments.toList());
        return Service.start(name, command, environment, runDir.resolve(name + ".log"), httpPort);
    }

    private Path jar(String module) throws IOException {
        try (var files = Files.list(options.home().resolve(module).resolve("target"))) {
            return files.filter(path -> path.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("no " + module + " jar: build first (bench/run does)"));
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
    }
}
