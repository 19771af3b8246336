package io.ringlab.agent.routing;

import io.ringlab.protocol.HostAndPort;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

/** One ring server as the agent sees it: its name, its last resolved address, whether it is up, what it was sent. */
public class Backend {

    private final int index;
    private final HostAndPort name;
    private volatile InetSocketAddress address;
    private volatile boolean up = true;
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
