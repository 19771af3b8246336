package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DatagramPacket;
import io.ringlab.protocol.DropReason;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.integration.support.management.metrics.MetricsCaptor;
import org.springframework.messaging.Message;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A Spring Integration outbound UDP endpoint over a Netty datagram channel: sends the message's {@code byte[]}
 * payload to the address in its {@link Datagrams#DESTINATION} header. On the channel's own event loop (a reply or
 * a request passed on while a read batch is handled) the datagram is only written, and {@link #flushWritten()}
 * after the batch sends all of them at once ({@code sendmmsg} on epoll); from any other thread (retries, health
 * pings) it is written and flushed at once.
 * <p>
 * Never blocks and never throws: a datagram that cannot be sent (unresolved destination, the channel's outbound
 * buffer above its high-water mark because the kernel's send buffer is full, socket closed at shutdown, an error
 * from the kernel) is dropped and counted as {@code send-failed}, so the outbound buffer is bounded.
 */
public class NettyDatagramSendingHandler extends AbstractMessageHandler {

    private final Channel channel;
    private final DropCounter drops;
    private final ChannelFutureListener countFailure;
    /** Written on the event loop and not flushed yet; touched on the event loop only. */
    private boolean written;

    public NettyDatagramSendingHandler(Channel channel, DropCounter drops) {
        this.channel = channel;
        this.drops = drops;
        this.countFailure = future -> {
            if (!future.isSuccess()) {
                drops.drop(DropReason.SEND_FAILED);
            }
        };
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        SocketAddress destination = Datagrams.destination(message);
        if (!(destination instanceof InetSocketAddress address) || address.isUnresolved() || !channel.isWritable()) {
            drops.drop(DropReason.SEND_FAILED);
            return;
        }
        byte[] payload = (byte[]) message.getPayload();
        ByteBuf content = channel.alloc().directBuffer(payload.length).writeBytes(payload);
        DatagramPacket packet = new DatagramPacket(content, address);
        if (channel.eventLoop().inEventLoop()) {
            channel.write(packet).addListener(countFailure);
            written = true;
        } else {
            channel.writeAndFlush(packet).addListener(countFailure);
        }
    }

    /** Sends what was written on the event loop since the last flush; does nothing on any other thread. */
    public void flushWritten() {
        if (channel.eventLoop().inEventLoop() && written) {
            written = false;
            channel.flush();
        }
    }

    /**
     * No per-message timer: Spring Integration would time every datagram through this step; the services count
     * what matters with meters of their own, and at tens of thousands of datagrams a second the timing costs.
     */
    @Override
    public void registerMetricsCaptor(MetricsCaptor metricsCaptor) {
    }
}
