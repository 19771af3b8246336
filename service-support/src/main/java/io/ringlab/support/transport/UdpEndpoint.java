package io.ringlab.support.transport;

/** A bound UDP socket of a {@link DatagramTransport}, whichever code serves it. */
public interface UdpEndpoint extends AutoCloseable {

    int localPort();

    /** The ports of all its sockets (one per event loop for some endpoints), each once. */
    default java.util.List<Integer> localPorts() {
        return java.util.List.of(localPort());
    }

    /** Closes the socket; closing twice does nothing. */
    @Override
    void close();
}
