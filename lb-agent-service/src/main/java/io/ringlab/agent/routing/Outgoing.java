package io.ringlab.agent.routing;

import java.net.InetSocketAddress;

/**
 * A datagram to send and where to: what the router fills in for its caller. The caller keeps one per thread and
 * reuses it, so that routing allocates nothing.
 */
public final class Outgoing {

    private InetSocketAddress destination;
    private byte[] datagram;

    public Outgoing() {}

    Outgoing(InetSocketAddress destination, byte[] datagram) {
        set(destination, datagram);
    }

    void set(InetSocketAddress destination, byte[] datagram) {
        this.destination = destination;
        this.datagram = datagram;
    }

    public InetSocketAddress destination() {
        return destination;
    }

    public byte[] datagram() {
        return datagram;
    }
}
