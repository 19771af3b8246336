package io.ringlab.support.transport;

import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Message headers and helpers for datagrams moving through the flows. */
public final class Datagrams {

    /** Header holding the {@link SocketAddress} an outgoing datagram is sent to. */
    public static final String DESTINATION = "ringlab_destination";

    private Datagrams() {}

    public static Message<byte[]> to(SocketAddress destination, byte[] datagram) {
        return MessageBuilder.withPayload(datagram)
                .setHeader(DESTINATION, destination)
                .build();
    }

    /** The sender of a received datagram. */
    public static InetSocketAddress sender(MessageHeaders headers) {
        return (InetSocketAddress) headers.get(IpHeaders.PACKET_ADDRESS);
    }

    public static SocketAddress destination(Message<?> message) {
        return (SocketAddress) message.getHeaders().get(DESTINATION);
    }
}
