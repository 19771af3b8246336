package io.ringlab.agent.routing;

import java.net.InetSocketAddress;

/** A datagram to send and where to. */
public record Outgoing(InetSocketAddress destination, byte[] datagram) {
}
