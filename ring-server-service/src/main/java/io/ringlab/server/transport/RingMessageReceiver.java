package io.ringlab.server.transport;

/** Where the server's socket hands the datagrams that carry a ring message type: the election, or its absence. */
@FunctionalInterface
public interface RingMessageReceiver {

    /** A datagram {@link RingDatagrams#isRingMessage} took for a ring message; called on the UDP event loop's thread. */
    void receive(byte[] datagram);
}
