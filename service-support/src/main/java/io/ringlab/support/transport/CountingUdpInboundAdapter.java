package io.ringlab.support.transport;

import io.ringlab.protocol.DropReason;
import org.springframework.integration.ip.udp.inbound.UnicastReceivingChannelAdapter;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * Spring Integration's unicast UDP inbound adapter, bounded and counting:
 * <ul>
 * <li>the receive loop runs on one thread of its own; each datagram is handed to a bounded worker pool,
 *     and a datagram that finds the queue full is dropped and counted ({@code overload}) — the stock
 *     adapter's default pool has an unbounded queue;</li>
 * <li>empty datagrams, which the stock mapper silently discards, are counted ({@code empty});</li>
 * <li>datagrams longer than the maximum are counted ({@code oversized}) rather than passed on truncated.</li>
 * </ul>
 * The socket is bound by the caller (see {@link UdpSockets}).
 */
public class CountingUdpInboundAdapter extends UnicastReceivingChannelAdapter {

    private final int maxDatagramSize;
    private final DropCounter drops;
    private final ExecutorService receiveLoop;
    private final Executor workers;

    public CountingUdpInboundAdapter(String name, DatagramSocket socket, UdpSettings settings, DropCounter drops) {
        super(socket.getLocalPort());
        this.maxDatagramSize = settings.maxDatagramSize();
        this.drops = drops;
        this.receiveLoop = BoundedExecutor.single(name + "-receive");
        this.workers = BoundedExecutor.workers(name, settings.workers(), settings.queueCapacity(), drops);
        setSocket(socket);
        // one byte more than the maximum, so that an oversized datagram shows as such instead of truncated
        setReceiveBufferSize(maxDatagramSize + 1);
        setLookupHost(false);
        setTaskExecutor(receiveLoop);
    }

    @Override
    protected boolean asyncSendMessage(DatagramPacket packet) {
        int length = packet.getLength();
        if (length == 0) {
            drops.drop(DropReason.EMPTY);
        } else if (length > maxDatagramSize) {
            drops.drop(DropReason.OVERSIZED);
        } else {
            workers.execute(() -> doSend(packet));
        }
        return true;
    }

    /** A datagram still queued when the application stops is dropped quietly, not logged as a failure. */
    @Override
    protected void doSend(DatagramPacket packet) {
        if (!isActive()) {
            drops.drop(DropReason.SHUTTING_DOWN);
            return;
        }
        super.doSend(packet);
    }

    @Override
    protected void doStop() {
        super.doStop();
        receiveLoop.shutdownNow();
        if (workers instanceof ExecutorService service) {
            service.shutdown();
        }
    }
}
