package io.ringlab.election.node;

import io.ringlab.election.ElectionSettings;
import io.ringlab.election.NodeStatus;
import io.ringlab.election.RingListener;
import io.ringlab.election.StartResult;
import io.ringlab.election.Transport;
import io.ringlab.election.impl.Engine;
import io.ringlab.election.message.ConfigurationId;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.election.message.RoundId;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One ring server's election, as a pure state machine: no sockets, threads, clocks or Spring. The host
 * feeds it messages and the time, and it answers through {@link Transport} and {@link RingListener}.
 *
 * <p>Single-threaded by contract: the host serialises every call (one thread or one lock). Times are
 * {@code nowNanos} of one monotonic clock of the host ({@code System.nanoTime()} in a service, a virtual
 * clock in a simulation); only differences on one node are used, nodes' clocks need not agree.
 *
 * <p>The host calls {@link #onTick(long)} every few milliseconds (or at {@link #nextDeadlineNanos()}).
 * The {@link Random} must differ between restarts of a node (it draws the node's incarnation); give it a
 * {@link java.security.SecureRandom} (not a {@code Random} seeded from one: its outputs reveal its state), since
 * every message token is drawn from it and must not be guessable from the tokens an eavesdropper saw.
 *
 * <p>Whatever arrives, the node neither throws nor stalls for long: it ignores a round whose term is above
 * {@link RoundId#MAX_TERM}, and caps every duration a message carries at its own downtime plus guard.
 */
public final class RingNode {

    private final Engine engine;

    /**
     * @param self     this node's id, one of {@code peers}
     * @param peers    the ring, in ring order: at least 3 distinct ids (each at most 255 bytes of UTF-8)
     * @param settings timers and options
     * @param random   values, jitter, incarnation and message tokens (a SecureRandom in production); never
     *                 shared with another thread
     */
    public RingNode(
            String self,
            List<String> peers,
            ElectionSettings settings,
            Random random,
            Transport transport,
            RingListener listener) {
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(peers, "peers");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(listener, "listener");
        validate(self, peers);
        this.engine = new Engine(self, peers, settings, random, transport, listener);
    }

    /**
     * A message from another node (decoded by {@link RingMessageCodec}). The host must have authenticated it: its
     * {@link RingMessage#sender()} is trusted as the peer it names.
     */
    public void onMessage(RingMessage message, long nowNanos) {
        engine.onMessage(Objects.requireNonNull(message, "message"), nowNanos);
    }

    /**
     * An authenticated message from member {@code sender} that carries another ring configuration id than
     * {@link #configuration()}: the host drops the message itself and reports it here. For a while this node starts
     * no round and grants no permit, and it keeps probing the sender (see {@code docs/ELECTION.md}).
     */
    public void onOtherConfiguration(String sender, long nowNanos) {
        engine.onOtherConfiguration(Objects.requireNonNull(sender, "sender"), nowNanos);
    }

    /** Lets due timers fire: periodic election, retransmissions, timeouts, end of downtime, probes. */
    public void onTick(long nowNanos) {
        engine.onTick(nowNanos);
    }

    /** When {@link #onTick} has work next ({@code Long.MAX_VALUE} if none); a host may tick at exactly that time. */
    public long nextDeadlineNanos() {
        return engine.nextDeadline();
    }

    /** REST "start a round now". Refused while a winner is down, a round runs, or this node restarted recently. */
    public StartResult startRoundNow(long nowNanos) {
        return engine.startRoundNow(nowNanos);
    }

    /** Stops this node's periodic timer; it still takes part in rounds that others start. */
    public void pausePeriodic() {
        engine.pausePeriodic();
    }

    public void resumePeriodic(long nowNanos) {
        engine.resumePeriodic(nowNanos);
    }

    public String id() {
        return engine.self();
    }

    /** The id of this node's ring configuration (its peer list), which every message it sends must carry. */
    public ConfigurationId configuration() {
        return engine.configuration();
    }

    /** The peer list, in ring order. */
    public List<String> members() {
        return engine.members();
    }

    public NodeStatus status(long nowNanos) {
        return engine.status(nowNanos);
    }

    private static void validate(String self, List<String> peers) {
        if (peers.size() < 3) {
            throw new IllegalArgumentException("the ring needs at least 3 peers, got " + peers);
        }
        if (new HashSet<>(peers).size() != peers.size()) {
            throw new IllegalArgumentException("peers must be distinct, got " + peers);
        }
        for (String peer : peers) {
            if (peer == null || peer.isBlank()) {
                throw new IllegalArgumentException("a peer id is empty in " + peers);
            }
            if (peer.getBytes(StandardCharsets.UTF_8).length > RingMessageCodec.MAX_ID_BYTES) {
                throw new IllegalArgumentException("peer id '" + peer + "' is longer than 255 bytes of UTF-8");
            }
        }
        if (!peers.contains(self)) {
            throw new IllegalArgumentException("self '" + self + "' is not in peers " + peers);
        }
    }
}
