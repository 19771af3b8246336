package io.ringlab.support.transport;

import io.ringlab.protocol.DropReason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.integration.ip.IpHeaders;
import org.springframework.integration.support.MessageBuilder;

import java.net.InetSocketAddress;

/**
 * What every transport's inbound producer does with a datagram it read: empty and oversized ones are dropped and
 * counted ({@code empty}, {@code oversized}); the others go down the flow as a message whose payload is the bytes
 * and whose {@link IpHeaders#PACKET_ADDRESS} is the sender, as Spring Integration's own UDP adapters do; one the flow
 * fails on is counted ({@code handler-failed}) and reading goes on.
 */
abstract class DatagramProducerSupport extends MessageProducerSupport {

    private static final Log log = LogFactory.getLog(DatagramProducerSupport.class);

    protected final int maxDatagramSize;
    protected final DropCounter drops;

    DatagramProducerSupport(UdpSettings settings, DropCounter drops) {
        this.maxDatagramSize = settings.maxDatagramSize();
        this.drops = drops;
    }

    /** Whether a datagram of {@code length} bytes goes down the flow; counts it when it does not. */
    protected final boolean admissible(int length) {
        if (length == 0) {
            drops.drop(DropReason.EMPTY);
            return false;
        }
        if (length > maxDatagramSize) {
            drops.drop(DropReason.OVERSIZED);
            return false;
        }
        return true;
    }

    /**
     * Sends one message whose payload is the batch down the flow, then clears the batch (releasing its buffers), so
     * that it is read only during the send. The flow's steps count what they drop of it, one datagram at a time; a
     * failure of the flow itself (outside them) is counted as {@code handler-failed} for every datagram of the batch.
     */
    protected final void passOnBatch(DatagramBatch batch) {
        try {
            sendMessage(MessageBuilder.withPayload(batch).build());
        } catch (RuntimeException e) {
            drops.drop(DropReason.HANDLER_FAILED, batch.size());
            if (log.isDebugEnabled()) {
                log.debug("flow failed on a batch of " + batch.size() + " datagrams", e);
            }
        } finally {
            batch.clear();
        }
    }

    protected final void passOn(byte[] datagram, InetSocketAddress sender) {
        try {
            sendMessage(MessageBuilder.withPayload(datagram)
                    .setHeader(IpHeaders.PACKET_ADDRESS, sender)
                    .build());
        } catch (RuntimeException e) {
            drops.drop(DropReason.HANDLER_FAILED);
            if (log.isDebugEnabled()) {
                log.debug("flow failed on a datagram from " + sender, e);
            }
        }
    }
}
