package io.ringlab.agent.routing;

import io.ringlab.protocol.HostAndPort;
import io.ringlab.protocol.ServerState;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

/** One ring server as the agent sees it: its name, its last resolved address, whether it is up, what it was sent. */
public class Backend {

    private final int index;
    private final HostAndPort name;
    private volatile InetSocketAddress address;
    private volatile boolean up = true;
    private long lastStateSequence = Long.MIN_VALUE;
    private final LongAdder statesApplied = new LongAdder();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder replies = new LongAdder();

    public Backend(int index, HostAndPort name) {
        this.index = index;
        this.name = name;
        this.address = name.resolve();
    }

    public int index() {
        return index;
    }

    public HostAndPort name() {
        return name;
    }

    public InetSocketAddress address() {
        return address;
    }

    public void resolveAgain() {
        address = name.resolveAgain(address);
    }

    public boolean isUp() {
        return up;
    }

    public void setUp(boolean up) {
        this.up = up;
    }

    /**
     * Applies a state the server announced ({@code d}/{@code u}): takes it out of rotation or puts it back at
     * once. Returns false, changing nothing, for a state older than the last one applied.
     */
    public synchronized boolean apply(ServerState state) {
        if (state.sequence() <= lastStateSequence) {
            return false;
        }
        lastStateSequence = state.sequence();
        up = state.up();
        statesApplied.increment();
        return true;
    }

    public long statesAppliedCount() {
        return statesApplied.sum();
    }

    void forwarded() {
        forwarded.increment();
    }

    void replied() {
        replies.increment();
    }

    public long forwardedCount() {
        return forwarded.sum();
    }

    public long replyCount() {
        return replies.sum();
    }
}
