package io.ringlab.agent.routing;

import io.ringlab.agent.balancing.RoundRobin;
import io.ringlab.protocol.FrameCodec;
import io.ringlab.protocol.FrameType;
import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.Ping;
import io.ringlab.protocol.ServerState;
import io.ringlab.support.transport.DropCounter;
import io.ringlab.support.transport.SourceRateLimiter;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A seeded discrete-event simulation of one agent, the real routing classes ({@link RequestRouter},
 * {@link RequestSupervisor}, {@link OutlierDetector}, {@link HealthChecker}, {@link RetryBudget}) on a virtual clock,
 * between a closed-loop client and fake ring servers over a lossy network: every datagram between the agent and a
 * server (requests, replies, pings, states) is lost with a probability, each on its own, as nftables'
 * {@code numgen random} drops them in the lab. Housekeeping runs as the agent schedules it (the sweep every 20 ms,
 * health checks every interval). A server can die (answer nothing, as a crash, a freeze or a cut link looks from the
 * agent) and come back, or answer only some requests; every server can be made slow; and the servers can take planned
 * downtime in turn ({@code d}, then {@code u}) as elections make them.
 */
final class LossyNetwork {

    static final long MS = 1_000_000;
    private static final long SWEEP_NANOS = 20 * MS;
    private static final long ONE_WAY_NANOS = MS / 10;

    /** What is simulated; {@link #defaults()} is the lab's load on one agent, no loss. */
    record Settings(
            int servers,
            int threads,
            double lossToServers,
            double lossFromServers,
            double meanServiceMs,
            long clientTimeoutMs,
            long durationMs,
            long seed,
            AgentSettings agent,
            long downtimeEveryMs,
            long downtimeMs) {

        static Settings defaults() {
            return new Settings(3, 50, 0, 0, 5, 3000, 20_000, 1, AgentSettings.defaults(), 0, 0);
        }

        Settings loss(double toServers, double fromServers) {
            return new Settings(
                    servers,
                    threads,
                    toServers,
                    fromServers,
                    meanServiceMs,
                    clientTimeoutMs,
                    durationMs,
                    seed,
                    agent,
                    downtimeEveryMs,
                    downtimeMs);
        }

        Settings threads(int count) {
            return new Settings(
                    servers,
                    count,
                    lossToServers,
                    lossFromServers,
                    meanServiceMs,
                    clientTimeoutMs,
                    durationMs,
                    seed,
                    agent,
                    downtimeEveryMs,
                    downtimeMs);
        }

        Settings duration(long ms) {
            return new Settings(
                    servers,
                    threads,
                    lossToServers,
                    lossFromServers,
                    meanServiceMs,
                    clientTimeoutMs,
                    ms,
                    seed,
                    agent,
                    downtimeEveryMs,
                    downtimeMs);
        }

        Settings seed(long value) {
            return new Settings(
                    servers,
                    threads,
                    lossToServers,
                    lossFromServers,
                    meanServiceMs,
                    clientTimeoutMs,
                    durationMs,
                    value,
                    agent,
                    downtimeEveryMs,
                    downtimeMs);
        }

        Settings agent(AgentSettings value) {
            return new Settings(
                    servers,
                    threads,
                    lossToServers,
                    lossFromServers,
                    meanServiceMs,
                    clientTimeoutMs,
                    durationMs,
                    seed,
                    value,
                    downtimeEveryMs,
                    downtimeMs);
        }

        /** Every {@code everyMs} the next server takes {@code lengthMs} of planned downtime (an election's). */
        Settings downtimes(long everyMs, long lengthMs) {
            return new Settings(
                    servers,
                    threads,
                    lossToServers,
                    lossFromServers,
                    meanServiceMs,
                    clientTimeoutMs,
                    durationMs,
                    seed,
                    agent,
                    everyMs,
                    lengthMs);
        }
    }

