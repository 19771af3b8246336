package io.ringlab.support.transport;

/** A bound UDP socket of a {@link DatagramTransport}, whichever code serves it. */
public interface UdpEndpoint extends AutoCloseable {

    int localPort();

    /** Closes the socket; closing twice does nothing. */
    @Override
    void close();
}
