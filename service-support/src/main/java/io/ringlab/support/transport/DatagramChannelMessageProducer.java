package io.ringlab.support.transport;

import io.ringlab.protocol.DropReason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.MessageBuilder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A Spring Integration message producer over an NIO {@link DatagramChannel}, served by the service's
 * {@link UdpEventLoop}: when the socket has datagrams, the loop's thread takes a batch of them and passes each
 * down the flow <em>on the same thread</em>, so that a datagram costs no hand-off between threads. The kernel's
 * socket receive buffer is the only queue: it is bounded, and what overflows it the kernel counts (see
 * {@link SocketDrops}).
 * <p>
 * The message carries the datagram's bytes as its payload and the sender in {@link IpHeaders#PACKET_ADDRESS},
 * as Spring Integration's own UDP adapters do. Empty datagrams and datagrams longer than the maximum are
 * dropped and counted ({@code empty}, {@code oversized}); a datagram the flow fails on is counted
 * ({@code handler-failed}) and the loop goes on.
 */
public class DatagramChannelMessageProducer extends MessageProducerSupport {

    private static final Log log = LogFactory.getLog(DatagramChannelMessageProducer.class);
    /** Datagrams taken from one socket before the loop looks at the others again. */
    private static final int BATCH = 64;

    private final DatagramChannel channel;
    private final UdpEventLoop loop;
    private final int maxDatagramSize;
    private final DropCounter drops;
    // one byte more than the maximum, so that an oversized datagram shows as such instead of truncated
    private final ByteBuffer buffer;

    public DatagramChannelMessageProducer(DatagramChannel channel, UdpEventLoop loop, UdpSettings settings,
                                          DropCounter drops) {
        this.channel = channel;
        this.loop = loop;
        this.maxDatagramSize = settings.maxDatagramSize();
        this.drops = drops;
        this.buffer = ByteBuffer.allocateDirect(maxDatagramSize + 1);
    }

    @Override
    protected void doStart() {
        loop.add(channel, this::readReady);
    }

    @Override
    protected void doStop() {
        loop.remove(channel);
    }

    /** On the loop's thread: up to a batch of datagrams, until the socket is empty. */
    private void readReady() throws IOException {
        for (int i = 0; i < BATCH; i++) {
            buffer.clear();
            InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
            if (sender == null) {
                return;
            }
            deliver(buffer.flip(), sender);
        }
    }

    private void deliver(ByteBuffer datagram, InetSocketAddress sender) {
        int length = datagram.remaining();
        if (length == 0) {
            drops.drop(DropReason.EMPTY);
            return;
        }
        if (length > maxDatagramSize) {
            drops.drop(DropReason.OVERSIZED);
            return;
        }
        byte[] bytes = new byte[length];
        datagram.get(bytes);
        try {
            sendMessage(MessageBuilder.withPayload(bytes).setHeader(IpHeaders.PACKET_ADDRESS, sender).build());
        } catch (RuntimeException e) {
            drops.drop(DropReason.HANDLER_FAILED);
            if (log.isDebugEnabled()) {
                log.debug("flow failed on a datagram from " + sender, e);
            }
        }
    }
}