    /** The agent's settings, as {@code ringlab.agent.*} has them. */
    record AgentSettings(
            int maxTries,
            long perTryTimeoutMs,
            long requestTimeoutMs,
            long healthIntervalMs,
            int missesToMarkDown,
            int missesWhileServing,
            int consecutiveFailures,
            long baseEjectionMs,
            long maxEjectionMs,
            int maxEjectionPercent,
            int failurePercentage,
            int budgetPercent) {

        static AgentSettings defaults() {
            return new AgentSettings(4, 500, 3000, 250, 2, 6, 5, 1000, 30_000, 10, 50, 25);
        }

        AgentSettings maxTries(int value) {
            return new AgentSettings(
                    value,
                    perTryTimeoutMs,
                    requestTimeoutMs,
                    healthIntervalMs,
                    missesToMarkDown,
                    missesWhileServing,
                    consecutiveFailures,
                    baseEjectionMs,
                    maxEjectionMs,
                    maxEjectionPercent,
                    failurePercentage,
                    budgetPercent);
        }

        AgentSettings missesWhileServing(int value) {
            return new AgentSettings(
                    maxTries,
                    perTryTimeoutMs,
                    requestTimeoutMs,
                    healthIntervalMs,
                    missesToMarkDown,
                    value,
                    consecutiveFailures,
                    baseEjectionMs,
                    maxEjectionMs,
                    maxEjectionPercent,
                    failurePercentage,
                    budgetPercent);
        }

        AgentSettings consecutiveFailures(int value) {
            return new AgentSettings(
                    maxTries,
                    perTryTimeoutMs,
                    requestTimeoutMs,
                    healthIntervalMs,
                    missesToMarkDown,
                    missesWhileServing,
                    value,
                    baseEjectionMs,
                    maxEjectionMs,
                    maxEjectionPercent,
                    failurePercentage,
                    budgetPercent);
        }

        AgentSettings maxEjectionPercent(int value) {
            return new AgentSettings(
                    maxTries,
                    perTryTimeoutMs,
                    requestTimeoutMs,
                    healthIntervalMs,
                    missesToMarkDown,
                    missesWhileServing,
                    consecutiveFailures,
                    baseEjectionMs,
                    maxEjectionMs,
                    value,
                    failurePercentage,
                    budgetPercent);
        }

        /** -1: no budget at all. */
        AgentSettings budgetPercent(int value) {
            return new AgentSettings(
                    maxTries,
                    perTryTimeoutMs,
                    requestTimeoutMs,
                    healthIntervalMs,
                    missesToMarkDown,
                    missesWhileServing,
                    consecutiveFailures,
                    baseEjectionMs,
                    maxEjectionMs,
                    maxEjectionPercent,
                    failurePercentage,
                    value);
        }
    }

    /** What the client saw and what the agent did. */
    record Result(
            long sent,
            long answered,
            long timedOut,
            long inFlightAtEnd,
            long retries,
            long ejections,
            long markedUnhealthy,
            double[] outOfRotationShare,
            long detectedAfterMs,
            long requestsToServers,
            long retriesPutOff) {

        double successPercent() {
            long finished = answered + timedOut;
            return finished == 0 ? 0 : 100.0 * answered / finished;
        }

        double requestsPerSecond(long durationMs) {
            return (answered + timedOut) * 1000.0 / durationMs;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (double share : outOfRotationShare) {
                out.append(out.isEmpty() ? "" : "/").append("%.3f".formatted(share));
            }
            return "sent %d, answered %d, timed out %d (%.4f%%), retries %d, ejections %d, marked unhealthy %d, "
                            .formatted(sent, answered, timedOut, successPercent(), retries, ejections, markedUnhealthy)
                    + "share of time out of rotation (not planned) " + out
                    + (detectedAfterMs >= 0 ? ", out of rotation " + detectedAfterMs + " ms after its death" : "");
        }
    }

    private interface Event {
        void run(long now);
    }

    /** What outlier detection was told: a try sent at {@code sentNanos} to {@code server} failed or was answered. */
    record Outcome(int server, boolean failed, long sentNanos, long nowNanos) {}

