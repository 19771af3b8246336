package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;
import io.ringlab.protocol.DropReason;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.integration.support.management.metrics.MetricsCaptor;
import org.springframework.messaging.Message;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * A Spring Integration outbound UDP endpoint over an NIO {@link DatagramChannel}: sends the message's
 * {@code byte[]} payload to the address in its {@link Datagrams#DESTINATION} header, from the given socket,
 * on the caller's thread. Never blocks and never throws: a datagram the socket refuses (send buffer full,
 * unresolvable destination, socket closed at shutdown) is dropped and counted as {@code send-failed}.
 * A message whose payload is a {@link DatagramBatch} is sent one datagram after the other.
 */
public class DatagramChannelSendingHandler extends AbstractMessageHandler {

    private final DatagramChannel channel;
    private final DropCounter drops;

    public DatagramChannelSendingHandler(DatagramChannel channel, DropCounter drops) {
        this.channel = channel;
        this.drops = drops;
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        if (message.getPayload() instanceof DatagramBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                ByteBuf content = batch.content(i);
                send(content.nioBuffer(content.readerIndex(), content.readableBytes()), batch.address(i));
            }
        } else {
            send(ByteBuffer.wrap((byte[]) message.getPayload()), Datagrams.destination(message));
        }
    }

    private void send(ByteBuffer datagram, SocketAddress destination) {
        try {
            int sent = channel.send(datagram, destination);
            if (sent == 0) {
                drops.drop(DropReason.SEND_FAILED);
            }
        } catch (IOException | RuntimeException e) {
            drops.drop(DropReason.SEND_FAILED);
        }
    }

    /**
     * No per-message timer: Spring Integration would time every datagram through this step; the services count
     * what matters with meters of their own, and at tens of thousands of datagrams a second the timing costs.
     */
    @Override
    public void registerMetricsCaptor(MetricsCaptor metricsCaptor) {}
}
