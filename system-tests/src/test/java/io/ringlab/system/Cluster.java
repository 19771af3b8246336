package io.ringlab.system;

import io.ringlab.agent.LbAgentApplication;
import io.ringlab.client.LoadClientApplication;
import io.ringlab.dashboard.DashboardApplication;
import io.ringlab.server.RingServerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
        boolean portGiven = Stream.of(args).anyMatch(arg -> arg.startsWith("--ringlab.server.port="));
        return start(name, RingServerApplication.application(), Stream.concat(Stream.of(
                "--ringlab.server.name=" + name, portGiven ? "" : "--ringlab.server.port=0"), Stream.of(args))
                .filter(arg -> !arg.isEmpty()));
    }

    /**
     * {@code count} ring servers named server-1.. on consecutive free UDP ports, forming one ring.
     * Each takes the extra arguments too.
     */
    List<RunningService> ring(int count, java.util.Random random, String... args) {
        return ring(count, random, i -> new String[0], args);
    }

    /** The same, with arguments of its own for server {@code i} (from 0) too. */
    List<RunningService> ring(int count, java.util.Random random, java.util.function.IntFunction<String[]> perServer,
                              String... args) {
        int[] offsets = java.util.stream.IntStream.range(0, count).toArray();
        int base = FreePorts.udpBlock(random, offsets);
        String peers = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "127.0.0.1:" + (base + i))
                .collect(Collectors.joining(","));
        List<RunningService> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] all = Stream.of(Stream.of("--ringlab.server.ring.self=127.0.0.1:" + (base + i),
                    "--ringlab.server.ring.peers=" + peers), Stream.of(args), Stream.of(perServer.apply(i)))
                    .flatMap(s -> s).toArray(String[]::new);
            servers.add(start("server-" + (i + 1), RingServerApplication.application(), Stream.concat(Stream.of(
                    "--ringlab.server.name=server-" + (i + 1), "--ringlab.server.port=" + (base + i)), Stream.of(all))));
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
        return start(name, LbAgentApplication.application(), Stream.concat(Stream.of(
                "--ringlab.agent.name=" + name, "--ringlab.agent.client-port=0",
                "--ringlab.agent.servers=" + serverList), Stream.of(args)));
    }

    RunningService client(String name, String agentAddress, String... args) {
        return start(name, LoadClientApplication.application(), Stream.concat(Stream.of(
                "--ringlab.client.name=" + name, "--ringlab.client.agent=" + agentAddress), Stream.of(args)));
    }

    /** The admin dashboard watching these services, each by its name and REST URL. */
    RunningService dashboard(List<RunningService> servers, List<RunningService> agents, List<RunningService> clients,
                             String... args) {
        Stream<String> watched = Stream.of(watched("servers", servers), watched("agents", agents),
                watched("clients", clients)).flatMap(s -> s);
        return start("dashboard", DashboardApplication.application(), Stream.concat(watched, Stream.of(args)));
    }

    private static Stream<String> watched(String list, List<RunningService> services) {
        return java.util.stream.IntStream.range(0, services.size()).boxed().flatMap(i -> Stream.of(
                "--ringlab.dashboard.%s[%d].name=%s".formatted(list, i, services.get(i).name()),
                "--ringlab.dashboard.%s[%d].url=http://127.0.0.1:%d".formatted(list, i, services.get(i).httpPort())));
    }

    static String address(RunningService agent) {
        return "127.0.0.1:" + agent.udpPort("clientSocket");
    }

    /** Starts a service with the run's password, and with its cluster key unless the arguments set the keys. */
    private RunningService start(String name, SpringApplicationBuilder builder,
                                 Stream<String> args) {
        List<String> given = args.toList();
        boolean keysGiven = given.stream().anyMatch(arg -> arg.startsWith("--ringlab.cluster."));
        String[] all = Stream.concat(Stream.of("--server.port=0", "--spring.jmx.enabled=false",
                        "--ringlab.security.password=" + PASSWORD,
                        keysGiven ? "" : "--ringlab.cluster.key=" + CLUSTER_KEY), given.stream())
                .filter(arg -> !arg.isEmpty())
                .toArray(String[]::new);
        RunningService service = new RunningService(name, builder.run(all));
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