    private record Scheduled(long at, long order, Event event) {}

    private final Settings settings;
    private final Random random;
    private final PriorityQueue<Scheduled> queue =
            new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private long order;
    private long now;

    private final Backends backends;
    private final SealedStates sealed = new SealedStates();
    private final OutlierDetector outliers;
    private final HealthChecker health;
    private final RequestRouter router;
    private final RequestSupervisor supervisor;
    private final RetryBudget budget;
    private long serverDatagrams;
    private final Map<InetSocketAddress, Integer> serverByAddress = new HashMap<>();

    // the fake servers
    private final boolean[] dead;
    private final boolean[] plannedDown;
    private final long[] downUntil;
    private final long[] stateSequence;

    // the client: one request in flight per thread, under its own id
    private final long[] inFlightId;
    private final long[] inFlightSince;
    private long nextClientId = 1;
    private long sent;
    private long answered;
    private long timedOut;

    private long markedUnhealthy;
    private final boolean[] wasHealthy;
    private final long[] outOfRotationNanos;
    private final double[] requestDropShare;
    private long extraLatencyNanos;
    private final List<Outcome> outcomes = new ArrayList<>();
    private int dyingServer = -1;
    private long diedAt = -1;
    private long detectedAt = -1;

    LossyNetwork(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        List<HostAndPort> names = new ArrayList<>();
        for (int i = 0; i < settings.servers(); i++) {
            names.add(new HostAndPort("127.0.0.1", 4242 + i));
        }
        backends = new Backends(names);
        for (int i = 0; i < settings.servers(); i++) {
            serverByAddress.put(backends.get(i).address(), i);
        }
        AgentSettings agent = settings.agent();
        outliers =
                new OutlierDetector(
                        backends,
                        new OutlierDetector.Settings(
                                agent.consecutiveFailures(),
                                agent.baseEjectionMs() * MS,
                                agent.maxEjectionMs() * MS,
                                agent.maxEjectionPercent(),
                                agent.failurePercentage(),
                                50,
                                1000 * MS,
                                (agent.perTryTimeoutMs() + 100) * MS)) {
                    @Override
                    public synchronized void failure(int server, long sentNanos, long nowNanos) {
                        outcomes.add(new Outcome(server, true, sentNanos, nowNanos));
                        super.failure(server, sentNanos, nowNanos);
                    }

                    @Override
                    public synchronized void success(int server, long sentNanos) {
                        outcomes.add(new Outcome(server, false, sentNanos, now));
                        super.success(server, sentNanos);
                    }
                };
        long[] nonces = {0};
        health = new HealthChecker(
                backends,
                agent.missesToMarkDown(),
                agent.missesWhileServing(),
                this::agentSends,
                sealed.agentSealer,
                SealedStates.AGENT,
                () -> ++nonces[0]);
        long[] ids = {0};
        PendingRequests pending = new PendingRequests(65536, () -> ++ids[0]);
        budget = agent.budgetPercent() < 0 ? null : new RetryBudget(agent.budgetPercent(), 10, 10_000 * MS);
        DropCounter drops = new DropCounter();
        router = new RequestRouter(
                backends,
                new RoundRobin(),
                pending,
                new AgentStatistics(),
                drops,
                false,
                new SourceRateLimiter(0, 1),
                outliers,
                new ServerStateReceiver(sealed.authenticator, SealedStates.AGENT, backends, health, drops),
                1472,
                budget);
        supervisor = new RequestSupervisor(
                pending,
                backends,
                new RoundRobin(),
                outliers,
                this::agentSends,
                agent.perTryTimeoutMs() * MS,
                agent.requestTimeoutMs() * MS,
                agent.maxTries(),
                budget);
        dead = new boolean[settings.servers()];
        requestDropShare = new double[settings.servers()];
        plannedDown = new boolean[settings.servers()];
        downUntil = new long[settings.servers()];
        stateSequence = new long[settings.servers()];
        wasHealthy = new boolean[settings.servers()];
        outOfRotationNanos = new long[settings.servers()];
        java.util.Arrays.fill(wasHealthy, true);
        inFlightId = new long[settings.threads()];
        inFlightSince = new long[settings.threads()];
    }

