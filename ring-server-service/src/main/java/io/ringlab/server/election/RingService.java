package io.ringlab.server.election;

import io.ringlab.election.NodeStatus;
import io.ringlab.election.StartResult;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.model.status.RingStatus;
import io.ringlab.protocol.DropReason;
import io.ringlab.server.transport.RingMessageReceiver;
import io.ringlab.support.transport.DropCounter;
import org.springframework.context.SmartLifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ring as the rest of the server sees it; empty when this server runs without a ring. Starts and stops
 * the election thread with the application.
 */
public class RingService implements SmartLifecycle, RingMessageReceiver {

    private final RingHost host;
    private final RingEvents events;
    private final Runnable unexpected;
    private final RingStatus notInConfiguration;
    private volatile boolean running;

    public RingService(RingHost host, RingEvents events) {
        this(host, events, () -> {}, null);
    }

    private RingService(RingHost host, RingEvents events, Runnable unexpected, RingStatus notInConfiguration) {
        this.host = host;
        this.events = events;
        this.unexpected = unexpected;
        this.notInConfiguration = notInConfiguration;
    }

    /** No ring: ring messages are counted as {@code unexpected-type}. */
    public static RingService none(DropCounter drops) {
        return new RingService(null, null, () -> drops.drop(DropReason.UNEXPECTED_TYPE), null);
    }

    /**
     * A ring whose member list does not name this server: it takes no part (ring messages are counted as
     * {@code unexpected-type}), its status says so, and its readiness stays down.
     */
    static RingService notInConfiguration(DropCounter drops, String self, List<String> members) {
        return new RingService(
                null,
                null,
                () -> drops.drop(DropReason.UNEXPECTED_TYPE),
                RingStatuses.notInConfiguration(self, ConfigurationId.of(members), members));
    }

    /** Whether this server takes part in a ring. */
    public boolean enabled() {
        return host != null;
    }

    /** Whether a ring is configured but its member list does not name this server. */
    public boolean isNotInConfiguration() {
        return notInConfiguration != null;
    }

    public Optional<RingStatus> status() {
        if (notInConfiguration != null) {
            return Optional.of(notInConfiguration);
        }
        if (host == null) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        return Optional.of(RingStatuses.of(
                host.status(now), now, Instant.now(), events.roundsCompletedCount(), events.roundsAbandonedCount()));
    }

    /** A ring message datagram; dropped (and counted) by the request path's rules when there is no ring. */
    @Override
    public void receive(byte[] datagram) {
        if (host != null) {
            host.receive(datagram);
        } else {
            unexpected.run();
        }
    }

    /** The election's own view of this node; empty without a ring. */
    public Optional<NodeStatus> nodeStatus() {
        return host == null ? Optional.empty() : Optional.of(host.status(System.nanoTime()));
    }

    /** Events the election thread failed on (and carried on after); 0 without a ring. */
    public long failureCount() {
        return host == null ? 0 : host.failureCount();
    }

    public StartResult startRoundNow() {
        return host.startRoundNow();
    }

    public void pausePeriodic() {
        host.pausePeriodic();
    }

    public void resumePeriodic() {
        host.resumePeriodic();
    }

    @Override
    public void start() {
        if (host != null) {
            host.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        if (host != null) {
            host.stop();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
