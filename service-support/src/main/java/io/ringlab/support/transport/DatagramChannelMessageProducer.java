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
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spring Integration message producer over an NIO {@link DatagramChannel}: each of its receive threads takes
 * a datagram from the socket and passes it down the flow <em>on the same thread</em>, so that a datagram costs
 * no hand-off between threads. The kernel's socket receive buffer is the only queue: it is bounded, and what
 * overflows it the kernel counts (see {@link SocketDrops}).
 * <p>
 * The message carries the datagram's bytes as its payload and the sender in {@link IpHeaders#PACKET_ADDRESS},
 * as Spring Integration's own UDP adapters do. Empty datagrams and datagrams longer than the maximum are
 * dropped and counted ({@code empty}, {@code oversized}); a datagram the flow fails on is counted
 * ({@code handler-failed}) and the thread goes on.
 * <p>
 * The receive threads block in {@code receive} (one system call per datagram); stopping the producer
 * interrupts them, which closes the channel: it is stopped only when the application stops.
 */
public class DatagramChannelMessageProducer extends MessageProducerSupport {

    private static final Log log = LogFactory.getLog(DatagramChannelMessageProducer.class);

    private final String name;
    private final DatagramChannel channel;
    private final int threads;
    private final int maxDatagramSize;
    private final DropCounter drops;
    private final List<Thread> receivers = new ArrayList<>();
    private volatile boolean receiving;

    public DatagramChannelMessageProducer(String name, DatagramChannel channel, UdpSettings settings, DropCounter drops) {
        this.name = name;
        this.channel = channel;
        this.threads = settings.workers();
        this.maxDatagramSize = settings.maxDatagramSize();
        this.drops = drops;
    }

    @Override
    protected void doStart() {
        receiving = true;
        for (int i = 1; i <= threads; i++) {
            Thread thread = new Thread(this::receiveLoop, name + "-" + i);
            thread.setDaemon(true);
            receivers.add(thread);
            thread.start();
        }
    }

    @Override
    protected void doStop() {
        receiving = false;
        // a thread blocked in receive is released by its interrupt, which closes the channel (the socket is
        // closed at shutdown anyway, after the drains of the services)
        receivers.forEach(Thread::interrupt);
        for (Thread receiver : receivers) {
            try {
                receiver.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        receivers.clear();
    }

    private void receiveLoop() {
        // one byte more than the maximum, so that an oversized datagram shows as such instead of truncated
        ByteBuffer buffer = ByteBuffer.allocateDirect(maxDatagramSize + 1);
        try {
            while (receiving) {
                buffer.clear();
                InetSocketAddress sender = (InetSocketAddress) channel.receive(buffer);
                deliver(buffer.flip(), sender);
            }
        } catch (ClosedChannelException e) {
            // stopped, or the socket closed at shutdown
        } catch (IOException e) {
            log.error("UDP receive loop " + Thread.currentThread().getName() + " ended", e);
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
