package io.ringlab.support.transport;

import org.springframework.integration.handler.AbstractReplyProducingMessageHandler;
import org.springframework.integration.support.management.metrics.MetricsCaptor;
import org.springframework.messaging.Message;

import java.net.InetSocketAddress;

/**
 * A flow step over received datagrams: calls the logic with the datagram's bytes, its sender and the time,
 * and passes on the datagram the logic returns (built with {@link Datagrams#to}), or nothing. A plain
 * reply-producing handler rather than a lambda {@code handle(...)}: no argument resolution per message and
 * no copy of the request's headers into the reply, which matter at tens of thousands of datagrams a second.
 */
public class DatagramHandler extends AbstractReplyProducingMessageHandler {

    /** The logic of one step; returns the datagram to send on, or {@code null}. */
    @FunctionalInterface
    public interface Logic {
        Message<byte[]> handle(byte[] datagram, InetSocketAddress sender, long nowNanos);
    }

    private final Logic logic;

    public DatagramHandler(Logic logic) {
        this.logic = logic;
        setRequiresReply(false);
    }

    @Override
    protected Object handleRequestMessage(Message<?> requestMessage) {
        return logic.handle(
                (byte[]) requestMessage.getPayload(), Datagrams.sender(requestMessage.getHeaders()), System.nanoTime());
    }

    @Override
    protected boolean shouldCopyRequestHeaders() {
        return false;
    }

    /**
     * No per-message timer: Spring Integration would time every datagram through this step; the services count
     * what matters with meters of their own, and at tens of thousands of datagrams a second the timing costs.
     */
    @Override
    public void registerMetricsCaptor(MetricsCaptor metricsCaptor) {}
}
