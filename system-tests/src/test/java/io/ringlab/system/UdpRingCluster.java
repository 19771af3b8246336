package io.ringlab.system;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.NodeStatus;
import io.ringlab.election.RingListener;
import io.ringlab.election.StartResult;
import io.ringlab.election.sim.ClusterEvents;
import io.ringlab.election.sim.RingCluster;
import io.ringlab.model.topology.ClusterArguments;
import io.ringlab.model.topology.ServiceArguments;
import io.ringlab.server.RingServerApplication;
import io.ringlab.server.election.RingService;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The ring scenarios' cluster on real UDP: each node is a ring-server application in this JVM with its own
 * socket on a free port. A crash closes the node (socket and all state); a restart starts a fresh one on
 * the same port. Time is real: waiting is bounded polling of the condition.
 */
final class UdpRingCluster implements RingCluster {

    private final List<String> ids;
    private final ElectionSettings settings;
    private final ClusterEvents events = new ClusterEvents(System::nanoTime);
    private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();

    UdpRingCluster(int n, ElectionSettings settings, Random random) {
        int base = FreePorts.udpBlock(random, IntStream.range(0, n).toArray());
        this.ids =
                IntStream.range(0, n).mapToObj(i -> "127.0.0.1:" + (base + i)).toList();
        this.settings = settings;
        ids.forEach(this::start);
    }

    private void start(String id) {
        RingListener listener = events.listenerFor(id);
        ConfigurableApplicationContext context = RingServerApplication.application()
                .initializers(c -> c.getBeanFactory().registerSingleton("scenarioListener", listener))
                .run(ServiceArguments.of(
                                "--server.port=0",
                                "--spring.jmx.enabled=false",
                                "--ringlab.cluster.key=" + Cluster.CLUSTER_KEY)
                        .and(ClusterArguments.server(
                                        id, Integer.parseInt(id.substring(id.lastIndexOf(':') + 1)), id, ids)
                                .toList())
                        .with(ClusterArguments.RING_ELECTION_INTERVAL, settings.interval())
                        .with(ClusterArguments.RING_DOWNTIME, settings.downtime())
                        .with("ringlab.server.ring.drain", Duration.ZERO)
                        .with(ClusterArguments.RING_PERIODIC, settings.periodicEnabled())
                        .with("ringlab.server.ring.retransmit-timeout", settings.retransmitTimeout())
                        .with("ringlab.server.ring.round-timeout", settings.roundTimeout())
                        .with("ringlab.server.ring.guard", settings.guard())
                        .with("ringlab.server.ring.suspect-after", settings.suspectAfter())
                        .with("ringlab.server.ring.probe-interval", settings.probeInterval())
                        .with("ringlab.server.ring.history-size", settings.historySize())
                        .toArray());
        running.put(id, context);
    }

    private RingService ring(String id) {
        ConfigurableApplicationContext context = running.get(id);
        if (context == null) {
            throw new IllegalStateException(id + " is crashed");
        }
        return context.getBean(RingService.class);
    }

    @Override
    public List<String> ids() {
        return ids;
    }

    @Override
    public void runFor(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean runUntil(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            runFor(Duration.ofMillis(10));
        }
        return true;
    }

    @Override
    public NodeStatus status(String id) {
        return ring(id).nodeStatus().orElseThrow();
    }

    @Override
    public StartResult startRoundNow(String id) {
        return ring(id).startRoundNow();
    }

    @Override
    public void pausePeriodic(String id) {
        ring(id).pausePeriodic();
    }

    @Override
    public void resumePeriodic(String id) {
        ring(id).resumePeriodic();
    }

    @Override
    public void crash(String id) {
        events.crashed(id);
        running.remove(id).close();
    }

    @Override
    public void restart(String id) {
        start(id);
    }

    @Override
    public ClusterEvents events() {
        return events;
    }

    @Override
    public void close() {
        running.values().forEach(ConfigurableApplicationContext::close);
        running.clear();
    }
}
