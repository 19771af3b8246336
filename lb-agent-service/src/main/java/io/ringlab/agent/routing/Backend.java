package io.ringlab.agent.routing;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.ServerState;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One ring server as the agent sees it. It is in rotation when all three hold: its last announced state is
 * up ({@code d}/{@code u}, newest sequence wins), it answers health pings (K missed in a row take it out,
 * one answer puts it back), and it is not ejected for failing requests (outlier detection).
 */
public class Backend {

    private static final double EWMA_WEIGHT = 0.2;

    private final int index;
    private final HostAndPort name;
    private final int weight;
    private volatile InetSocketAddress address;

    private volatile boolean announcedUp = true;
    private long lastStateSequence = Long.MIN_VALUE;
    private volatile boolean healthy = true;
    private volatile boolean ejected;

    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong latencyEwmaNanos = new AtomicLong();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private final LongAdder statesApplied = new LongAdder();

    public Backend(int index, HostAndPort name, int weight) {
        this.index = index;
        this.name = name;
        this.weight = weight;
        this.address = name.resolve();
    }

    public int index() {
        return index;
    }

    public HostAndPort name() {
        return name;
    }

    public int weight() {
        return weight;
    }

    public InetSocketAddress address() {
        return address;
    }

    public void resolveAgain() {
        address = name.resolveAgain(address);
    }

    public boolean isUp() {
        return announcedUp && healthy && !ejected;
    }

    public boolean announcedUp() {
        return announcedUp;
    }

    public boolean healthy() {
        return healthy;
    }

    public boolean ejected() {
        return ejected;
    }

    /**
     * Applies a state the server sent ({@code d}/{@code u} announcement or health answer): the server is out
     * of rotation or back at once. Returns false, changing nothing, for a state older than the last applied.
     */
    public synchronized boolean apply(ServerState state) {
        if (state.sequence() <= lastStateSequence) {
            return false;
        }
        lastStateSequence = state.sequence();
        announcedUp = state.up();
        statesApplied.increment();
        return true;
    }

    /**
     * Out of rotation for missed health checks, or back. A server that stopped answering may come back as a
     * new process whose sequence, taken from its clock, is not newer (the clock stepped back): its next state
     * is accepted whatever its sequence.
     */
    synchronized void setHealthy(boolean healthy) {
        if (!healthy) {
            lastStateSequence = Long.MIN_VALUE;
        }
        this.healthy = healthy;
    }

    void setEjected(boolean ejected) {
        this.ejected = ejected;
    }

    /** For tests and tools: force the announced state. */
    public void setUp(boolean up) {
        this.announcedUp = up;
    }

    void sent() {
        forwarded.increment();
        outstanding.incrementAndGet();
    }

    void settled() {
        outstanding.decrementAndGet();
    }

    void replied(long responseNanos) {
        replies.increment();
        long previous;
        long next;
        do {
            previous = latencyEwmaNanos.get();
            next = previous == 0 ? responseNanos : (long) (previous + EWMA_WEIGHT * (responseNanos - previous));
        } while (!latencyEwmaNanos.compareAndSet(previous, next));
    }

    public int outstanding() {
        return outstanding.get();
    }

    public long latencyEwmaNanos() {
        return latencyEwmaNanos.get();
    }

    public long forwardedCount() {
        return forwarded.sum();
    }

    public long replyCount() {
        return replies.sum();
    }

    public long statesAppliedCount() {
        return statesApplied.sum();
    }
}
