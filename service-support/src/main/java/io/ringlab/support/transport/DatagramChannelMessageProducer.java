package io.ringlab.support.transport;

import io.netty.buffer.Unpooled;
import org.springframework.integration.ip.IpHeaders;

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
 * <p>
 * Made {@link #batching}, it sends one message per wake-up instead: the datagrams it read (up to a batch) in a
 * {@link DatagramBatch}, as {@link NettyDatagramBatchProducer} does, each copied into a heap buffer of its own.
 */
public class DatagramChannelMessageProducer extends DatagramProducerSupport {

    /** Datagrams taken from one socket before the loop looks at the others again. */
    private static final int BATCH = DatagramBatch.CAPACITY;

    private final DatagramChannel channel;
    private final UdpEventLoop loop;
    // one byte more than the maximum, so that an oversized datagram shows as such instead of truncated
    private final ByteBuffer buffer;
    /** The datagrams of one wake-up, when batching; touched by the loop's thread only. */
    private final DatagramBatch batch;

    public DatagramChannelMessageProducer(
            DatagramChannel channel, UdpEventLoop loop, UdpSettings settings, DropCounter drops) {
        this(channel, loop, settings, drops, false);
    }

    private DatagramChannelMessageProducer(
            DatagramChannel channel, UdpEventLoop loop, UdpSettings settings, DropCounter drops, boolean batching) {
        super(settings, drops);
        this.channel = channel;
        this.loop = loop;
        this.buffer = ByteBuffer.allocateDirect(maxDatagramSize + 1);
        this.batch = batching ? new DatagramBatch() : null;
    }

    /** A producer that sends one message of a {@link DatagramBatch} per wake-up. */
    public static DatagramChannelMessageProducer batching(
            DatagramChannel channel, UdpEventLoop loop, UdpSettings settings, DropCounter drops) {
        return new DatagramChannelMessageProducer(channel, loop, settings, drops, true);
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
        try {
            for (int i = 0; i < BATCH; i++) {
                buffer.clear();
                InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
                if (sender == null) {
                    return;
                }
                deliver(buffer.flip(), sender);
            }
        } finally {
            if (batch != null && !batch.isEmpty()) {
                passOnBatch(batch);
            }
        }
    }

    private void deliver(ByteBuffer datagram, InetSocketAddress sender) {
        if (!admissible(datagram.remaining())) {
            return;
        }
        if (batch != null) {
            batch.add(Unpooled.buffer(datagram.remaining()).writeBytes(datagram), sender);
        } else {
            byte[] bytes = new byte[datagram.remaining()];
            datagram.get(bytes);
            passOn(bytes, sender);
        }
    }
}
