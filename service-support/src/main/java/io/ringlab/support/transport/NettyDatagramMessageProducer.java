package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.ringlab.protocol.DropReason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.MessageBuilder;

import java.net.InetSocketAddress;

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
public class NettyDatagramMessageProducer extends MessageProducerSupport {

    private static final Log log = LogFactory.getLog(NettyDatagramMessageProducer.class);

    private final Channel channel;
    private final int maxDatagramSize;
    private final DropCounter drops;
    private final Runnable afterBatch;

    /** The channel must be bound with auto-read off and reads at most {@code maxDatagramSize + 1} bytes a datagram. */
    public NettyDatagramMessageProducer(Channel channel, UdpSettings settings, DropCounter drops, Runnable afterBatch) {
        this.channel = channel;
        this.maxDatagramSize = settings.maxDatagramSize();
        this.drops = drops;
        this.afterBatch = afterBatch;
        channel.pipeline().addLast("ringlab-receiver", new Receiver());
    }

    @Override
    protected void doStart() {
        channel.config().setAutoRead(true);
    }

    @Override
    protected void doStop() {
        channel.config().setAutoRead(false);
    }

    private void deliver(ByteBuf content, InetSocketAddress sender) {
        int length = content.readableBytes();
        if (length == 0) {
            drops.drop(DropReason.EMPTY);
            return;
        }
        if (length > maxDatagramSize) {
            drops.drop(DropReason.OVERSIZED);
            return;
        }
        byte[] bytes = new byte[length];
        content.getBytes(content.readerIndex(), bytes);
        try {
            sendMessage(MessageBuilder.withPayload(bytes).setHeader(IpHeaders.PACKET_ADDRESS, sender).build());
        } catch (RuntimeException e) {
            drops.drop(DropReason.HANDLER_FAILED);
            if (log.isDebugEnabled()) {
                log.debug("flow failed on a datagram from " + sender, e);
            }
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
