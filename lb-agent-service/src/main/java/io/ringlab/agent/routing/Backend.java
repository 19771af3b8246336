package io.ringlab.agent.routing;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.ServerState;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One ring server as the agent sees it. It is in rotation when all four hold: its last announced state is
 * up ({@code d}/{@code u}, newest sequence wins), it answers health pings (K missed in a row take it out,
 * one answer puts it back), it is not ejected for failing requests (outlier detection), and it has not left the
 * agent's servers (a discovered server gone from DNS: it keeps its slot, and its replies are taken, while its
 * requests drain).
 */
public class Backend {

    private static final double EWMA_WEIGHT = 0.2;

    private final int index;
    private final HostAndPort name;
    private final String memberId;
    private final int weight;
    private final boolean discovered;
    private volatile InetSocketAddress address;
    private volatile boolean leaving;
    private volatile long leftAtNanos;

    private volatile boolean announcedUp = true;
    private long lastStateSequence = Long.MIN_VALUE;
    private volatile boolean healthy = true;
    /** Has answered a health ping (a configured server is taken on trust at first). */
    private volatile boolean checked = true;

    private volatile boolean ejected;

    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong latencyEwmaNanos = new AtomicLong();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private final LongAdder statesApplied = new LongAdder();

    /** A configured server: its name is resolved by the system's resolver, and it is taken as healthy at first. */
    public Backend(int index, HostAndPort name, int weight) {
        this.index = index;
        this.name = name;
        this.memberId = name.toString();
        this.weight = weight;
        this.discovered = false;
        this.address = name.resolve();
    }

    /**
     * A discovered server, at the address DNS gave: out of rotation until it answers a sealed health ping (a DNS
     * answer is not a member's authentication).
     */
    public Backend(int index, HostAndPort name, InetSocketAddress address) {
        this.index = index;
        this.name = name;
        this.memberId = name.toString();
        this.weight = 1;
        this.discovered = true;
        this.address = address;
        this.healthy = false;
        this.checked = false;
    }

    public int index() {
        return index;
    }

    public HostAndPort name() {
        return name;
    }

    /** The name its frames are sealed under: {@code host:port} as configured or discovered. */
    public String memberId() {
        return memberId;
    }

    public boolean discovered() {
        return discovered;
    }

    public int weight() {
        return weight;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Resolves a configured server's name again; a discovered server's address comes from discovery. */
    public void resolveAgain() {
        if (!discovered) {
            address = name.resolveAgain(address);
        }
    }

    /** Discovery found the server at another address (its pod restarted). */
    public void moveTo(InetSocketAddress newAddress) {
        address = newAddress;
    }

    public boolean isUp() {
        return announcedUp && healthy && !ejected && !leaving;
    }

    /** Gone from discovery: out of rotation at once; its requests in flight still get their replies. */
    synchronized void leave(long nowNanos) {
        leftAtNanos = nowNanos;
        leaving = true;
    }

    /** Back in discovery before its slot was freed: in rotation again once it answers a health ping. */
    synchronized void rejoin() {
        healthy = false;
        checked = false;
        leaving = false;
    }

    public boolean leaving() {
        return leaving;
    }

    long leftAtNanos() {
        return leftAtNanos;
    }

    boolean announcedUp() {
        return announcedUp;
    }

    boolean healthy() {
        return healthy;
    }

    boolean ejected() {
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
        } else {
            checked = true;
        }
        this.healthy = healthy;
    }

    /** True once it answered a health ping, or from the start for a configured server: it may then take traffic. */
    public boolean checked() {
        return checked;
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

    long statesAppliedCount() {
        return statesApplied.sum();
    }
}
