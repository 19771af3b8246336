package io.ringlab.support.transport;

import io.ringlab.protocol.DropReason;
import org.springframework.integration.handler.advice.AbstractRequestHandlerAdvice;
import org.springframework.messaging.Message;

/**
 * Wraps an outbound UDP adapter so that a datagram the socket refuses (an unresolvable destination, a
 * closed socket at shutdown) is counted as {@code send-failed} instead of thrown back into the receive
 * path: UDP senders never block or throw on the data path.
 */
public class SendFailureAdvice extends AbstractRequestHandlerAdvice {

    private final DropCounter drops;

    public SendFailureAdvice(DropCounter drops) {
        this.drops = drops;
    }

    @Override
    protected Object doInvoke(ExecutionCallback callback, Object target, Message<?> message) {
        try {
            return callback.execute();
        } catch (RuntimeException e) {
            drops.drop(DropReason.SEND_FAILED);
            return null;
        }
    }
}
