package io.ringlab.support.transport;

import java.net.InetSocketAddress;

/** Sends one datagram. Never blocks for long and never throws: what cannot be sent is counted and dropped. */
@FunctionalInterface
public interface DatagramSender {

    void send(InetSocketAddress destination, byte[] datagram);
}
