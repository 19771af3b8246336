package io.ringlab.agent.routing;

import java.net.InetSocketAddress;

/**
 * A datagram to send and where to: what the router fills in for its caller. The caller keeps one per thread and
 * reuses it, so that routing allocates nothing.
 */
public final class Outgoing {

    private InetSocketAddress destination;
    private byte[] datagram;
    private long clientRequestId;
    private boolean rawReply;

    public Outgoing() {}

    Outgoing(InetSocketAddress destination, byte[] datagram) {
        set(destination, datagram);
    }

    void set(InetSocketAddress destination, byte[] datagram) {
        this.destination = destination;
        this.datagram = datagram;
    }

    /** A reply to a client, which the caller makes of the server's reply as it is kept (see the accessors). */
    void reply(InetSocketAddress client, long clientRequestId, boolean rawReply) {
        this.destination = client;
        this.datagram = null;
        this.clientRequestId = clientRequestId;
        this.rawReply = rawReply;
    }

    public InetSocketAddress destination() {
        return destination;
    }

    /** The datagram to send; {@code null} for a reply the caller makes of the server's reply in place. */
    public byte[] datagram() {
        return datagram;
    }

    /** For a reply: the request id the client gave, to write into the server's reply in place of the agent's. */
    public long clientRequestId() {
        return clientRequestId;
    }

    /** For a reply: the client sent a raw request, so it gets the reply's payload alone (after the header). */
    public boolean rawReply() {
        return rawReply;
    }
}