    /** Server {@code server} stops answering anything at {@code atMs} (a crash, a freeze, a cut link). */
    LossyNetwork dies(int server, long atMs) {
        at(atMs * MS, t -> {
            dead[server] = true;
            dyingServer = server;
            diedAt = t;
        });
        return this;
    }

    /** Server {@code server} answers only some requests from {@code atMs} on (a gray failure): drops the others. */
    LossyNetwork dropsRequests(int server, double share, long atMs) {
        at(atMs * MS, t -> {
            requestDropShare[server] = share;
            dyingServer = server;
            diedAt = t;
        });
        return this;
    }

    /** Every server takes {@code ms} more to answer from {@code atMs} on (a cluster too slow for the per-try timeout). */
    LossyNetwork slows(long ms, long atMs) {
        at(atMs * MS, t -> extraLatencyNanos = ms * MS);
        return this;
    }

    /** Every outcome outlier detection was told of, in the order it was told. */
    List<Outcome> outcomes() {
        return outcomes;
    }

    long diedAtNanos() {
        return diedAt;
    }

    /** Server {@code server} answers again at {@code atMs}. */
    LossyNetwork revives(int server, long atMs) {
        at(atMs * MS, t -> dead[server] = false);
        return this;
    }

    Backends backends() {
        return backends;
    }

