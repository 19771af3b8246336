package io.ringlab.support.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import java.util.List;

/**
 * A Spring Integration message producer over Netty datagram channels that sends one message per read batch: the
 * channel's event loop reads datagrams (one or more {@code recvmmsg} on epoll, up to {@link DatagramBatch#CAPACITY});
 * each admissible one is kept, as the pooled buffer Netty read it into, in the channel's {@link DatagramBatch}; when
 * the read is done the batch goes down the flow as the payload of one message, on the same thread, and is cleared
 * when the flow returns. Then {@code afterBatch} runs, which flushes what other flows wrote meanwhile.
 * <p>
 * Empty and oversized datagrams are dropped and counted here ({@code empty}, {@code oversized}); the flow's steps
 * count what they drop of the batch, one datagram at a time.
 */
public class NettyDatagramBatchProducer extends DatagramProducerSupport {

    private static final Log log = LogFactory.getLog(NettyDatagramBatchProducer.class);

    private final List<Channel> channels;
    private final Runnable afterBatch;

    /**
     * The channels (one per event loop, or one) must be bound with auto-read off and read at most
     * {@code maxDatagramSize + 1} bytes a datagram; each fills a batch of its own on its own loop's thread.
     */
    public NettyDatagramBatchProducer(
            List<Channel> channels, UdpSettings settings, DropCounter drops, Runnable afterBatch) {
        super(settings, drops);
        this.channels = List.copyOf(channels);
        this.afterBatch = afterBatch;
        for (Channel channel : this.channels) {
            channel.pipeline().addLast("ringlab-batch-receiver", new Receiver());
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

    /** One per channel, so its batch is touched by the channel's loop thread only. */
    private final class Receiver extends ChannelInboundHandlerAdapter {

        private final DatagramBatch batch = new DatagramBatch();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof DatagramPacket packet)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (!admissible(packet.content().readableBytes())) {
                packet.release();
                return;
            }
            if (batch.isFull()) {
                passOnBatch(batch);
            }
            batch.add(packet.content(), packet.sender()); // the packet's one reference goes to the batch
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            try {
                if (!batch.isEmpty()) {
                    passOnBatch(batch);
                }
            } finally {
                afterBatch.run();
            }
        }

        /** A failed receive: the socket stays open and the next datagram is read as usual. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("UDP receive failed: " + cause.getMessage());
        }

        /** At shutdown: what was read and not passed on is released. */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            batch.clear();
            super.channelInactive(ctx);
        }
    }
}
