package io.ringlab.support.transport;

import io.netty.buffer.ByteBuf;
import io.ringlab.protocol.DropReason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.integration.handler.AbstractMessageHandler;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.integration.support.management.metrics.MetricsCaptor;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

import java.net.InetSocketAddress;

/**
 * A flow step over a read batch (a message whose payload is a received {@link DatagramBatch}): calls the logic on
 * each datagram in turn, which adds what it sends on to a batch of outgoing datagrams, and sends that batch to the
 * output channel as one message (for a sending handler: each written, one flush). A datagram the logic throws on is
 * dropped and counted ({@code handler-failed}); the rest of the batch goes on.
 * <p>
 * The outgoing batch is one per thread, reused, and cleared (its buffers released) when the output's send returns:
 * like the received batch, it is valid only during that synchronous send.
 */
public class DatagramBatchHandler extends AbstractMessageHandler {

    private static final Log log = LogFactory.getLog(DatagramBatchHandler.class);

    /** The logic of one step, for one datagram of the batch. */
    @FunctionalInterface
    public interface Logic {
        /**
         * @param datagram the received bytes, from the reader index; the batch owns them (retain to keep or send)
         * @param out      where to add what to send on; it takes over one reference to each buffer added
         */
        void handle(ByteBuf datagram, InetSocketAddress sender, long nowNanos, DatagramBatch out);
    }

    private final Logic logic;
    private final MessageChannel output;
    private final DropCounter drops;
    private final ThreadLocal<DatagramBatch> outgoing = ThreadLocal.withInitial(DatagramBatch::new);

    public DatagramBatchHandler(Logic logic, MessageChannel output, DropCounter drops) {
        this.logic = logic;
        this.output = output;
        this.drops = drops;
    }

    @Override
    protected void handleMessageInternal(Message<?> message) {
        DatagramBatch received = (DatagramBatch) message.getPayload();
        DatagramBatch out = outgoing.get();
        try {
            long nowNanos = System.nanoTime(); // one reading for the batch: it is handled within microseconds
            for (int i = 0; i < received.size(); i++) {
                if (out.isFull()) {
                    sendOn(out);
                }
                handleOne(received.content(i), received.address(i), nowNanos, out);
            }
            if (!out.isEmpty()) {
                sendOn(out);
            }
        } finally {
            out.clear();
        }
    }

    private void sendOn(DatagramBatch out) {
        try {
            output.send(MessageBuilder.withPayload(out).build());
        } finally {
            out.clear();
        }
    }

    private void handleOne(ByteBuf datagram, InetSocketAddress sender, long nowNanos, DatagramBatch out) {
        try {
            logic.handle(datagram, sender, nowNanos, out);
        } catch (RuntimeException e) {
            drops.drop(DropReason.HANDLER_FAILED);
            if (log.isDebugEnabled()) {
                log.debug("flow failed on a datagram from " + sender, e);
            }
        }
    }

    /**
     * No per-message timer: Spring Integration would time every batch through this step; the services count what
     * matters with meters of their own.
     */
    @Override
    public void registerMetricsCaptor(MetricsCaptor metricsCaptor) {}
}
