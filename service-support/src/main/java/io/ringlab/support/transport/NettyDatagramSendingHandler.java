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
import java.util.List;

/**
 * A Spring Integration outbound UDP endpoint over Netty datagram channels (one per event loop, or one): sends the
 * message's {@code byte[]} payload to the address in its {@link Datagrams#DESTINATION} header, from the channel of
 * the calling thread's loop. On a channel's own event loop (a reply or a request passed on while a read batch is
 * handled) the datagram is only written, and {@link #flushWritten()} after the batch sends all of them at once
 * ({@code sendmmsg} on epoll); from any other thread (retries, health pings) it is sent from the first channel,
 * written and flushed at once.
 * <p>
 * A message whose payload is a {@link DatagramBatch} (the datagrams a flow made of one read batch) is sent whole:
 * each of its buffers is written to its destination (a reference of its own taken for Netty, so that the batch stays
 * its owner's to clear) and the channel is flushed once, one {@code sendmmsg} on epoll.
 * <p>
 * Never blocks and never throws: a datagram that cannot be sent (unresolved destination, the channel's outbound
 * buffer above its high-water mark because the kernel's send buffer is full, socket closed at shutdown, an error
 * from the kernel) is dropped and counted as {@code send-failed}, so the outbound buffer is bounded.
 */
public class NettyDatagramSendingHandler extends AbstractMessageHandler {

    private final Channel[] channels;
    private final DropCounter drops;
    private final ChannelFutureListener countFailure;
    /** Channel i was written on its event loop and not flushed yet; element i is touched on channel i's loop only. */
    private final boolean[] written;

    private final boolean flushPerBatch;

    public NettyDatagramSendingHandler(List<Channel> channels, DropCounter drops) {
        this(channels, drops, true);
    }

    /** @param flushPerBatch {@code false}: every datagram is flushed at once, even on the loop (no sendmmsg) */
    public NettyDatagramSendingHandler(List<Channel> channels, DropCounter drops, boolean flushPerBatch) {
        this.flushPerBatch = flushPerBatch;
        this.channels = channels.toArray(Channel[]::new);
        this.written = new boolean[this.channels.length];
        this.drops = drops;
        this.countFailure = future -> {
            if (!future.isSuccess()) {
                drops.drop(DropReason.SEND_FAILED);
            }
        };
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        int own = ownChannel();
        Channel channel = channels[own < 0 ? 0 : own];
        if (message.getPayload() instanceof DatagramBatch batch) {
            sendBatch(batch, channel, own >= 0 && flushPerBatch);
            return;
        }
        SocketAddress destination = Datagrams.destination(message);
        if (!sendable(destination, channel)) {
            drops.drop(DropReason.SEND_FAILED);
            return;
        }
        byte[] payload = (byte[]) message.getPayload();
        ByteBuf content = channel.alloc().directBuffer(payload.length).writeBytes(payload);
        DatagramPacket packet = new DatagramPacket(content, (InetSocketAddress) destination);
        if (own >= 0 && flushPerBatch) {
            channel.write(packet).addListener(countFailure);
            written[own] = true;
        } else {
            channel.writeAndFlush(packet).addListener(countFailure);
        }
    }

    /** Writes every datagram of the batch and, with {@code flushOnce}, flushes after the last; else each at once. */
    private void sendBatch(DatagramBatch batch, Channel channel, boolean flushOnce) {
        boolean wrote = false;
        for (int i = 0; i < batch.size(); i++) {
            InetSocketAddress destination = batch.address(i);
            if (!sendable(destination, channel)) {
                drops.drop(DropReason.SEND_FAILED);
                continue;
            }
            DatagramPacket packet = new DatagramPacket(batch.content(i).retain(), destination);
            if (flushOnce) {
                channel.write(packet).addListener(countFailure);
                wrote = true;
            } else {
                channel.writeAndFlush(packet).addListener(countFailure);
            }
        }
        if (wrote) {
            channel.flush();
        }
    }

    private static boolean sendable(SocketAddress destination, Channel channel) {
        return destination instanceof InetSocketAddress address && !address.isUnresolved() && channel.isWritable();
    }

    /** Sends what was written on the calling loop's channel since its last flush; nothing on any other thread. */
    public void flushWritten() {
        int own = ownChannel();
        if (own >= 0 && written[own]) {
            written[own] = false;
            channels[own].flush();
        }
    }

    /** The index of the channel served by the calling thread, or -1 when the thread is none of their loops. */
    private int ownChannel() {
        for (int i = 0; i < channels.length; i++) {
            if (channels[i].eventLoop().inEventLoop()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * No per-message timer: Spring Integration would time every datagram through this step; the services count
     * what matters with meters of their own, and at tens of thousands of datagrams a second the timing costs.
     */
    @Override
    public void registerMetricsCaptor(MetricsCaptor metricsCaptor) {}
}
