package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.integration.ip.IpHeaders;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A Spring Integration message producer over a Netty datagram channel: the channel's event loop reads a batch of
 * datagrams (one {@code recvmmsg} on epoll) and passes each down the flow on the same thread; when the batch is
 * done, {@code afterBatch} runs, which flushes what the flow wrote meanwhile (one {@code sendmmsg} per socket). The
 * kernel's socket receive buffer stays the only queue: the channel reads only while the producer runs.
 * <p>
 * Same messages and drop counts as {@link DatagramChannelMessageProducer}: the payload is the datagram's bytes and
 * the sender is in {@link IpHeaders#PACKET_ADDRESS}; empty and oversized datagrams are counted ({@code empty},
 * {@code oversized}), and so is a datagram the flow fails on ({@code handler-failed}).
 */
public class NettyDatagramMessageProducer extends DatagramProducerSupport {

    private static final Log log = LogFactory.getLog(NettyDatagramMessageProducer.class);

    private final List<Channel> channels;
    private final Runnable afterBatch;

    /**
     * The channels (one per event loop, or one) must be bound with auto-read off and read at most
     * {@code maxDatagramSize + 1} bytes a datagram; each passes its datagrams down the flow on its own loop's thread.
     */
    public NettyDatagramMessageProducer(
            List<Channel> channels, UdpSettings settings, DropCounter drops, Runnable afterBatch) {
        super(settings, drops);
        this.channels = List.copyOf(channels);
        this.afterBatch = afterBatch;
        for (Channel channel : this.channels) {
            channel.pipeline().addLast("ringlab-receiver", new Receiver());
        }
    }

    @Override
    protected void doStart() {
        channels.forEach(channel -> channel.config().setAutoRead(true));
    }

    @Override
    protected void doStop() {
        channels.forEach(channel -> channel.config().setAutoRead(false));
    }

    private void deliver(ByteBuf content, InetSocketAddress sender) {
        if (admissible(content.readableBytes())) {
            byte[] bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
            passOn(bytes, sender);
        }
    }

    private final class Receiver extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof DatagramPacket packet) {
                    deliver(packet.content(), packet.sender());
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            afterBatch.run();
        }

        /** A failed receive: the socket stays open and the next datagram is read as usual. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("UDP receive failed: " + cause.getMessage());
        }
    }
}
