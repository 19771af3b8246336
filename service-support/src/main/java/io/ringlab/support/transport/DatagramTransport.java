package io.ringlab.support.transport;

import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.handler.AbstractMessageHandler;

/**
 * What serves a service's UDP sockets: binds them, and makes the Spring Integration endpoints that receive from
 * them and send on them. Whatever the transport, the endpoints behave alike: the producer passes each datagram
 * down the flow on the receiving thread as a {@code byte[]} payload with its sender in
 * {@code IpHeaders.PACKET_ADDRESS}, dropping and counting empty ({@code empty}) and oversized ({@code oversized})
 * datagrams and those the flow fails on ({@code handler-failed}); the sending handler never blocks nor throws, and
 * counts what it cannot send ({@code send-failed}).
 */
public interface DatagramTransport extends AutoCloseable {

    /**
     * Binds a socket at once, so that a port in use stops startup with a line naming the property.
     *
     * @param property    the configuration property that chose the port, named in the error
     * @param bindAddress an address to bind to, or {@code null}/blank for the wildcard (IPv4 and IPv6)
     */
    UdpEndpoint bind(String property, String bindAddress, int port, UdpSettings settings);

    /**
     * Binds one socket per event loop (see {@link #loops()}), each served by its loop: all on one port with
     * {@code SO_REUSEPORT} ({@code samePort}, or a fixed {@code port}: a fixed port is one port), or else each on an
     * ephemeral port of its own. With one loop, the same as {@link #bind}. A sender over such an endpoint sends from
     * the calling loop's socket, and from the first socket on any other thread.
     */
    UdpEndpoint bindPerLoop(String property, String bindAddress, int port, UdpSettings settings, boolean samePort);

    /** Event loop threads serving the sockets. */
    int loops();

    MessageProducerSupport receiver(UdpEndpoint endpoint, UdpSettings settings, DropCounter drops);

    /**
     * A producer that sends one message per read batch, its payload a {@link DatagramBatch} of the datagrams read
     * (each with its sender), valid only during the synchronous send on the reading thread; empty and oversized
     * datagrams are dropped and counted before. The {@link #sender} takes such a batch (of datagrams to send) too.
     */
    MessageProducerSupport batchReceiver(UdpEndpoint endpoint, UdpSettings settings, DropCounter drops);

    /** Sends a message's {@code byte[]} to its {@link Datagrams#DESTINATION}, or each datagram of a batch. */
    AbstractMessageHandler sender(UdpEndpoint endpoint, DropCounter drops);

    /** One line for the startup log: which transport, and why when it had to fall back. */
    String describe();

    @Override
    void close();
}
