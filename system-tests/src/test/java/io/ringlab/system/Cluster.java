package io.ringlab.system;

import io.ringlab.agent.LbAgentApplication;
import io.ringlab.client.LoadClientApplication;
import io.ringlab.dashboard.DashboardApplication;
import io.ringlab.model.topology.ClusterArguments;
import io.ringlab.model.topology.ServiceArguments;
import io.ringlab.server.RingServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RingLab services started in this JVM on ephemeral ports (UDP and HTTP), closed in reverse order.
 * Each start takes extra {@code --property=value} arguments. Every service takes {@link #PASSWORD} for its
 * control endpoints (see {@link ControlClient}) and {@link #CLUSTER_KEY}, the key that authenticates the datagrams
 * between cluster members.
 */
class Cluster implements AutoCloseable {

    /** The operator's password of every service started here: drawn per test run, never written down. */
    static final String PASSWORD = java.util.UUID.randomUUID().toString();

    /** The cluster key ({@code ringlab.cluster.key}) of every ring server and agent started here: drawn per run. */
    static final String CLUSTER_KEY = java.util.Base64.getEncoder().encodeToString(randomBytes(32));

    private final List<RunningService> started = new ArrayList<>();

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A ring server on a free port, unless the arguments name one. */
    RunningService server(String name, String... args) {
        ServiceArguments given = ServiceArguments.of(args);
        return start(
                name,
                RingServerApplication.application(),
                ServiceArguments.of()
                        .with(ClusterArguments.SERVER_NAME, name)
                        .withIf(!given.sets(ClusterArguments.SERVER_PORT), ClusterArguments.SERVER_PORT, 0)
                        .and(args));
    }

    /**
     * {@code count} ring servers named server-1.. on consecutive free UDP ports, forming one ring.
     * Each takes the extra arguments too.
     */
    List<RunningService> ring(int count, java.util.Random random, String... args) {
        return ring(count, random, i -> new String[0], args);
    }

    /** The same, with arguments of its own for server {@code i} (from 0) too. */
    List<RunningService> ring(
            int count, java.util.Random random, java.util.function.IntFunction<String[]> perServer, String... args) {
        int[] offsets = java.util.stream.IntStream.range(0, count).toArray();
        int base = FreePorts.udpBlock(random, offsets);
        List<String> ring = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "127.0.0.1:" + (base + i))
                .toList();
        List<RunningService> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            servers.add(start(
                    "server-" + (i + 1),
                    RingServerApplication.application(),
                    ClusterArguments.server("server-" + (i + 1), base + i, ring.get(i), ring)
                            .and(args)
                            .and(perServer.apply(i))));
        }
        return servers;
    }

    RunningService agent(String name, List<RunningService> servers, String... args) {
        String serverList = servers.stream()
                .map(s -> "127.0.0.1:" + s.udpPort("requestSocket"))
                .collect(Collectors.joining(","));
        return agentTo(name, serverList, args);
    }

    RunningService agentTo(String name, String serverList, String... args) {
        return start(
                name,
                LbAgentApplication.application(),
                ClusterArguments.agent(name, 0, List.of(serverList.split(","))).and(args));
    }

    RunningService client(String name, String agentAddress, String... args) {
        return start(
                name,
                LoadClientApplication.application(),
                ClusterArguments.client(name, agentAddress).and(args));
    }

    /** The admin dashboard watching these services, each by its name and REST URL. */
    RunningService dashboard(
            List<RunningService> servers, List<RunningService> agents, List<RunningService> clients, String... args) {
        ServiceArguments dashboard = ClusterArguments.dashboard();
        for (var list : List.of(
                java.util.Map.entry("servers", servers),
                java.util.Map.entry("agents", agents),
                java.util.Map.entry("clients", clients))) {
            for (int i = 0; i < list.getValue().size(); i++) {
                RunningService service = list.getValue().get(i);
                dashboard = ClusterArguments.watch(
                        dashboard, list.getKey(), i, service.name(), "http://127.0.0.1:" + service.httpPort());
            }
        }
        return start("dashboard", DashboardApplication.application(), dashboard.and(args));
    }

    static String address(RunningService agent) {
        return "127.0.0.1:" + agent.udpPort("clientSocket");
    }

    /** Starts a service with the run's password, and with its cluster key unless the arguments set the keys. */
    private RunningService start(String name, SpringApplicationBuilder builder, ServiceArguments args) {
        ServiceArguments all = ServiceArguments.of(
                        "--server.port=0", "--spring.jmx.enabled=false", "--ringlab.security.password=" + PASSWORD)
                .withIf(!args.sets("ringlab.cluster"), "ringlab.cluster.key", CLUSTER_KEY)
                .and(args.toList());
        RunningService service = new RunningService(name, builder.run(all.toArray()));
        started.add(service);
        return service;
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