    Result run() {
        for (int thread = 0; thread < settings.threads(); thread++) {
            int t = thread;
            at(random.nextInt(1_000_000), now -> clientSends(t));
        }
        at(SWEEP_NANOS, this::sweep);
        at(settings.agent().healthIntervalMs() * MS, this::checkHealth);
        if (settings.downtimeEveryMs() > 0) {
            at(settings.downtimeEveryMs() * MS, t -> downtime(0));
        }
        long end = settings.durationMs() * MS;
        while (!queue.isEmpty() && queue.peek().at() <= end) {
            Scheduled next = queue.poll();
            now = next.at();
            next.event().run(now);
        }
        long inFlight = 0;
        for (long id : inFlightId) {
            if (id != 0) {
                inFlight++;
            }
        }
        double[] shares = new double[outOfRotationNanos.length];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = (double) outOfRotationNanos[i] / end;
        }
        return new Result(
                sent,
                answered,
                timedOut,
                inFlight,
                supervisor.retryCount(),
                outliers.ejectionCount(),
                markedUnhealthy,
                shares,
                detectedAt < 0 ? -1 : (detectedAt - diedAt) / MS,
                serverDatagrams,
                supervisor.putOffCount());
    }

    private void at(long time, Event event) {
        queue.add(new Scheduled(time, order++, event));
    }

    // ---- the client ----------------------------------------------------------------------------------------------

    private void clientSends(int thread) {
        long id = nextClientId++;
        inFlightId[thread] = id;
        inFlightSince[thread] = now;
        sent++;
        at(now + settings.clientTimeoutMs() * MS, t -> {
            if (inFlightId[thread] == id) {
                timedOut++;
                clientSends(thread);
            }
        });
        byte[] request = FrameCodec.encodeRequest(id, new byte[] {1, 2, 3});
        at(now + ONE_WAY_NANOS, t -> {
            Outgoing toServer = router.fromClient(request, new InetSocketAddress("127.0.0.1", 40_000 + thread), t);
            if (toServer != null) {
                agentSends(toServer.destination(), toServer.datagram());
            }
        });
    }

    private void clientReceives(int thread, byte[] reply) {
        if (inFlightId[thread] == FrameCodec.requestId(reply)) {
            inFlightId[thread] = 0;
            answered++;
            clientSends(thread);
        }
    }

    // ---- the agent -----------------------------------------------------------------------------------------------

    private void agentSends(InetSocketAddress to, byte[] datagram) {
        int server = serverByAddress.get(to);
        if (random.nextDouble() < settings.lossToServers()) {
            return;
        }
        if (FrameCodec.frameType(datagram) == FrameType.REQUEST) {
            serverDatagrams++;
        }
        byte[] copy = datagram.clone();
        at(now + ONE_WAY_NANOS, t -> serverReceives(server, copy));
    }

    private void agentReceives(int server, byte[] datagram) {
        Outgoing toClient = router.fromServer(datagram, backends.get(server).address(), now);
        if (toClient != null) {
            int thread = toClient.destination().getPort() - 40_000;
            byte[] reply = toClient.datagram().clone();
            at(now + ONE_WAY_NANOS, t -> clientReceives(thread, reply));
        }
        noteRotation();
    }

    private void sweep(long t) {
        supervisor.sweep(t);
        outliers.tick(t);
        noteRotation();
        for (int i = 0; i < outOfRotationNanos.length; i++) {
            Backend backend = backends.get(i);
            if (backend.announcedUp() && !backend.isUp()) {
                outOfRotationNanos[i] += SWEEP_NANOS;
            }
        }
        at(t + SWEEP_NANOS, this::sweep);
    }

    private void checkHealth(long t) {
        health.tick();
        noteRotation();
        at(t + settings.agent().healthIntervalMs() * MS, this::checkHealth);
    }

    private void noteRotation() {
        for (int i = 0; i < wasHealthy.length; i++) {
            boolean healthy = backends.get(i).healthy();
            if (wasHealthy[i] && !healthy) {
                markedUnhealthy++;
            }
            wasHealthy[i] = healthy;
        }
        if (dyingServer >= 0 && detectedAt < 0 && !backends.get(dyingServer).isUp()) {
            detectedAt = now;
        }
    }

    // ---- the servers ---------------------------------------------------------------------------------------------

    private void serverReceives(int server, byte[] datagram) {
        if (dead[server]) {
            return;
        }
        if (FrameCodec.frameType(datagram) == FrameType.REQUEST) {
            if (plannedDown[server] && now >= downUntil[server] - settings.downtimeMs() * MS + 250 * MS) {
                return; // past the drain: a server in planned downtime answers no request
            }
            if (requestDropShare[server] > 0 && random.nextDouble() < requestDropShare[server]) {
                return;
            }
            long service =
                    (long) (-Math.log(1 - random.nextDouble()) * settings.meanServiceMs() * MS) + extraLatencyNanos;
            byte[] reply = FrameCodec.encodeReply(FrameCodec.requestId(datagram), new byte[] {3, 2, 1});
            serverSends(server, reply, service);
            return;
        }
        Ping ping = sealed.pingIn(datagram);
        if (ping != null) {
            serverSends(server, sealed.from(backends.get(server), state(server).answering(ping.nonce())), 0);
        }
    }

    private ServerState state(int server) {
        long sequence = ++stateSequence[server];
        return plannedDown[server]
                ? ServerState.down(sequence, Math.max(0, (downUntil[server] - now) / MS))
                : ServerState.up(sequence);
    }

    private void serverSends(int server, byte[] datagram, long afterNanos) {
        if (random.nextDouble() < settings.lossFromServers()) {
            return;
        }
        at(now + afterNanos + ONE_WAY_NANOS, t -> {
            if (!dead[server] || afterNanos == 0) {
                agentReceives(server, datagram);
            }
        });
    }

    private void downtime(int server) {
        if (!dead[server]) {
            plannedDown[server] = true;
            downUntil[server] = now + settings.downtimeMs() * MS;
            serverSends(server, sealed.from(backends.get(server), state(server)), 0);
            at(downUntil[server], t -> {
                plannedDown[server] = false;
                if (!dead[server]) {
                    serverSends(server, sealed.from(backends.get(server), state(server)), 0);
                }
            });
        }
        at(now + settings.downtimeEveryMs() * MS, t -> downtime((server + 1) % settings.servers()));
    }
}
