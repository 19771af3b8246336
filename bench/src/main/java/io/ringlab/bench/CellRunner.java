package io.ringlab.bench;

import io.ringlab.model.status.ClientStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Runs one cell: starts the load client(s) against the path, lets them warm up, resets their statistics,
 * measures the window, and reads the clients' figures and the balancer's CPU. (A client too old to reset is
 * measured by differences of its counts; its percentiles then include the warm-up.)
 */
final class CellRunner {

    private final BenchOptions options;
    private final Topology topology;
    private final Http http;
    private int clientsStarted;

    CellRunner(BenchOptions options, Topology topology, Http http) {
        this.options = options;
        this.topology = topology;
        this.http = http;
    }

    /** Load through the path for one warm-up, measured nowhere, so that no path is measured with a cold JIT. */
    void prime(String path) throws IOException, InterruptedException {
        List<Service> clients = new ArrayList<>();
        try {
            startClients(path, "closed", 64, clients);
            TimeUnit.MILLISECONDS.sleep(options.warmup().toMillis());
        } finally {
            for (Service client : clients) {
                client.close();
            }
        }
    }

    /** @param path direct, agent, nginx, relay (the batched C relay), an agent variant ({@link AgentVariants}) or system (the seed's 1,000 threads over two agents) */
    Sample run(String path, String mode, int level, int repeat) throws IOException, InterruptedException {
        if (options.nativeClient() && mode.equals("closed") && !path.equals("system")) {
            return runNative(path, level, repeat);
        }
        List<Service> clients = new ArrayList<>();
        try {
            startClients(path, mode, level, clients);
            List<ProcessHandle> balancer = balancer(path);
            TimeUnit.MILLISECONDS.sleep(options.warmup().toMillis());
            List<ClientStatus> before = new ArrayList<>();
            for (Service client : clients) {
                // a client without the reset endpoint (an older build) is measured by the difference of its counts
                before.add(
                        http.post(client.url("/api/load/reset")) / 100 == 2
                                ? null
                                : http.clientStatus(client.url("/api/status")));
            }
            WindowCpu cpu = WindowCpu.start(balancer, handles(clients), topology.servers());
            long dropsBefore = ProcessStats.udpReceiveBufferErrors();
            long start = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(options.duration().toMillis());
            List<ClientStatus> statuses = new ArrayList<>();
            for (Service client : clients) {
                statuses.add(http.clientStatus(client.url("/api/status")));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            WindowCpu.Usage usage = cpu.stop();
            long kernelDrops = ProcessStats.udpReceiveBufferErrors() - dropsBefore;
            return sample(path, mode, level, repeat, before, statuses, seconds, usage, kernelDrops);
        } finally {
            for (Service client : clients) {
                client.close();
            }
        }
    }

    /** The same cell driven by the native client, which runs its own warm-up and window. */
    private Sample runNative(String path, int level, int repeat) throws IOException, InterruptedException {
        String name = "native-client-" + (++clientsStarted);
        try (NativeClient client = NativeClient.start(
                options.home(), topology.log(name), target(path), level, options.warmup(), options.duration())) {
            List<ProcessHandle> balancer = balancer(path);
            TimeUnit.MILLISECONDS.sleep(options.warmup().toMillis());
            WindowCpu cpu = WindowCpu.start(balancer, List.of(client.handle()), topology.servers());
            long dropsBefore = ProcessStats.udpReceiveBufferErrors();
            TimeUnit.MILLISECONDS.sleep(options.duration().toMillis());
            WindowCpu.Usage usage = cpu.stop();
            long kernelDrops = ProcessStats.udpReceiveBufferErrors() - dropsBefore;
            NativeClient.Result result = client.result();
            return sample(
                    path,
                    "closed",
                    level,
                    repeat,
                    java.util.Collections.singletonList(null), // counted from its own start: nothing to subtract
                    List.of(result.status()),
                    result.seconds(),
                    usage,
                    kernelDrops);
        }
    }

    private void startClients(String path, String mode, int level, List<Service> clients)
            throws IOException, InterruptedException {
        if (path.equals("system")) {
            // the seed's own set-up: two clients of 500 worker threads, one per agent
            for (int agent = 0; agent < 2; agent++) {
                clients.add(topology.client(
                        "client-" + (++clientsStarted),
                        topology.agentTarget(agent),
                        "--ringlab.client.threads=" + level / 2,
                        "--ringlab.client.closed-loop=threads"));
            }
            return;
        }
        clients.add(topology.client("client-" + (++clientsStarted), target(path), load(mode, level)));
    }

    private String target(String path) {
        return switch (path) {
            case "direct" -> topology.directTarget();
            case "agent" -> topology.agentTarget(0);
            case "nginx" -> topology.nginxTarget();
            case "relay" -> topology.relayTarget();
            default -> {
                if (!AgentVariants.contains(path)) {
                    throw new IllegalArgumentException(path);
                }
                yield topology.transportAgentTarget(path);
            }
        };
    }

    /**
     * The closed loop runs on events, not a thread per request: a client of 500 threads spends more CPU than
     * what it measures, and on a small machine it would crowd out the balancers it compares.
     */
    private static String[] load(String mode, int level) {
        return mode.equals("open")
                ? new String[] {"--ringlab.client.rate=" + level}
                : new String[] {"--ringlab.client.threads=" + level, "--ringlab.client.closed-loop=events"};
    }

    private List<ProcessHandle> balancer(String path) {
        return switch (path) {
            case "agent" -> List.of(topology.agent(0).handle());
            case "system" ->
                List.of(topology.agent(0).handle(), topology.agent(1).handle());
            case "nginx" -> List.of(topology.nginx().handle());
            case "relay" -> List.of(topology.relay().handle());
            default ->
                AgentVariants.contains(path)
                        ? List.of(topology.transportAgent(path).handle())
                        : List.of();
        };
    }

    /** A count over the window: since the reset, or the difference from the status taken at its start. */
    private static long count(ClientStatus status, ClientStatus atStart, ToLongFunction<ClientStatus> field) {
        return field.applyAsLong(status) - (atStart == null ? 0 : field.applyAsLong(atStart));
    }

    private static List<ProcessHandle> handles(List<Service> services) {
        return services.stream().map(Service::handle).toList();
    }

    /** Sums the clients' counts; for two clients (the seed's system) takes the worse of their percentiles. */
    private static Sample sample(
            String path,
            String mode,
            int level,
            int repeat,
            List<ClientStatus> before,
            List<ClientStatus> statuses,
            double seconds,
            WindowCpu.Usage cpu,
            long kernelDrops)
            throws IOException {
        long responses = 0;
        long finished = 0;
        long timeouts = 0;
        double p50 = 0;
        double p99 = 0;
        double p999 = 0;
        double max = 0;
        for (int i = 0; i < statuses.size(); i++) {
            ClientStatus status = statuses.get(i);
            if (status == null) {
                throw new IOException("a load client stopped answering its status");
            }
            ClientStatus start = before.get(i);
            long answered = count(status, start, ClientStatus::responses);
            long timedOut = count(status, start, ClientStatus::timeouts);
            responses += answered;
            timeouts += timedOut;
            finished += answered + timedOut + count(status, start, ClientStatus::wrongReplies);
            p50 = Math.max(p50, status.p50Ms());
            p99 = Math.max(p99, status.p99Ms());
            p999 = Math.max(p999, status.p999Ms());
            max = Math.max(max, status.maxMs());
        }
        double success = finished == 0 ? Double.NaN : 100.0 * responses / finished;
        return new Sample(
                path,
                mode,
                level,
                repeat,
                responses / seconds,
                p50,
                p99,
                p999,
                max,
                success,
                timeouts,
                cpu.balancer(),
                perRequest(cpu.balancer(), responses),
                cpu.balancerPeakMib(),
                kernelDrops,
                perRequest(cpu.balancerKernel(), responses),
                perRequest(cpu.client(), responses),
                perRequest(cpu.servers(), responses));
    }

    private static double perRequest(double seconds, long responses) {
        return Double.isNaN(seconds) || responses == 0 ? Double.NaN : seconds * 1e6 / responses;
    }
}
