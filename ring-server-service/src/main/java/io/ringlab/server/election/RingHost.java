package io.ringlab.server.election;

import io.ringlab.election.NodeStatus;
import io.ringlab.election.StartResult;
import io.ringlab.election.message.DecodeResult;
import io.ringlab.election.message.RingMessage;
import io.ringlab.election.message.RingMessageCodec;
import io.ringlab.election.node.RingNode;
import io.ringlab.protocol.DropReason;
import io.ringlab.protocol.auth.FrameAuthenticator;
import io.ringlab.protocol.auth.Opened;
import io.ringlab.server.transport.PeerAddresses;
import io.ringlab.support.transport.DropCounter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Runs this server's {@link RingNode} on a thread of its own. Ring datagrams wait in a bounded inbox (what
 * overflows is dropped and counted; the election copes with loss); the thread wakes for each message and
 * for the node's next timer. Every call into the node, including the REST ones, holds one lock, as the
 * node requires.
 */
public class RingHost {

    private static final Log log = LogFactory.getLog(RingHost.class);

    private static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final RingNode node;
    private final BlockingQueue<Inbound> inbox;
    private final DropCounter drops;
    private final FrameAuthenticator authenticator;
    private final PeerAddresses peers;
    private final LongSupplier nanoTime;
    private final Object lock = new Object();
    private final LongAdder failures = new LongAdder();
    private volatile boolean running;
    private Thread thread;

    /** @param nanoTime the node's clock, monotonic like {@link System#nanoTime()} */
    public RingHost(
            RingNode node,
            int inboxCapacity,
            DropCounter drops,
            FrameAuthenticator authenticator,
            PeerAddresses peers,
            LongSupplier nanoTime) {
        this.node = node;
        this.inbox = new ArrayBlockingQueue<>(inboxCapacity);
        this.drops = drops;
        this.authenticator = authenticator;
        this.peers = peers;
        this.nanoTime = nanoTime;
    }

    /**
     * An authenticated ring message for the election thread; {@code otherConfiguration}: its sender runs another
     * member list, so the node only learns that it did.
     */
    private record Inbound(RingMessage message, boolean otherConfiguration) {}

    /**
     * A datagram that carries a ring message type; called on the UDP event loop's thread. Only a message sealed for
     * this node by another ring member, seen for the first time, and sent in that member's own name gets into the
     * inbox: the MAC is checked before anything else is read. A message of another ring configuration is dropped and
     * counted ({@code other-configuration}); the node is told who sent it, and holds.
     */
    public void receive(byte[] datagram) {
        Opened opened = authenticator.open(datagram, datagram.length, node.id());
        if (opened instanceof Opened.Rejected rejected) {
            drops.drop(rejected.reason());
            return;
        }
        Opened.Authentic authentic = (Opened.Authentic) opened;
        if (!peers.isPeer(authentic.sender()) || authentic.sender().equals(node.id())) {
            drops.drop(DropReason.UNKNOWN_SENDER);
            return;
        }
        DecodeResult decoded = RingMessageCodec.decode(datagram, 0, authentic.frameLength());
        if (decoded instanceof DecodeResult.Decoded message) {
            boolean otherConfiguration = !message.configuration().equals(node.configuration());
            if (!message.ringMessage().sender().equals(authentic.sender())) {
                drops.drop(DropReason.UNKNOWN_SENDER);
            } else if (!inbox.offer(new Inbound(message.ringMessage(), otherConfiguration))) {
                drops.drop(DropReason.OVERLOAD);
            } else if (otherConfiguration) {
                drops.drop(DropReason.OTHER_CONFIGURATION);
            }
        } else if (decoded instanceof DecodeResult.Malformed malformed) {
            drops.drop(malformed.reason());
        }
    }

    public StartResult startRoundNow() {
        synchronized (lock) {
            return node.startRoundNow(nanoTime.getAsLong());
        }
    }

    public void pausePeriodic() {
        synchronized (lock) {
            node.pausePeriodic();
        }
    }

    public void resumePeriodic() {
        synchronized (lock) {
            node.resumePeriodic(nanoTime.getAsLong());
        }
    }

    public NodeStatus status(long nowNanos) {
        synchronized (lock) {
            return node.status(nowNanos);
        }
    }

    private void loop() {
        while (running) {
            long nextDeadline = tick();
            long sleep = Math.max(0, Math.min(MAX_SLEEP_NANOS, nextDeadline - nanoTime.getAsLong()));
            try {
                Inbound inbound = inbox.poll(sleep, TimeUnit.NANOSECONDS);
                if (inbound != null) {
                    deliverCounting(inbound);
                    drainInbox();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs the node's timers that are due now; returns when it next needs a tick. */
    long tick() {
        long nextDeadline = nanoTime.getAsLong() + MAX_SLEEP_NANOS;
        synchronized (lock) {
            try {
                node.onTick(nanoTime.getAsLong());
                nextDeadline = node.nextDeadlineNanos();
            } catch (RuntimeException e) {
                failed(e);
            }
        }
        return nextDeadline;
    }

    /** Hands the node every message waiting in the inbox now, on the calling thread. */
    void drainInbox() {
        for (Inbound inbound = inbox.poll(); inbound != null; inbound = inbox.poll()) {
            deliverCounting(inbound);
        }
    }

    private void deliverCounting(Inbound inbound) {
        synchronized (lock) {
            try {
                deliver(inbound, nanoTime.getAsLong());
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    private void deliver(Inbound inbound, long now) {
        if (inbound.otherConfiguration()) {
            node.onOtherConfiguration(inbound.message().sender(), now);
        } else {
            node.onMessage(inbound.message(), now);
        }
    }

    /** A bug must not end the election thread: log it, count it, go on with the next event. */
    private void failed(RuntimeException e) {
        failures.increment();
        log.error("the election failed on an event; carrying on", e);
    }

    /** Ring messages waiting for the election thread. */
    int queued() {
        return inbox.size();
    }

    public long failureCount() {
        return failures.sum();
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "ring-election");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
